// A small static file server for the built app: loopback only, optional sub-path,
// optional lifetime. Used by the serve command, the end-to-end tests and the bench.
//   node scripts/static-server.mjs --dir dist [--port 8080] [--base /course/wirewalk/] [--max-seconds N] [--cache no-store]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const dir = path.resolve(args.dir ?? 'dist');
const port = Number(args.port ?? 8080);
// `--cache no-store` lets a test check that only the service worker answers offline.
const cacheControl = args.cache ?? 'no-cache';
let base = args.base ?? '/';
if (!base.endsWith('/')) base += '/';
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

function handle(req, res) {
  let p;
  try {
    p = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
  } catch {
    // A malformed escape (`/%`, `/%zz`) or URL: the client's mistake, not a reason to stop.
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
    return res.end('bad request');
  }
  if (p.includes('\0')) {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
    return res.end('bad request');
  }
  if (p === base.slice(0, -1)) {
    res.writeHead(301, { Location: base });
    return res.end();
  }
  if (!p.startsWith(base)) {
    res.writeHead(404);
    return res.end('not found');
  }
  p = p.slice(base.length) || 'index.html';
  if (p.endsWith('/')) p += 'index.html';
  const file = path.join(dir, p);
  if (!file.startsWith(dir + path.sep)) {
    res.writeHead(403);
    return res.end();
  }
  fs.readFile(file, (err, data) => {
    if (err) {
      res.writeHead(404);
      return res.end('not found');
    }
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': cacheControl });
    res.end(data);
  });
}

const server = http.createServer((req, res) => {
  try {
    handle(req, res);
  } catch (e) {
    // Whatever one request does, the server keeps serving the others.
    console.error(`request ${JSON.stringify(req.url)} failed: ${e}`);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  }
});
server.listen(port, '127.0.0.1', () => console.log(`serving ${dir} at http://127.0.0.1:${port}${base}`));
if (args['max-seconds']) setTimeout(() => process.exit(0), Number(args['max-seconds']) * 1000).unref();
