// Checks the content security policy of the built page, independently of the step that
// writes it (scripts/prepaint.mjs adds the hashes after each build).
//
// index.html carries the policy as <meta http-equiv="Content-Security-Policy">. Every
// inline <script> and <style> of the built page must have its hash in script-src /
// style-src, and so must each style sheet the app itself puts in an inline <style>
// (INLINE_STYLES: the ladder's, inside the SVG drawn for the PNG export, which a blob:
// image inherits the page's policy for). No 'unsafe-inline'.
//
//   node scripts/csp.mjs [FILE]   (default dist/index.html; exit 1 with the problems)
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const META = /<meta\b[^>]*\bhttp-equiv=("?)Content-Security-Policy\1[^>]*>/gi;

/** The texts of the page's inline `tag` elements (`script` without src, or `style`). */
export function inline(html, tag) {
  const out = [];
  for (const m of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)<\\/${tag}\\s*>`, 'gi'))) {
    if (!/\bsrc\s*=/i.test(m[1])) out.push(m[2]);
  }
  return out;
}

/** The inline scripts' texts (scripts without a src attribute). */
export const inlineScripts = (html) => inline(html, 'script');

/** `'sha256-…'` of a script's text, as CSP hashes it (UTF-8). */
export function hashSource(text) {
  return `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The policy of the page's single CSP meta tag; throws if there is not exactly one. */
export function policyOf(html) {
  const tags = [...html.matchAll(META)];
  if (tags.length !== 1) throw new Error(`expected one CSP <meta>, found ${tags.length}`);
  const content = tags[0][0].match(/\bcontent=(?:"([^"]*)"|'([^']*)')/i);
  if (!content) throw new Error('the CSP <meta> has no content');
  return (content[1] ?? content[2]).replaceAll('&#39;', "'").replaceAll('&apos;', "'");
}

/** Directives as a Map name → source list. */
export function directives(policy) {
  const map = new Map();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

/** Style sheets the app puts in an inline <style> (not in the page: inside the SVG it
 * rasterises for the PNG export, which a blob: image inherits the policy for). */
export const INLINE_STYLES = ['styles/ladder.css'];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `'sha256-…'` of each of INLINE_STYLES. */
export function styleHashes() {
  return INLINE_STYLES.map((f) => hashSource(fs.readFileSync(path.join(root, f), 'utf8')));
}

/** Problems with the page's policy: missing hashes, unsafe-inline scripts. */
export function problems(html) {
  const d = directives(policyOf(html));
  const scripts = d.get('script-src') ?? d.get('default-src') ?? [];
  const out = [];
  if (scripts.includes("'unsafe-inline'")) out.push("script-src allows 'unsafe-inline'");
  for (const text of inlineScripts(html)) {
    const h = hashSource(text);
    if (!scripts.includes(h)) out.push(`inline script ${h} is not in script-src`);
  }
  const styles = d.get('style-src') ?? d.get('default-src') ?? [];
  if (styles.includes("'unsafe-inline'")) out.push("style-src allows 'unsafe-inline'");
  for (const text of inline(html, 'style')) {
    const h = hashSource(text);
    if (!styles.includes(h)) out.push(`inline style ${h} is not in style-src`);
  }
  for (const h of styleHashes()) if (!styles.includes(h)) out.push(`style sheet ${h} is not in style-src`);
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? path.join(root, 'dist', 'index.html');
  const p = problems(fs.readFileSync(file, 'utf8'));
  if (p.length) {
    console.error(`${file}: ${p.join('; ')}`);
    process.exit(1);
  }
}
