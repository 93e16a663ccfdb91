// Which style sheets each page carries (issue 9): the one place that maps a scene bundle
// to the CSS files (styles/*.css, the sources) it needs, and the check that the map is
// complete.
//
// index.html links every style sheet for Trunk, in cascade order. scripts/prepaint.mjs
// then inlines SHELL (what every route's first paint needs: the header, the scene's
// title and intro) and LATE (rules that must come after every scene's) into index.html,
// and writes each scene bundle's files (SCENES), in the same cascade order, as one
// content-hashed ww-<scene>-<hash>.css, which the inline loader (scripts/loader.js)
// puts between the two before the app mounts. The one-file build inlines them all.
//
// check() reads each bundle's wasm: a rule can match an element of that bundle only if
// every class, id and attribute name its selector requires (outside :is(), :not(), …)
// is a string in the wasm (where the components' class names are). Every such rule of a
// file the bundle does not load is a problem, unless a rule the bundle loads later in the
// cascade, with the same selector in the same @media, sets each of its properties again
// (then the page looks the same without it). Class names put together at run time
// (format!) escape this check; e2e/bundles.spec.mjs compares the computed styles of each
// route with those of the one-file build (every style sheet).
//
//   node scripts/css-bundles.mjs [dist]   → exit 1 with the problems listed
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Inline in index.html, before the bundle's style sheet. */
export const SHELL = ['tokens', 'shell', 'scene'];
/** Inline in index.html, after the bundle's style sheet. */
export const LATE = ['present'];
/** Each scene bundle's own style sheets (scripts/bundles.mjs, src/bundle.rs). */
export const SCENES = {
  architecture: ['tcp', 'inspector', 'architecture'],
  layers: ['player', 'layers'],
  encapsulation: ['player', 'tcp', 'inspector', 'encapsulation', 'predict'],
  lan: ['player', 'tcp', 'inspector', 'lan', 'predict'],
  tcp: ['player', 'tcp', 'playground', 'ladder', 'inspector', 'predict'],
  addresses: ['tcp', 'addresses'],
  capture: ['player', 'tcp', 'ladder', 'inspector', 'capture'],
};

/** Rules the check above would count, which the bundle's elements cannot match (a class
 * name that is only the start of a longer one in the wasm), as `file selector`. */
export const UNUSED = {
  // The layers scene's classes are ww-layers, ww-layer-cell, …; ww-layer is the inspector's.
  layers: ['inspector.css .ww-layer'],
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The style sheets index.html links, in order (their names without `styles/` and `.css`). */
export function linkedSheets(indexHtml = fs.readFileSync(path.join(root, 'index.html'), 'utf8')) {
  return [...indexHtml.matchAll(/<link\b[^>]*\brel="css"[^>]*\bhref="styles\/([a-z-]+)\.css"/g)].map((m) => m[1]);
}

/** The rules of a style sheet: { selector, context (enclosing @-rule preludes), props, important }. */
export function rules(css) {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const out = [];
  const stack = [];
  let i = 0;
  let start = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '{') {
      const prelude = text.slice(start, i).trim().replace(/\s+/g, ' ');
      const parent = stack[stack.length - 1];
      if (parent && (parent.kind === 'keyframes' || parent.kind === 'rule')) stack.push({ kind: 'inner' });
      else if (/^@keyframes\b/.test(prelude)) stack.push({ kind: 'keyframes', prelude });
      else if (prelude.startsWith('@')) stack.push({ kind: 'at', prelude });
      else {
        const end = text.indexOf('}', i);
        const body = text.slice(i + 1, end);
        const decls = body.split(';').map((d) => d.trim().replace(/\s+/g, ' ')).filter((d) => d.includes(':'));
        const context = stack.filter((s) => s.kind === 'at').map((s) => s.prelude).join(' / ');
        for (const selector of splitTop(prelude)) {
          out.push({
            selector,
            context,
            props: decls.map((d) => d.slice(0, d.indexOf(':')).trim().toLowerCase()),
            decls: decls.map((d) => d.replace(/\s*:\s*/, ':').toLowerCase()),
            important: decls.some((d) => /!important\s*$/.test(d)),
          });
        }
        i = end + 1;
        start = i;
        continue;
      }
      start = i + 1;
    } else if (ch === '}') {
      stack.pop();
      start = i + 1;
    } else if (ch === ';' && stack.every((s) => s.kind === 'at')) {
      start = i + 1; // an @import or @charset statement
    }
    i += 1;
  }
  return out;
}

/** `a, b` → [a, b], at the top level only (not inside :is(…) and the like). */
function splitTop(s) {
  const out = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** The classes, ids and attribute names a selector requires (outside parentheses). */
export function required(selector) {
  let top = '';
  let depth = 0;
  for (const ch of selector) {
    if (ch === '(') depth += 1;
    if (depth === 0) top += ch;
    if (ch === ')') depth -= 1;
  }
  top = top.replace(/\[\s*([\w-]+)[^\]]*\]/g, ' $1-ATTR ');
  return [
    ...[...top.matchAll(/\.(-?[A-Za-z_][\w-]*)/g)].map((m) => m[1]),
    ...[...top.matchAll(/#(-?[A-Za-z_][\w-]*)/g)].map((m) => m[1]),
    ...[...top.matchAll(/([\w-]+)-ATTR/g)].map((m) => m[1]),
  ];
}

/** Whether `token` is in `strings` other than as the start of a longer name (`ww-layer`
 * in `ww-layer-cell`); literals are packed without separators, so no other boundary is
 * required. */
function named(strings, token) {
  for (let i = strings.indexOf(token); i >= 0; i = strings.indexOf(token, i + 1)) {
    if (!/^-[a-z0-9]/.test(strings.slice(i + token.length, i + token.length + 2))) return true;
  }
  return false;
}

/** Problems of the map for one bundle, given its wasm's bytes. */
export function problemsOf(scene, wasm, sheets = linkedSheets()) {
  const loaded = new Set([...SHELL, ...LATE, ...(SCENES[scene] ?? [])]);
  // The module's own import name (./ww-<scene>_bg.js) is no class name.
  const strings = wasm.toString('latin1').replaceAll(`ww-${scene}_bg.js`, '');
  const all = sheets.map((name) => ({
    name,
    rules: rules(fs.readFileSync(path.join(root, 'styles', `${name}.css`), 'utf8')),
  }));
  const out = [];
  const keyframesUsed = new Set();
  for (const sheet of all.filter((s) => loaded.has(s.name))) {
    const css = fs.readFileSync(path.join(root, 'styles', `${sheet.name}.css`), 'utf8');
    for (const m of css.matchAll(/animation(?:-name)?\s*:\s*([^;}]+)/g)) for (const w of m[1].split(/[\s,]+/)) keyframesUsed.add(w);
  }
  for (const [at, sheet] of all.entries()) {
    if (loaded.has(sheet.name)) continue;
    const css = fs.readFileSync(path.join(root, 'styles', `${sheet.name}.css`), 'utf8');
    for (const m of css.matchAll(/@keyframes\s+([\w-]+)/g)) {
      const definedElsewhere = all.some((s) => loaded.has(s.name) && new RegExp(`@keyframes\\s+${m[1]}\\b`).test(fs.readFileSync(path.join(root, 'styles', `${s.name}.css`), 'utf8')));
      if (keyframesUsed.has(m[1]) && !definedElsewhere) out.push(`${scene}: animation ${m[1]} is defined in styles/${sheet.name}.css, which the bundle does not load`);
    }
    for (const rule of sheet.rules) {
      const req = required(rule.selector);
      if (!req.every((token) => named(strings, token))) continue;
      const later = all.slice(at + 1).filter((s) => loaded.has(s.name)).flatMap((s) => s.rules);
      const overridden = !rule.important && later.some((r) => r.selector === rule.selector && r.context === rule.context
        && rule.props.every((p) => r.props.includes(p)));
      // The same declarations under the same selector in a sheet it loads: no difference.
      const same = all.filter((s) => loaded.has(s.name)).flatMap((s) => s.rules)
        .some((r) => r.selector === rule.selector && r.context === rule.context && rule.decls.every((d) => r.decls.includes(d)));
      if (!overridden && !same && !(UNUSED[scene] ?? []).includes(`${sheet.name}.css ${rule.selector}`)) out.push(`${scene}: \`${rule.selector}\`${rule.context ? ` (in ${rule.context})` : ''} in styles/${sheet.name}.css may match its elements, and the bundle does not load that file`);
    }
  }
  return out;
}

/** Problems of the map for every bundle of a build directory (its ww-<scene>-<hash>_bg.wasm). */
export function problems(dir) {
  const sheets = linkedSheets();
  const out = [];
  const mapped = new Set([...SHELL, ...LATE, ...Object.values(SCENES).flat()]);
  for (const s of sheets) if (!mapped.has(s)) out.push(`styles/${s}.css is linked by index.html but no page loads it (scripts/css-bundles.mjs)`);
  for (const s of mapped) if (!sheets.includes(s)) out.push(`styles/${s}.css is mapped but index.html does not link it`);
  const wasms = fs.readdirSync(dir).map((n) => [n.match(/^ww-([a-z]+)-[0-9a-f]+_bg\.wasm$/)?.[1], n]).filter(([s]) => s);
  for (const [scene] of wasms) if (!SCENES[scene]) out.push(`bundle ${scene} has no style sheets mapped (scripts/css-bundles.mjs SCENES)`);
  for (const scene of Object.keys(SCENES)) if (!wasms.some(([s]) => s === scene)) out.push(`SCENES names ${scene}, which has no bundle in ${dir}`);
  for (const [scene, name] of wasms) {
    if (SCENES[scene]) out.push(...problemsOf(scene, fs.readFileSync(path.join(dir, name)), sheets));
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? path.join(root, 'dist');
  const p = problems(dir);
  if (p.length) {
    console.error(`css-bundles: ${p.length} problems:\n  ${p.join('\n  ')}`);
    process.exit(1);
  }
  console.log('css-bundles: every bundle loads the style sheets its components use');
}
