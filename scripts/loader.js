// Inlined into index.html's <head> by scripts/prepaint.mjs (its hash goes into the CSP),
// in place of Trunk's loader: it reads the scene from the URL's hash exactly as the app
// (src/route.rs) and scripts/prepaint-picker.js do (an unknown or bad route gets the
// default scene) and loads that scene's bundle only (scripts/bundles.mjs). The app
// reloads the page when it is sent to a scene its bundle lacks, so this runs again and
// picks the right one.
// Nothing is fetched before the first paint. In a cold renderer on 2 cores, every
// request made then (the network service's work, bytes arriving on the main thread, a
// style sheet parsed and matched before the first frame, wasm compiled on the other core)
// made the first paint later, whose layout waits on the browser for each font it looks
// up. So the loader queues its requests (window.wwAfter), and the picker opens the queue
// (window.wwGo) once it has put the page in and the frame that draws it has run. If it
// never does (it failed, or a build without it), the queue opens after 500 ms.
// The queue holds the bundle's style sheet (its third file; scripts/css-bundles.mjs),
// linked before index.html's second inline <style> (the cascade keeps the one-file
// build's order); its wasm, preloaded (on a slow link its download is most of the wait,
// so it starts with the sheet, not after it); the page's words; and the picker's whole
// pre-rendered page. The glue is imported once the sheet is in, so the app mounts only
// then (or after it failed) and nothing is drawn unstyled; window.wwCss is that promise,
// which the picker also waits on before it shows a whole pre-rendered page. (Importing
// the glue alongside the sheet made the app ready no sooner, as the wasm's download is
// the longer wait, and the ladder later on a slow link, where the glue competed with
// the pre-rendered page.)
// The bundle's words are not in its wasm: each language is a strings file of its own
// (src/i18n/strings.rs). The page's language is found by the picker's rules (the URL's
// lang=, the stored choice, the browser's languages, else English); wwStrings(lang),
// which the app calls, hands out that promise, or fetches the other language when the
// visitor switches (again after a failure).
// A bundle's parts (wasm of their own it loads on demand: the architecture scene's frame
// inspector, src/widgets/inspector_part.rs) come from wwPart(name), a promise of the
// part's module once initialised (again after a failure). They are fetched ahead, into
// the HTTP cache, once the app is ready and the browser is idle (later, below).
(function () {
  var BUNDLES = __BUNDLES__, STRINGS = __STRINGS__, DEFAULT = '__DEFAULT_SCENE__';
  var PARTS = __PARTS__, queued = [];
  window.wwAfter = function (f) { if (queued) queued.push(f); else f(); };
  window.wwGo = function () {
    var q = queued || [];
    queued = null;
    for (var k = 0; k < q.length; k++) q[k]();
  };
  setTimeout(wwGo, 500);
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
  var sheet = d.createElement('link');
  window.wwCss = new Promise(function (done) {
    sheet.onload = sheet.onerror = function () { done(); };
  });
  sheet.rel = 'stylesheet';
  sheet.href = './' + b[2];
  wwAfter(function () { d.head.insertBefore(sheet, d.getElementById('ww-late-css')); });
  var pre = d.createElement('link');
  pre.rel = 'preload';
  pre.as = 'fetch';
  pre.type = 'application/wasm';
  pre.crossOrigin = 'anonymous';
  pre.href = wasm;
  var idle = window.requestIdleCallback || function (f) { setTimeout(f, 2000); };
  // What only a later visit or a later click needs (the functions in later) waits until
  // the page has loaded, the app is ready with every part mounted (src/widgets/later.rs)
  // and the browser is idle: on a slow link or 2 cores it would otherwise compete with
  // the start-up (the load event alone comes before the first paint, as nothing else is
  // requested by then). If the app never gets there, they run anyway after 40 checks;
  // each waits for an idle moment and then 250 ms, so that is 10 s or more after the
  // load, with no upper bound while the browser stays busy.
  var later = [], tries = 0;
  addEventListener('load', function check() {
    idle(function () {
      if (tries++ < 40 && (!d.querySelector('main[data-ready="true"]') || d.querySelector('.ww-later'))) {
        setTimeout(check, 250);
      } else {
        for (var k = 0; k < later.length; k++) later[k]();
      }
    });
  });
  // The service worker (scripts/offline.mjs) keeps the hosted copy working offline. Its
  // install fetches every file of the build. Not under file:// (no service workers there)
  // and not in a frame (an embed would get a partitioned cache of its own); the one-file
  // build has a loader of its own (scripts/onefile.mjs) and no sw.js.
  if ('serviceWorker' in navigator && location.protocol !== 'file:' && window === window.top) {
    later.push(function () { navigator.serviceWorker.register('./sw.js').catch(function () {}); });
  }
  wwAfter(function () {
    wwStrings(lang || 'en');
    d.head.appendChild(pre);
  });
  wwCss.then(function () { return import(js); }).then(function (m) { return m.default({ module_or_path: wasm }); });
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
  later.push(function () {
    for (var name in mine) {
      for (var k = 0; k < 2; k++) {
        var l = d.createElement('link');
        l.rel = 'prefetch';
        l.href = './' + mine[name][k];
        d.head.appendChild(l);
      }
    }
  });
})();
