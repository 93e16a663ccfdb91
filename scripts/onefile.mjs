// Trunk post-build hook (Trunk.toml), after scripts/prepaint.mjs: writes wirewalk.html,
// the whole app in one self-contained file that opens from file:// (a USB stick, a chat
// attachment, an LMS file area), where a module script cannot import another file and
// subresource integrity blocks every crossorigin link.
//
// It starts from the finished index.html (the shell's CSS already inlined, pre-rendered
// pieces and picker script already in it) and:
// 0. inlines every scene's style sheet (ww-full-<hash>.css, scripts/prepaint.mjs) where
//    the hosted loader links one bundle's, and the whole pre-rendered pages the hosted
//    picker fetches (ww-pre-<lang>-<scene>-full-<hash>.html) as <template>s, which the
//    picker then uses at once;
// 1. drops the modulepreload/preload/manifest links, and turns the icon into a data: URL;
// 2. replaces the page's loader (scripts/loader.js, which picks a scene bundle) by one
//    inline module script holding the full app (every scene, Trunk's wirewalk-….js and
//    its wasm): the wasm-bindgen glue (its `export` line removed) and the wasm as
//    base64, which is decoded and handed to the glue's init: no import, no fetch; and
//    the full app's strings files (both languages, scripts/bundles.mjs), handed to the
//    app by the same wwStrings(lang) the hosted loader defines;
// 2b. puts the tools worker (glue + wasm) in an inert <script type=text/plain> block,
//    started by the app from a blob: URL, and allows worker-src blob:;
// 3. marks <html data-onefile> so the app hides its "download for offline use" link;
// 4. if there is a Content-Security-Policy <meta>, re-hashes the inline scripts and
//    styles of this file into it and adds 'wasm-unsafe-eval' (WebAssembly compile) and
//    data: for the icon;
// 5. removes the full app's glue, wasm, strings files and style sheet from the build: the hosted page never loads
//    them (it loads one scene bundle, scripts/bundles.mjs).
//
// Runs with TRUNK_STAGING_DIR set by Trunk; `node scripts/onefile.mjs DIR` works too.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const staging = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('onefile: no staging directory (run from Trunk, or pass one)');
  process.exit(2);
}
const file = (name) => path.join(staging, name.replace(/^\.\//, ''));
let html = fs.readFileSync(file('index.html'), 'utf8');
const attr = (tag, name) => tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`))?.slice(1).find((v) => v !== undefined);
const fail = (why) => {
  console.error(`onefile: ${why}`);
  process.exit(1);
};

// 0. Every scene's style sheet and the whole pre-rendered pages.
const fullCss = attr(html.match(/<script id=ww-loader\b[^>]*>/)?.[0] ?? '', 'data-full-css');
if (!fullCss) fail('the loader names no style sheet of the full app (data-full-css)');
const sceneCss = fs.readFileSync(file(fullCss), 'utf8');
if (sceneCss.includes('</')) fail('the scenes\' CSS contains "</", which cannot be inlined');
if (!html.includes('<style id=ww-late-css>')) fail('no <style id=ww-late-css> in index.html');
html = html.replace('<style id=ww-late-css>', () => `<style>${sceneCss}</style><style id=ww-late-css>`);
let wholePages = '';
for (const n of fs.readdirSync(staging).sort()) {
  const p = n.match(/^(ww-pre-[a-z]+-[a-z]+-full)-[0-9a-f]+\.html$/);
  if (p) wholePages += `<template id="${p[1]}">${fs.readFileSync(file(n), 'utf8')}</template>`;
}
if (!wholePages) fail('no whole pre-rendered page (ww-pre-*-full-*.html)');
html = html.replace('<body>', () => `<body>${wholePages}`);

// 1. Links.
html = html.replace(/<link\b[^>]*>/g, (tag) => {
  const rel = attr(tag, 'rel');
  if (rel === 'modulepreload' || rel === 'preload' || rel === 'manifest') return '';
  if (rel === 'icon') {
    const href = attr(tag, 'href');
    const type = { '.png': 'image/png', '.svg': 'image/svg+xml' }[path.extname(href)];
    if (!type) fail(`the icon is neither PNG nor SVG: ${href}`);
    return `<link rel=icon href="data:${type};base64,${fs.readFileSync(file(href)).toString('base64')}">`;
  }
  if (rel === 'stylesheet') fail(`a stylesheet is still linked: ${tag}`);
  return tag;
});

// 2. The loader (scripts/loader.js, put there by scripts/prepaint.mjs), which names the
// full app's files (every scene) that Trunk built.
const loader = /<script id=ww-loader\b[^>]*>([\s\S]*?)<\/script>/;
const m = html.match(loader);
if (!m) fail('no loader script (id=ww-loader) in index.html');
const js = attr(m[0], 'data-full-js');
const wasm = attr(m[0], 'data-full-wasm');
if (!js || !wasm) fail(`the loader names no full app: ${m[0].slice(0, 200)}`);
let glue = fs.readFileSync(file(js), 'utf8');
const exportLine = /^export\s*\{\s*initSync,\s*__wbg_init as default\s*\};?\s*$/m;
if (!exportLine.test(glue)) fail('the wasm-bindgen glue does not end with the expected export line');
if (/^\s*(import|export)\b/m.test(glue.replace(exportLine, ''))) fail('the glue has other imports or exports');
glue = glue.replace(exportLine, '');
const b64 = fs.readFileSync(file(wasm)).toString('base64');
const stringsFiles = {};
for (const n of fs.readdirSync(staging)) {
  const t = n.match(/^ww-full-(zh|en)-[0-9a-f]+\.txt$/);
  if (t) stringsFiles[t[1]] = n;
}
if (!stringsFiles.zh || !stringsFiles.en) fail('no strings files of the full app (ww-full-zh-*.txt, ww-full-en-*.txt)');
const texts = Object.fromEntries(Object.entries(stringsFiles).map(([l, n]) => [l, fs.readFileSync(file(n), 'utf8')]));
const boot = `${glue}
{
const S = ${JSON.stringify(texts)};
window.wwStrings = (l) => (Object.prototype.hasOwnProperty.call(S, l) ? Promise.resolve(S[l]) : Promise.reject(new Error(String(l))));
const b = atob('${b64}');
const bytes = new Uint8Array(b.length);
for (let i = 0; i < b.length; i += 1) bytes[i] = b.charCodeAt(i);
const wasm = await __wbg_init({ module_or_path: bytes });
window.wasmBindings = { initSync, default: __wbg_init };
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
}`;
if (boot.includes('</script')) fail('the glue contains "</script", which cannot be inlined');
html = html.replace(loader, () => `<script type=module>${boot}</script>`);
if (/\s(src|href)=["']?\.\//.test(html)) fail('a relative src/href is left');

// 2b. The tools worker (src/platform/worker.rs), fetched by the hosted app only when
// first used: here its glue and wasm go into one inert text block, from which the app
// starts the worker as a blob: URL (a worker cannot load from file://).
const toolsLoader = fs.readFileSync(file('wirewalk-tools_loader.js'), 'utf8');
const toolsJs = toolsLoader.match(/importScripts\("\.\/([^"]+\.js)"\)/)?.[1];
const toolsWasm = toolsLoader.match(/wasm_bindgen\("\.\/([^"]+\.wasm)"\)/)?.[1];
if (!toolsJs || !toolsWasm) fail(`unexpected tools worker loader: ${toolsLoader.slice(0, 200)}`);
const toolsSource = `${fs.readFileSync(file(toolsJs), 'utf8')}
{
const b = atob('${fs.readFileSync(file(toolsWasm)).toString('base64')}');
const bytes = new Uint8Array(b.length);
for (let i = 0; i < b.length; i += 1) bytes[i] = b.charCodeAt(i);
wasm_bindgen({ module_or_path: bytes });
}`;
if (toolsSource.includes('</script')) fail('the tools glue contains "</script", which cannot be inlined');
// In <head>: mounting the app clears <body>.
html = html.replace('</head>', () => `<script type=text/plain id=ww-tools-src>${toolsSource}</script></head>`);

// 3. The marker.
html = html.replace(/<html\b/, '<html data-onefile');

// 4. The CSP.
const sha = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const inline = (tagName) => [...new Set([...html.matchAll(new RegExp(`<${tagName}(\\s[^>]*)?>([\\s\\S]*?)</${tagName}>`, 'g'))]
  .filter((x) => !/\ssrc=/.test(x[1] ?? ''))
  .map((x) => sha(x[2])))];
html = html.replace(/<meta\b[^>]*Content-Security-Policy[^>]*>/i, (tag) => {
  const scripts = inline('script');
  const styles = inline('style');
  const directives = attr(tag, 'content').split(';').map((d) => d.trim()).filter(Boolean);
  const names = directives.map((d) => d.split(/\s+/)[0]);
  // A missing directive falls back to default-src; it is spelt out to be extended.
  const fallback = directives.find((d) => d.split(/\s+/)[0] === 'default-src')?.split(/\s+/).slice(1);
  for (const needed of ['script-src', 'style-src', 'img-src', 'worker-src']) {
    if (fallback && !names.includes(needed)) directives.push([needed, ...fallback].join(' '));
  }
  const policy = directives.map((d) => {
    const [name, ...values] = d.split(/\s+/);
    // The loader script changed, so script-src gets this file's hashes only; style-src
    // keeps index.html's, which include the style sheets the app inlines itself
    // (scripts/csp.mjs INLINE_STYLES, e.g. the ladder's in the PNG export).
    const kept = values.filter((v) => !/^'sha(256|384|512)-/.test(v));
    if (name === 'script-src') return [name, ...kept, ...scripts, ...(kept.includes("'wasm-unsafe-eval'") ? [] : ["'wasm-unsafe-eval'"])].join(' ');
    if (name === 'style-src') return [name, ...new Set([...values, ...styles])].join(' ');
    if (name === 'worker-src') return [name, ...kept.filter((v) => v !== "'self'"), 'blob:'].join(' ');
    if (name === 'img-src') return [name, ...kept, ...(kept.includes('data:') ? [] : ['data:'])].join(' ');
    return d;
  }).join('; ');
  return `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
});

fs.writeFileSync(file('wirewalk.html'), html);
// The hosted page loads one scene bundle at a time, never the full app: its files are
// inside wirewalk.html now and leave the build (and so the offline cache).
fs.rmSync(file(js));
fs.rmSync(file(wasm));
for (const n of Object.values(stringsFiles)) fs.rmSync(file(n));
fs.rmSync(file(fullCss));
const index = fs.readFileSync(file('index.html'), 'utf8');
fs.writeFileSync(file('index.html'), index.replace(/(<script id=ww-loader)\s+data-full-js="[^"]*"\s+data-full-wasm="[^"]*"\s+data-full-css="[^"]*"/, '$1'));
console.error(`onefile: wirewalk.html: ${html.length} bytes (wasm ${b64.length} bytes as base64)`);
