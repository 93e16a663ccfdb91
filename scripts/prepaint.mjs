// Trunk post-build hook (Trunk.toml): makes the first paint independent of WebAssembly.
//
// 1. Every stylesheet Trunk linked is inlined into one <style> (one request fewer on the
//    critical path; the CSS files are then dropped from the build).
// 2. The header and each scene's opening (title and intro), in both languages, are
//    rendered by the real components natively (`cargo run --example prepaint`) and put
//    into <template>s; a small inline script (scripts/prepaint-picker.js) shows the right
//    ones for the URL, the stored choices and the browser's languages, exactly as the
//    app would, before any WebAssembly arrives. The app removes them when it mounts.
// 3. If index.html carries a Content-Security-Policy <meta>, the hashes of every inline
//    script and style are added to it, so no 'unsafe-inline' is needed; so are those of
//    the style sheets the app inlines itself (scripts/csp.mjs INLINE_STYLES).
//
// Runs with TRUNK_STAGING_DIR set by Trunk; `node scripts/prepaint.mjs DIR` works too.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { styleHashes } from './csp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const staging = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('prepaint: no staging directory (run from Trunk, or pass one)');
  process.exit(2);
}
const indexPath = path.join(staging, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
if (html.includes('id=ww-pre-') || html.includes('id="ww-pre-')) {
  console.error('prepaint: index.html is already pre-rendered');
  process.exit(2);
}


const attr = (tag, name) => tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`))?.slice(1).find((v) => v !== undefined);

// 1. Stylesheets → one inline <style>, in document order.
let css = '';
html = html.replace(/<link\b[^>]*>/g, (tag) => {
  if (attr(tag, 'rel') !== 'stylesheet') return tag;
  const href = attr(tag, 'href');
  const file = path.join(staging, href.replace(/^\.\//, ''));
  css += fs.readFileSync(file, 'utf8') + '\n';
  fs.rmSync(file);
  return '';
});
if (css.includes('</')) throw new Error('prepaint: CSS contains "</", which cannot be inlined');

// 2. The pre-rendered pieces.
let count = 0;
const pieces = fs.mkdtempSync(path.join(os.tmpdir(), 'wirewalk-prepaint-'));
try {
  execFileSync('cargo', ['run', '--quiet', '--locked', '--offline', '--example', 'prepaint', '--', pieces], {
    cwd: root, stdio: ['ignore', 'inherit', 'inherit'],
  });
  let templates = '';
  for (const name of fs.readdirSync(pieces).filter((n) => n.endsWith('.html')).sort()) {
    const body = fs.readFileSync(path.join(pieces, name), 'utf8');
    templates += `<template id="ww-pre-${name.replace(/\.html$/, '')}">${body}</template>`;
    count += 1;
  }
  const defaultScene = fs.readFileSync(path.join(pieces, 'default-scene.txt'), 'utf8').trim();
  // Comment lines and indentation dropped: the script is on the critical path.
  const picker = fs.readFileSync(path.join(root, 'scripts/prepaint-picker.js'), 'utf8').split('\n')
    .map((l) => l.trim()).filter((l) => l && !l.startsWith('//')).join('\n')
    .replace('__DEFAULT_SCENE__', defaultScene);
  html = html.replace(/<body>/, `<body>${templates}<script>${picker}</script>`);

  // 2b. Trunk's loader (the full app) → the inline loader that picks the URL's scene
  // bundle (scripts/loader.js, scripts/bundles.mjs). The full app's file names stay on
  // the loader (data-full-js, data-full-wasm) for the one-file build (scripts/onefile.mjs).
  const trunkLoader = /<script type=["']?module["']?>([\s\S]*?)<\/script>/;
  const m = html.match(trunkLoader);
  const fullJs = m?.[1].match(/from\s*'\.\/([^']+\.js)'/)?.[1];
  const fullWasm = m?.[1].match(/module_or_path:\s*'\.\/([^']+\.wasm)'/)?.[1];
  if (!fullJs || !fullWasm) throw new Error('prepaint: no Trunk loader for the full app in index.html');
  const bundles = {};
  for (const n of fs.readdirSync(staging)) {
    const b = n.match(/^ww-([a-z]+)-[0-9a-f]+\.js$/);
    if (b) bundles[b[1]] = [n, n.replace(/\.js$/, '_bg.wasm')];
  }
  for (const [scene, [, wasm]] of Object.entries(bundles)) {
    if (!fs.existsSync(path.join(staging, wasm))) throw new Error(`prepaint: bundle ${scene} has no ${wasm}`);
  }
  // Each bundle's strings files, per language (scripts/bundles.mjs).
  const strings = {};
  for (const n of fs.readdirSync(staging)) {
    const t = n.match(/^ww-([a-z]+)-(zh|en)-[0-9a-f]+\.txt$/);
    if (t && bundles[t[1]]) (strings[t[1]] ??= {})[t[2]] = n;
  }
  for (const scene of Object.keys(bundles)) {
    if (!strings[scene]?.zh || !strings[scene]?.en) throw new Error(`prepaint: bundle ${scene} lacks a strings file (zh and en)`);
  }
  if (!bundles[defaultScene]) throw new Error(`prepaint: no bundle for the default scene ${defaultScene} (scripts/bundles.mjs)`);
  const loader = fs.readFileSync(path.join(root, 'scripts/loader.js'), 'utf8').split('\n')
    .map((l) => l.trim()).filter((l) => l && !l.startsWith('//')).join('\n')
    .replace('__BUNDLES__', JSON.stringify(bundles))
    .replace('__STRINGS__', JSON.stringify(strings))
    .replace('__DEFAULT_SCENE__', defaultScene);
  html = html.replace(/<link\b[^>]*>/g, (tag) => {
    const rel = attr(tag, 'rel');
    const href = attr(tag, 'href')?.replace(/^\.\//, '');
    return (rel === 'modulepreload' || rel === 'preload') && (href === fullJs || href === fullWasm) ? '' : tag;
  });
  html = html.replace(trunkLoader, () => `<script id=ww-loader data-full-js="${fullJs}" data-full-wasm="${fullWasm}">${loader}</script>`);
} finally {
  fs.rmSync(pieces, { recursive: true, force: true });
}
html = html.replace('</head>', `<style>${css}</style></head>`);

// 3. Hashes of the inline scripts and styles into the CSP, if there is one.
const sha = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const inline = (tagName) => [...new Set([...html.matchAll(new RegExp(`<${tagName}(\\s[^>]*)?>([\\s\\S]*?)</${tagName}>`, 'g'))]
  .filter((m) => !/\ssrc=/.test(m[1] ?? ''))
  .map((m) => sha(m[2])))];
html = html.replace(/<meta\b[^>]*Content-Security-Policy[^>]*>/i, (tag) => {
  const withHashes = (directive, hashes) => (d) => (d.split(/\s+/)[0] === directive ? [d, ...hashes].join(' ') : d);
  const policy = attr(tag, 'content').split(';').map((d) => d.trim()).filter(Boolean)
    .map(withHashes('script-src', inline('script')))
    .map(withHashes('style-src', [...inline('style'), ...styleHashes()]))
    .join('; ');
  return `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
});

fs.writeFileSync(indexPath, html);
console.error(`prepaint: ${path.relative(root, indexPath) || indexPath}: ${html.length} bytes, CSS inlined, ${count} pre-rendered pieces`);
