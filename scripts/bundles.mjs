// Trunk post-build hook (Trunk.toml), first: one wasm per scene (issue 9).
//
// Trunk builds the full app (src/main.rs: every scene), which the one-file build inlines.
// The hosted page loads less: each scene has a bin of its own (src/bin/ww-<scene>.rs,
// src/bundle.rs) holding the shell and that scene only. This step
// 1. builds every bin in ONE cargo build (the library is compiled once, the bins link
//    in parallel), with the same release profile Trunk used;
// 2. runs wasm-bindgen (--target web) and wasm-opt, two bundles at a time, (the flags of index.html's
//    data-wasm-opt / data-wasm-opt-params) on each scene bin, and terser on its JS glue, gives
//    the imports short names in both (scripts/wasm-names.mjs), into the staging dir as
//    ww-<scene>-<hash>.js and ww-<scene>-<hash>_bg.wasm (hash: of the two files'
//    content, so a changed bundle is a new URL);
// 3. writes each bundle's strings files, one per language (`cargo run --example strings`,
//    natively, from the same i18n tables; src/i18n/strings.rs): the wasm holds the keys
//    only, and the page fetches the text of its language as ww-<scene>-<lang>-<hash>.txt
//    (hash: of the content). The full app's (ww-full-<lang>-…) are for the one-file
//    build, which inlines and removes them (scripts/onefile.mjs).
// 4. re-minifies Trunk's own JS glue (the full app's and the tools worker's) with terser,
//    so that a build is reproducible (below).
// scripts/prepaint.mjs then puts the inline loader that picks one of them for the URL
// into index.html.
//
// Runs with TRUNK_STAGING_DIR set by Trunk; `node scripts/bundles.mjs DIR` works too.
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';
import { renameInGlue, shortenImports } from './wasm-names.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const staging = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('bundles: no staging directory (run from Trunk, or pass one)');
  process.exit(2);
}
const fail = (why) => {
  console.error(`bundles: ${why}`);
  process.exit(1);
};

// The scene bins, from src/bin/ww-<scene>.rs.
const scenes = fs.readdirSync(path.join(root, 'src/bin'))
  .map((n) => n.match(/^ww-([a-z]+)\.rs$/)?.[1]).filter(Boolean).sort();
if (scenes.length === 0) fail('no src/bin/ww-*.rs');
// The parts: pieces of a bundle loaded on demand (src/bin/wwp-<name>.rs; the frame
// inspector of the architecture bundle, src/widgets/inspector_part.rs), written as
// wwp-<name>-<hash>.js and _bg.wasm; scripts/prepaint.mjs hands them to the loader.
const parts = fs.readdirSync(path.join(root, 'src/bin'))
  .map((n) => n.match(/^wwp-([a-z]+)\.rs$/)?.[1]).filter(Boolean).sort();

// wasm-opt's flags: the same as Trunk's for the page (index.html).
const index = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
const rustLink = index.match(/<link\b[^>]*data-bin="wirewalk"[^>]*>/)?.[0];
const level = rustLink?.match(/data-wasm-opt="([^"]+)"/)?.[1];
const params = rustLink?.match(/data-wasm-opt-params="([^"]*)"/)?.[1];
if (!level || params === undefined) fail('index.html has no data-wasm-opt(-params) on the wirewalk bin');

const started = Date.now();
execFileSync('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--bins', '-p', 'wirewalk', '--locked', '--offline'], {
  cwd: root, stdio: ['ignore', 'inherit', 'inherit'],
});
const built = Date.now();
const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(root, 'target');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wirewalk-bundles-'));
try {
  for (const old of fs.readdirSync(staging).filter((n) => /^wwp?-[a-z]+-([a-z]+-)?[0-9a-f]+(\.js|_bg\.wasm|\.txt)$/.test(n))) {
    fs.rmSync(path.join(staging, old));
  }
  // The strings files, content-hashed.
  const strings = path.join(tmp, 'strings');
  fs.mkdirSync(strings);
  execFileSync('cargo', ['run', '--quiet', '--locked', '--offline', '--example', 'strings', '--', strings], {
    cwd: root, stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (const n of fs.readdirSync(strings).sort()) {
    const m = n.match(/^([a-z]+)-([a-z]+)\.txt$/);
    if (!m) fail(`unexpected strings file ${n}`);
    const text = fs.readFileSync(path.join(strings, n));
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
    fs.writeFileSync(path.join(staging, `ww-${m[1]}-${m[2]}-${hash}.txt`), text);
  }
  // wasm-bindgen then wasm-opt per bundle, two bundles at a time (wasm-opt is the slow
  // part and runs on one core).
  const run = (cmd, args) => new Promise((resolve, reject) => {
    execFile(cmd, args, { maxBuffer: 1 << 24 }, (err, stdout, stderr) => {
      if (stderr) process.stderr.write(stderr);
      if (err) reject(new Error(`bundles: ${cmd} failed: ${err.message}`));
      else resolve();
    });
  });
  const one = async (name) => {
    const input = path.join(targetDir, 'wasm32-unknown-unknown', 'release', `${name}.wasm`);
    const out = path.join(tmp, name);
    await run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, '--out-name', name, input]);
    const raw = path.join(out, `${name}_bg.wasm`);
    const opt = path.join(out, `${name}.opt.wasm`);
    await run('wasm-opt', [`-O${level}`, ...params.split(/\s+/).filter(Boolean), '--output', opt, raw]);
    // The JS glue minified (it is on every route's critical path: 42 KB raw, 6.4 KB
    // brotli before, 19 KB and 4.9 KB after). Export and import names stay: the loader
    // calls the default export, and the wasm's imports are the glue's object keys.
    const glue = fs.readFileSync(path.join(out, `${name}.js`), 'utf8');
    const small = await minify(glue, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
    if (!small.code) throw new Error(`bundles: terser gave nothing for ${name}.js`);
    // Short import names in both (scripts/wasm-names.mjs: 2-5 KB brotli per bundle).
    const short = shortenImports(fs.readFileSync(opt));
    const js = Buffer.from(renameInGlue(small.code, short.module, short.names));
    const { wasm } = short;
    const hash = createHash('sha256').update(js).update('\0').update(wasm).digest('hex').slice(0, 16);
    fs.writeFileSync(path.join(staging, `${name}-${hash}.js`), js);
    fs.writeFileSync(path.join(staging, `${name}-${hash}_bg.wasm`), wasm);
    console.error(`bundles: ${name}-${hash}: wasm ${wasm.length} B, glue ${js.length} B`);
  };
  const queue = [...scenes.map((s) => `ww-${s}`), ...parts.map((p) => `wwp-${p}`)];
  const worker = async () => {
    while (queue.length) await one(queue.shift());
  };
  await Promise.all([worker(), worker()]);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

// 4. Trunk's own JS glue (the full app's wirewalk-<hash>.js, which the one-file build
//    inlines, and the tools worker's wirewalk-tools.js) made reproducible. Trunk minifies
//    it with minify-js, which names and orders its hoisted constants in the order of a
//    randomly seeded hash map, so each build writes different bytes (wirewalk.html's
//    brotli size moved by up to 400 B between builds of one commit, and its byte budget
//    failed CI). Here it is minified again by terser from wasm-bindgen's output (Trunk's
//    <target>/wasm-bindgen/release), which gives the same bytes for the same input.
{
  const bindgenOut = path.join(targetDir, 'wasm-bindgen', 'release');
  const glues = fs.readdirSync(staging).filter((n) => /^wirewalk-[0-9a-f]+\.js$/.test(n));
  if (glues.length !== 1) fail(`expected one glue of the full app (wirewalk-<hash>.js) in ${staging}, found ${glues.length}`);
  const exportLine = /^export\s*\{\s*initSync,\s*__wbg_init as default\s*\};?\s*$/m;
  const full = fs.readFileSync(path.join(bindgenOut, 'wirewalk.js'), 'utf8');
  if (!exportLine.test(full)) fail('wasm-bindgen\'s glue of the full app does not end with the expected export line');
  // The export names kept (scripts/onefile.mjs removes the export line and uses them),
  // and the export line on a line of its own again.
  const fullSmall = await minify(full, {
    module: true, ecma: 2020, compress: { passes: 2 }, mangle: { reserved: ['initSync', '__wbg_init'] }, format: { comments: false },
  });
  const minExport = /export\s*\{\s*initSync\s*,\s*__wbg_init as default\s*\};?$/;
  if (!minExport.test(fullSmall.code)) fail('terser\'s glue of the full app does not end with `export{initSync,__wbg_init as default}`');
  fs.writeFileSync(path.join(staging, glues[0]), fullSmall.code.replace(minExport, '\nexport { initSync, __wbg_init as default };\n'));
  // A classic worker script: its one top-level name, wasm_bindgen, is what the loader calls.
  const tools = await minify(fs.readFileSync(path.join(bindgenOut, 'wirewalk-tools.js'), 'utf8'), {
    ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false },
  });
  if (!/^let wasm_bindgen\s*=/.test(tools.code)) fail('the tools worker\'s glue does not start with `let wasm_bindgen =`');
  fs.writeFileSync(path.join(staging, 'wirewalk-tools.js'), tools.code);
}
console.error(`bundles: ${scenes.length} scene bundles, ${parts.length} parts (cargo ${((built - started) / 1000).toFixed(0)} s, bindgen + wasm-opt ${((Date.now() - built) / 1000).toFixed(0)} s)`);
