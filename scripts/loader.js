// Inlined into index.html's <head> by scripts/prepaint.mjs (its hash goes into the CSP),
// in place of Trunk's loader: it reads the scene from the URL's hash exactly as the app
// (src/route.rs) and scripts/prepaint-picker.js do (an unknown or bad route gets the
// default scene) and loads that scene's bundle only (scripts/bundles.mjs), wasm preloaded
// while the glue arrives. The app reloads the page when it is sent to a scene its bundle
// lacks, so this runs again and picks the right one.
(function () {
  var BUNDLES = __BUNDLES__, DEFAULT = '__DEFAULT_SCENE__';
  var hash = location.hash.replace(/^#/, ''), q = hash.indexOf('?');
  var slug = q < 0 ? hash : hash.slice(0, q);
  try { slug = decodeURIComponent(slug); } catch (e) {}
  slug = slug.trim().replace(/^\/+|\/+$/g, '');
  var known = /^[A-Za-z]+$/.test(slug) && Object.prototype.hasOwnProperty.call(BUNDLES, slug.toLowerCase());
  slug = slug.toLowerCase();
  var b = BUNDLES[known ? slug : DEFAULT], d = document, js = './' + b[0], wasm = './' + b[1];
  var pre = d.createElement('link');
  pre.rel = 'preload';
  pre.as = 'fetch';
  pre.type = 'application/wasm';
  pre.crossOrigin = 'anonymous';
  pre.href = wasm;
  d.head.appendChild(pre);
  import(js).then(function (m) { return m.default({ module_or_path: wasm }); });
})();
