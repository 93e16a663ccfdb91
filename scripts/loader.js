// Inlined into index.html's <head> by scripts/prepaint.mjs (its hash goes into the CSP),
// in place of Trunk's loader: it reads the scene from the URL's hash exactly as the app
// (src/route.rs) and scripts/prepaint-picker.js do (an unknown or bad route gets the
// default scene) and loads that scene's bundle only (scripts/bundles.mjs), wasm preloaded
// while the glue arrives. The app reloads the page when it is sent to a scene its bundle
// lacks, so this runs again and picks the right one.
// The bundle's style sheet (its third file; scripts/css-bundles.mjs) is linked at once,
// before index.html's second inline <style> (the cascade keeps the one-file build's
// order); it does not hold up the first paint, which needs only the inline CSS, but the
// app mounts only once it has loaded (or failed), so nothing is drawn unstyled.
// window.wwCss is that promise, which the picker waits on before it shows a whole
// pre-rendered page.
// The bundle's words are not in its wasm: each language is a strings file of its own
// (src/i18n/strings.rs). The page's language, found by the picker's rules (the URL's
// lang=, the stored choice, the browser's languages, else English), is fetched at once,
// in parallel with the wasm; wwStrings(lang), which the app calls, hands out that
// promise, or fetches the other language when the visitor switches (again after a
// failure).
// A bundle's parts (wasm of their own it loads on demand: the architecture scene's frame
// inspector, src/widgets/inspector_part.rs) come from wwPart(name), a promise of the
// part's module once initialised (again after a failure). They are fetched ahead, into
// the HTTP cache, once the page has loaded and the browser is idle.
(function () {
  var BUNDLES = __BUNDLES__, STRINGS = __STRINGS__, DEFAULT = '__DEFAULT_SCENE__';
  var PARTS = __PARTS__;
  function dec(s) {
    try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch (e) { return s; }
  }
  function langOf(code) {
    var p = String(code || '').split(/[-_]/)[0].toLowerCase();
    return p === 'zh' || p === 'en' ? p : null;
  }
  var hash = location.hash.replace(/^#/, ''), q = hash.indexOf('?');
  var slug = q < 0 ? hash : hash.slice(0, q);
  try { slug = decodeURIComponent(slug); } catch (e) {}
  slug = slug.trim().replace(/^\/+|\/+$/g, '');
  var known = /^[A-Za-z]+$/.test(slug) && Object.prototype.hasOwnProperty.call(BUNDLES, slug.toLowerCase());
  var scene = known ? slug.toLowerCase() : DEFAULT;
  var b = BUNDLES[scene], texts = STRINGS[scene], d = document, js = './' + b[0], wasm = './' + b[1];
  var lang = null, pairs = location.search.replace(/^\?/, '').split('&').concat(q < 0 ? [] : hash.slice(q + 1).split('&'));
  for (var i = 0; i < pairs.length; i++) {
    var eq = pairs[i].indexOf('=');
    if (pairs[i] && dec(eq < 0 ? pairs[i] : pairs[i].slice(0, eq)) === 'lang') lang = langOf(dec(eq < 0 ? '' : pairs[i].slice(eq + 1))) || lang;
  }
  if (!lang) { try { lang = langOf(localStorage.getItem('wirewalk.lang')); } catch (e) {} }
  var prefs = navigator.languages || [navigator.language];
  for (var j = 0; j < prefs.length && !lang; j++) lang = langOf(prefs[j]);
  var cache = {};
  window.wwStrings = function (l) {
    if (cache[l]) return cache[l];
    var p = texts[l] ? fetch('./' + texts[l]).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.text();
    }) : Promise.reject(new Error(String(l)));
    cache[l] = p;
    p.catch(function () { if (cache[l] === p) delete cache[l]; });
    return p;
  };
  wwStrings(lang || 'en');
  var sheet = d.createElement('link');
  window.wwCss = new Promise(function (done) {
    sheet.onload = sheet.onerror = function () { done(); };
  });
  sheet.rel = 'stylesheet';
  sheet.href = './' + b[2];
  d.head.insertBefore(sheet, d.getElementById('ww-late-css'));
  var pre = d.createElement('link');
  pre.rel = 'preload';
  pre.as = 'fetch';
  pre.type = 'application/wasm';
  pre.crossOrigin = 'anonymous';
  pre.href = wasm;
  d.head.appendChild(pre);
  var idle = window.requestIdleCallback || function (f) { setTimeout(f, 2000); };
  // The service worker (scripts/offline.mjs) keeps the hosted copy working offline. Its
  // install fetches every file of the build, so it is registered only once the page has
  // loaded, the app is ready with every part mounted (src/widgets/later.rs) and the
  // browser is idle: on a slow link or 2 cores it would otherwise compete with the
  // start-up. If the app never gets there, it is registered anyway after 40 checks; each
  // waits for an idle moment and then 250 ms, so that is 10 s or more after the load, with
  // no upper bound while the browser stays busy. Not under file:// (no service workers there) and
  // not in a frame (an embed would get a partitioned cache of its own); the one-file
  // build has a loader of its own (scripts/onefile.mjs) and no sw.js.
  function offline(tries) {
    idle(function () {
      if (tries < 40 && (!d.querySelector('main[data-ready="true"]') || d.querySelector('.ww-later'))) {
        setTimeout(function () { offline(tries + 1); }, 250);
      } else {
        navigator.serviceWorker.register('./sw.js').catch(function () {});
      }
    });
  }
  if ('serviceWorker' in navigator && location.protocol !== 'file:' && window === window.top) {
    addEventListener('load', function () { offline(0); });
  }
  Promise.all([import(js), wwCss]).then(function (m) { return m[0].default({ module_or_path: wasm }); });
  var mine = PARTS[scene] || {}, parts = {};
  window.wwPart = function (name) {
    if (parts[name]) return parts[name];
    var f = Object.prototype.hasOwnProperty.call(mine, name) && mine[name];
    var p = f ? import('./' + f[0]).then(function (m) {
      return m.default({ module_or_path: './' + f[1] }).then(function () { return m; });
    }) : Promise.reject(new Error(String(name)));
    parts[name] = p;
    p.catch(function () { if (parts[name] === p) delete parts[name]; });
    return p;
  };
  addEventListener('load', function () {
    idle(function () {
      for (var name in mine) {
        for (var k = 0; k < 2; k++) {
          var l = d.createElement('link');
          l.rel = 'prefetch';
          l.href = './' + mine[name][k];
          d.head.appendChild(l);
        }
      }
    });
  });
})();
