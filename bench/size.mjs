// Size of every file in dist/: raw, gzip (level 9) and brotli (quality 11) bytes, and two
// critical paths: what must arrive before the first paint (index.html and anything
// render-blocking it links: stylesheets, classic scripts), and what must arrive before
// the app is ready (plus the module script, what it imports and the preloaded wasm; with
// the inline loader, the landing page's scene bundle (glue, wasm, style sheet) and
// strings file, and per scene route its bundle and strings file, and the whole
// pre-rendered page the picker fetches on that route, if any);
// `total` is the hosted app, `one_file` the self-contained dist/wirewalk.html.
// Prints JSON; bench/budget.mjs checks the same figures against bench/budget.json.
//   node bench/size.mjs [dist]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ONE_FILE = 'wirewalk.html';

/** Sizes of every file of `dist` and its two critical paths. */
export function measure(distDir) {
  const dist = path.resolve(distDir);
  const files = {};
  for (const name of fs.readdirSync(dist).sort()) {
    if (!fs.statSync(path.join(dist, name)).isFile()) continue;
    const buf = fs.readFileSync(path.join(dist, name));
    files[name] = {
      raw: buf.length,
      gzip: zlib.gzipSync(buf, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  }
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const attr = (tag, name) => tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`))?.slice(1).find((v) => v !== undefined);
  const local = (href) => href.replace(/^\.\//, '');
  const blocking = new Set(['index.html']);
  const later = new Set();
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const rel = attr(tag, 'rel');
    const href = attr(tag, 'href');
    if (!href) continue;
    if (rel === 'stylesheet') blocking.add(local(href));
    if (rel === 'modulepreload' || rel === 'preload') later.add(local(href));
  }
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    const src = attr(tag, 'src');
    if (!src) continue;
    const deferred = attr(tag, 'type') === 'module' || /\s(async|defer)[\s>=]/.test(tag);
    (deferred ? later : blocking).add(local(src));
  }
  for (const m of html.matchAll(/(?:from|module_or_path:)\s*'\.\/([^']+)'/g)) later.add(m[1]);
  // The inline loader (scripts/loader.js) fetches one scene bundle, picked by the URL,
  // and that bundle's strings file in the page's language: counted here in the language
  // whose file is larger, so the figure holds for every visitor.
  const loader = html.match(/var BUNDLES = (\{[^}]*\}), STRINGS = (\{(?:[^{}]|\{[^{}]*\})*\}), DEFAULT = '([a-z]+)'/);
  const bundles = loader ? JSON.parse(loader[1]) : {};
  const strings = loader ? JSON.parse(loader[2]) : {};
  // The pre-paint picker fetches a scene's whole default page (scripts/prepaint-picker.js
  // FULL, per language-scene): counted in the language whose file is larger too.
  const full = JSON.parse(html.match(/FULL = (\{[^}]*\})/)?.[1] ?? '{}');
  const larger = (names) => names.reduce((a, t) => ((files[t]?.brotli ?? 0) > (files[a]?.brotli ?? 0) ? t : a));
  const withStrings = (scene) => {
    const texts = Object.values(strings[scene] ?? {});
    const pages = Object.entries(full).filter(([k]) => k.endsWith(`-${scene}`)).map(([, f]) => f);
    return [...bundles[scene], ...(texts.length ? [larger(texts)] : []), ...(pages.length ? [larger(pages)] : [])];
  };
  const sum = (names) => {
    const out = { files: [...names].sort(), raw: 0, gzip: 0, brotli: 0 };
    for (const f of names) {
      if (!files[f]) throw new Error(`index.html links ${f}, which is not in dist/`);
      for (const k of ['raw', 'gzip', 'brotli']) out[k] += files[f][k];
    }
    return out;
  };
  // The hosted app's total; wirewalk.html (the one-file build, scripts/onefile.mjs) is a
  // separate download holding the same app again, so it is counted on its own.
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const [name, f] of Object.entries(files)) {
    if (name === ONE_FILE) continue;
    for (const k of Object.keys(total)) total[k] += f[k];
  }
  return {
    files,
    total,
    one_file: files[ONE_FILE] ?? null,
    before_first_paint: sum(blocking),
    // The landing page (the default scene's bundle when there is a loader).
    before_ready: sum(new Set([...blocking, ...later, ...(loader ? withStrings(loader[3]) : [])])),
    // Each scene route (`#/tcp`, …): index.html and that scene's bundle.
    before_ready_routes: Object.fromEntries(Object.keys(bundles)
      .map((scene) => [scene, sum(new Set([...blocking, ...later, ...withStrings(scene)]))])),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(measure(process.argv[2] ?? 'dist'), null, 2));
}
