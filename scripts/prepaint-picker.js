// Inlined into index.html by scripts/prepaint.mjs (its hash goes into the CSP). Before
// any WebAssembly arrives, it shows the pre-rendered header and scene opening for this
// URL, following the app's rules (src/route.rs, src/state.rs): the URL's lang/theme, then
// the stored choice, then the browser's languages (English if none is supported); an
// unknown scene shows the default one. A scene's whole default page, if the build
// pre-rendered it (the TCP ladder), is a <template> as well in the one-file build, and
// a file of its own (FULL) on the hosted page: fetched on that route only (once the
// first frame has run, through the loader's queue, scripts/loader.js), it replaces
// the opening once it and the bundle's style sheet (window.wwCss, scripts/loader.js)
// are there, unless the app has mounted or the page was painted again meanwhile. The app
// builds behind #ww-pre (absolutely placed over it) and removes it once it is whole; the
// e2e suite checks that both agree, in words and in place, for many URLs.
(function () {
  var d = document, DEFAULT = '__DEFAULT_SCENE__', FULL = __FULL__;
  function dec(s) {
    try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch (e) { return s; }
  }
  function langOf(code) {
    var p = String(code || '').split(/[-_]/)[0].toLowerCase();
    return p === 'zh' || p === 'en' ? p : null;
  }
  function themeOf(code) {
    var t = String(code || '').trim().toLowerCase();
    return /^(auto|light|dark|projector)$/.test(t) ? t : null;
  }
  function stored(key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }
  function paint() {
    // Once the app has mounted it owns the page (and has removed the templates).
    if (!d.getElementById('ww-pre-en-header') || d.querySelector('main[data-ready="true"]')) {
      removeEventListener('hashchange', paint);
      return;
    }
    var hash = location.hash.replace(/^#/, ''), q = hash.indexOf('?');
    // The path is decoded as the app and the loader do: a '+' stays a '+' (only the
    // query's values read it as a space).
    var slug = q < 0 ? hash : hash.slice(0, q);
    try { slug = decodeURIComponent(slug); } catch (e) {}
    slug = slug.trim().replace(/^\/+|\/+$/g, '').toLowerCase();
    var pairs = location.search.replace(/^\?/, '').split('&').concat(q < 0 ? [] : hash.slice(q + 1).split('&'));
    var lang = null, theme = null, embed = false, plain = true;
    for (var i = 0; i < pairs.length; i++) {
      if (!pairs[i]) continue;
      var eq = pairs[i].indexOf('='), k = dec(eq < 0 ? pairs[i] : pairs[i].slice(0, eq));
      var v = dec(eq < 0 ? '' : pairs[i].slice(eq + 1));
      if (k === 'lang') lang = langOf(v) || lang;
      else if (k === 'theme') theme = themeOf(v) || theme;
      else {
        plain = false;
        if (k === 'embed' && /^(1|true|yes|)$/.test(v)) embed = true;
        else if (k === 'embed' && /^(0|false|no)$/.test(v)) embed = false;
      }
    }
    if (!lang) lang = langOf(stored('wirewalk.lang'));
    if (!lang) {
      var prefs = navigator.languages || [navigator.language];
      for (var j = 0; j < prefs.length && !lang; j++) lang = langOf(prefs[j]);
    }
    lang = lang || 'en';
    theme = theme || themeOf(stored('wirewalk.theme')) || 'auto';
    var known = /^[a-z]+$/.test(slug) && slug !== 'header' && d.getElementById('ww-pre-' + lang + '-' + slug);
    var scene = known ? slug : DEFAULT;

    var old = d.getElementById('ww-pre');
    if (old) old.remove();
    var root = d.createElement('div');
    root.id = 'ww-pre';
    root.className = embed ? 'ww-app ww-embed' : 'ww-app';
    root.setAttribute('data-theme', theme);
    root.setAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
    var header = d.getElementById('ww-pre-' + lang + '-header').content;
    if (!embed) root.appendChild(header.cloneNode(true));
    // A scene's default page may be pre-rendered whole (its drawing included); any other
    // parameter changes what the app will draw, so then only the opening shows.
    var whole = plain && d.getElementById('ww-pre-' + lang + '-' + scene + '-full');
    var opening = (whole || d.getElementById('ww-pre-' + lang + '-' + scene)).content.cloneNode(true);
    if (embed) {
      // Embedded scenes show no title or intro (the slide has its own): only the frame.
      var drop = opening.querySelectorAll('#scene-title, .ww-scene-intro');
      for (var x = 0; x < drop.length; x++) drop[x].remove();
    }
    root.appendChild(opening);
    var file = plain && !whole && FULL[lang + '-' + scene];
    // Requested through the loader's queue, which this script opens below: after the
    // first paint (scripts/loader.js says why).
    if (file) (window.wwAfter || function (f) { f(); })(function () {
      Promise.all([fetch('./' + file).then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.text();
      }), window.wwCss]).then(function (v) {
        var main = root.querySelector('main');
        if (d.getElementById('ww-pre') !== root || d.querySelector('main[data-ready="true"]') || !main) return;
        var t = d.createElement('template');
        t.innerHTML = v[0];
        main.replaceWith(t.content);
      }).catch(function () {});
    });
    var links = root.querySelectorAll('.ww-nav-link');
    for (var n = 0; n < links.length; n++) {
      var here = links[n].getAttribute('data-scene') === scene;
      links[n].classList.toggle('is-current', here);
      if (here) links[n].setAttribute('aria-current', 'page');
      else links[n].removeAttribute('aria-current');
    }
    var select = root.querySelector('.ww-theme-select');
    if (select) select.value = theme;
    d.documentElement.setAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
    d.documentElement.setAttribute('data-theme', theme);
    var title = d.getElementById('ww-pre-' + lang + '-' + scene).content.querySelector('#scene-title');
    var name = header.querySelector('.ww-name');
    if (title && name) d.title = title.textContent + ' · ' + name.textContent;
    d.body.insertBefore(root, d.body.firstChild);
    // The loader's requests wait until the frame that draws this has run.
    if (window.wwGo) requestAnimationFrame(function () { setTimeout(wwGo, 0); });
  }
  paint();
  addEventListener('hashchange', paint);
})();
