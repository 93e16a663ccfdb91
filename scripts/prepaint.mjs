// Trunk post-build hook (Trunk.toml): makes the first paint independent of WebAssembly.
//
// 1. The stylesheets Trunk linked are split by scripts/css-bundles.mjs: what every
//    route's first paint needs (SHELL) and the rules that come after every scene's (LATE)
//    are inlined into index.html as two <style>s; each scene bundle's own (SCENES) become
//    one content-hashed ww-<scene>-<hash>.css, in the same cascade order, which the
//    inline loader puts between the two; ww-full-<hash>.css holds every scene's, for the
//    one-file build (scripts/onefile.mjs inlines it and removes it). The build fails if a
//    bundle's wasm names classes whose rules only a sheet it does not load has.
// 2. The header and each scene's opening (title and intro), in both languages, are
//    rendered by the real components natively (`cargo run --example prepaint`) and put
//    into <template>s; a small inline script (scripts/prepaint-picker.js) shows the right
//    ones for the URL, the stored choices and the browser's languages, exactly as the
//    app would, before any WebAssembly arrives. The app removes them when it mounts.
//    A scene's whole default page (the TCP ladder) is a file of its own per language,
//    ww-pre-<lang>-<scene>-full-<hash>.html, which the picker fetches on that route only
//    and shows in place of the opening once it and the bundle's style sheet are there.
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
import { LATE, SCENES, SHELL, problems as cssProblems } from './css-bundles.mjs';

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

// 1. Stylesheets → the shell's inline, each bundle's a file (scripts/css-bundles.mjs).
const sheets = [];
let firstSheet = null;
html = html.replace(/<link\b[^>]*>/g, (tag) => {
  if (attr(tag, 'rel') !== 'stylesheet') return tag;
  const href = attr(tag, 'href').replace(/^\.\//, '');
  const name = href.match(/^([a-z-]+)-[0-9a-f]+\.css$/)?.[1];
  if (!name) throw new Error(`prepaint: unexpected style sheet ${href}`);
  const file = path.join(staging, href);
  sheets.push({ name, css: fs.readFileSync(file, 'utf8') });
  fs.rmSync(file);
  if (firstSheet) return '';
  firstSheet = '<!--ww-styles-->';
  return firstSheet;
});
const cssOf = (names) => sheets.filter((s) => names.includes(s.name)).map((s) => `${s.css}\n`).join('');
const css = cssOf(SHELL);
const lateCss = cssOf(LATE);
if ((css + lateCss).includes('</')) throw new Error('prepaint: CSS contains "</", which cannot be inlined');
const problems = cssProblems(staging);
if (problems.length) throw new Error(`prepaint: the style sheets of the bundles (scripts/css-bundles.mjs):\n  ${problems.join('\n  ')}`);
const contentName = (prefix, text, ext) => `${prefix}-${createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16)}${ext}`;
const sceneCss = {};
for (const [scene, names] of Object.entries(SCENES)) {
  const text = cssOf(names);
  sceneCss[scene] = contentName(`ww-${scene}`, text, '.css');
  fs.writeFileSync(path.join(staging, sceneCss[scene]), text);
}
const everyScene = sheets.filter((s) => !SHELL.includes(s.name) && !LATE.includes(s.name)).map((s) => `${s.css}\n`).join('');
const fullCss = contentName('ww-full', everyScene, '.css');
fs.writeFileSync(path.join(staging, fullCss), everyScene);

// 2. The pre-rendered pieces.
let count = 0;
const full = {};
const pieces = fs.mkdtempSync(path.join(os.tmpdir(), 'wirewalk-prepaint-'));
try {
  execFileSync('cargo', ['run', '--quiet', '--locked', '--offline', '--example', 'prepaint', '--', pieces], {
    cwd: root, stdio: ['ignore', 'inherit', 'inherit'],
  });
  let templates = '';
  for (const name of fs.readdirSync(pieces).filter((n) => n.endsWith('.html')).sort()) {
    const body = fs.readFileSync(path.join(pieces, name), 'utf8');
    const id = name.replace(/\.html$/, '');
    const whole = id.match(/^([a-z]+-[a-z]+)-full$/);
    if (whole) {
      full[whole[1]] = contentName(`ww-pre-${id}`, body, '.html');
      fs.writeFileSync(path.join(staging, full[whole[1]]), body);
    } else templates += `<template id="ww-pre-${id}">${body}</template>`;
    count += 1;
  }
  const defaultScene = fs.readFileSync(path.join(pieces, 'default-scene.txt'), 'utf8').trim();
  // Comment lines and indentation dropped: the script is on the critical path.
  const picker = fs.readFileSync(path.join(root, 'scripts/prepaint-picker.js'), 'utf8').split('\n')
    .map((l) => l.trim()).filter((l) => l && !l.startsWith('//')).join('\n')
    .replace('__DEFAULT_SCENE__', defaultScene)
    .replace('__FULL__', JSON.stringify(full));
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
  for (const scene of Object.keys(bundles)) {
    if (!sceneCss[scene]) throw new Error(`prepaint: bundle ${scene} has no style sheets (scripts/css-bundles.mjs SCENES)`);
    bundles[scene].push(sceneCss[scene]);
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
  // The parts (scripts/bundles.mjs): what a scene's bundle loads on demand, per scene.
  const PART_SCENES = { inspector: ['architecture'] };
  const parts = {};
  for (const n of fs.readdirSync(staging)) {
    const p = n.match(/^wwp-([a-z]+)-[0-9a-f]+\.js$/);
    if (!p) continue;
    if (!PART_SCENES[p[1]]) throw new Error(`prepaint: part ${p[1]} is used by no scene (PART_SCENES)`);
    if (!fs.existsSync(path.join(staging, n.replace(/\.js$/, '_bg.wasm')))) throw new Error(`prepaint: part ${p[1]} has no wasm`);
    for (const scene of PART_SCENES[p[1]]) (parts[scene] ??= {})[p[1]] = [n, n.replace(/\.js$/, '_bg.wasm')];
  }
  for (const [name, users] of Object.entries(PART_SCENES)) {
    for (const scene of users) if (!parts[scene]?.[name]) throw new Error(`prepaint: no part ${name} for ${scene} (scripts/bundles.mjs)`);
  }
  if (!bundles[defaultScene]) throw new Error(`prepaint: no bundle for the default scene ${defaultScene} (scripts/bundles.mjs)`);
  const loader = fs.readFileSync(path.join(root, 'scripts/loader.js'), 'utf8').split('\n')
    .map((l) => l.trim()).filter((l) => l && !l.startsWith('//')).join('\n')
    .replace('__BUNDLES__', JSON.stringify(bundles))
    .replace('__STRINGS__', JSON.stringify(strings))
    .replace('__PARTS__', JSON.stringify(parts))
    .replace('__DEFAULT_SCENE__', defaultScene);
  html = html.replace(/<link\b[^>]*>/g, (tag) => {
    const rel = attr(tag, 'rel');
    const href = attr(tag, 'href')?.replace(/^\.\//, '');
    return (rel === 'modulepreload' || rel === 'preload') && (href === fullJs || href === fullWasm) ? '' : tag;
  });
  html = html.replace(trunkLoader, () => `<script id=ww-loader data-full-js="${fullJs}" data-full-wasm="${fullWasm}" data-full-css="${fullCss}">${loader}</script>`);
} finally {
  fs.rmSync(pieces, { recursive: true, force: true });
}
// The loader inserts the bundle's style sheet before the second <style>, so the cascade
// keeps index.html's order; both come before the loader.
html = html.replace(firstSheet, () => `<style>${css}</style><style id=ww-late-css>${lateCss}</style>`);

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
console.error(`prepaint: ${path.relative(root, indexPath) || indexPath}: ${html.length} bytes, shell CSS inlined, ${Object.keys(sceneCss).length} scene style sheets, ${count} pre-rendered pieces (${Object.keys(full).length} in files of their own)`);
