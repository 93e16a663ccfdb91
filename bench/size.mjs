// Size of every file in dist/: raw, gzip (level 9) and brotli (quality 11) bytes, and
// the critical path (what index.html needs before the first render). Prints JSON.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(process.argv[2] ?? 'dist');
const files = {};
for (const name of fs.readdirSync(dist).sort()) {
  const buf = fs.readFileSync(path.join(dist, name));
  files[name] = {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}
// index.html plus everything it links (stylesheets, module, preloaded wasm); the icon is not critical.
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const linked = new Set(['index.html']);
const attr = (tag, name) => tag.match(new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`))?.slice(1).find((v) => v !== undefined);
for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
  const rel = attr(tag, 'rel');
  const href = attr(tag, 'href');
  if (href && ['stylesheet', 'modulepreload', 'preload'].includes(rel)) linked.add(href.replace(/^\.\//, ''));
}
for (const m of html.matchAll(/(?:from|module_or_path:)\s*'\.\/([^']+)'/g)) linked.add(m[1]);
const critical = { files: [...linked].sort(), raw: 0, gzip: 0, brotli: 0 };
for (const f of linked) {
  if (!files[f]) throw new Error(`index.html links ${f}, which is not in dist/`);
  for (const k of ['raw', 'gzip', 'brotli']) critical[k] += files[f][k];
}
console.log(JSON.stringify({ files, critical }, null, 2));
