// Checks the release build against the committed byte budget (bench/budget.json):
// brotli bytes per file (by name pattern), before the first paint, before the app is
// ready (the landing page, and each scene route with its bundle), and in total. Sizes are deterministic, so this is a test, not a benchmark.
// Every file in dist/ must match a pattern, so nothing new arrives unbudgeted.
//   node bench/budget.mjs [dist]   → exit 1 with the overruns listed
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './size.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const budget = JSON.parse(fs.readFileSync(path.join(here, 'budget.json'), 'utf8'));
const sizes = measure(process.argv[2] ?? 'dist');
const glob = (p) => new RegExp(`^${p.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
const problems = [];
const lines = [];
for (const [name, size] of Object.entries(sizes.files)) {
  const pattern = Object.keys(budget.files).find((p) => glob(p).test(name));
  if (!pattern) {
    problems.push(`${name}: no budget covers this file (add a pattern to bench/budget.json)`);
    continue;
  }
  lines.push(`${name}: ${size.brotli} / ${budget.files[pattern]}`);
  if (size.brotli > budget.files[pattern]) problems.push(`${name}: ${size.brotli} B brotli > ${budget.files[pattern]}`);
}
for (const key of ['before_first_paint', 'before_ready', 'total']) {
  const got = sizes[key].brotli;
  lines.push(`${key}: ${got} / ${budget[key]}`);
  if (got > budget[key]) problems.push(`${key}: ${got} B brotli > ${budget[key]}`);
}
for (const [scene, got] of Object.entries(sizes.before_ready_routes).map(([s, v]) => [s, v.brotli])) {
  const limit = budget.before_ready_routes?.[scene];
  if (limit === undefined) {
    problems.push(`before_ready #/${scene}: no budget for this route (add it to before_ready_routes)`);
    continue;
  }
  lines.push(`before_ready #/${scene}: ${got} / ${limit}`);
  if (got > limit) problems.push(`before_ready #/${scene}: ${got} B brotli > ${limit}`);
}
for (const scene of Object.keys(budget.before_ready_routes ?? {})) {
  if (!sizes.before_ready_routes[scene]) problems.push(`before_ready #/${scene}: budgeted, but the build has no bundle for it`);
}
console.log(lines.join('\n'));
if (problems.length) {
  console.error(`byte budget exceeded:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('byte budget: ok');
