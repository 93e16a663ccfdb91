// A standing guard: hostile links, generated from the app's real URL grammar, never break it.
//
// The grammar is read from the code, not copied: scene slugs and each scene's PARAM_KEYS
// from src/scenes/, the shell's keys from Route::apply in src/route.rs, the engine's
// scenario keys from `wirewalk-trace --list`. Every key of every scene gets values that
// are empty, huge, negative, overflowing, non-ASCII, markup, duplicated and percent-garbage
// (every kind, checked before the run), several keys to a link, plus random mixes.
// Each URL is a fresh page load and must show a scene within 3 s, with at most 20,000 DOM
// nodes, no console error (the fixture), no CSP violation (the fixture) and no panic box.
// The seed is fixed and printed, so a failure replays exactly.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures.mjs';

const SEED = 0x77a11c0d;
const SHARDS = 4;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = (f) => fs.readFileSync(path.join(root, f), 'utf8');

/** Quoted strings in the Rust array after `name: &[&str] = &[`. */
function rustList(text, name) {
  const m = text.match(new RegExp(`${name}: &\\[&str\\] = &\\[([\\s\\S]*?)\\];`));
  return m ? [...m[1].matchAll(/"([^"]*)"/g)].map((x) => x[1]) : [];
}

const mod = src('src/scenes/mod.rs');
const SCENES = [...mod.matchAll(/Scene::\w+ => "([a-z]+)",/g)].map((m) => m[1]);
/** A scene's PARAM_KEYS: a list of its own, or a list in one of its modules (`&model::SCENE_KEYS`). */
function sceneKeys(scene) {
  const text = src(`src/scenes/${scene}.rs`);
  const alias = text.match(/PARAM_KEYS: &\[&str\] = &(\w+)::(\w+);/);
  if (!alias) return rustList(text, 'PARAM_KEYS');
  const m = src(`src/scenes/${scene}/${alias[1]}.rs`).match(new RegExp(`${alias[2]}: \\[&str; \\d+\\] = \\[([\\s\\S]*?)\\];`));
  return [...m[1].matchAll(/"([^"]*)"/g)].map((x) => x[1]);
}
const SCENE_KEYS = Object.fromEntries(SCENES.map((s) => [s, sceneKeys(s)]));
const routeApply = src('src/route.rs').split('fn apply(')[1].split('\n    }\n')[0];
const SHELL_KEYS = [...routeApply.matchAll(/^\s+"(\w+)" =>/gm)].map((m) => m[1]);
const bin = path.join(process.env.CARGO_TARGET_DIR ?? path.join(root, 'target'), 'debug', 'wirewalk-trace');
const ENGINE_KEYS = execFileSync(bin, ['--list'], { encoding: 'utf8' }).match(/^keys: (.*)$/m)[1].split(' ');

/** mulberry32: a small, well-known 32-bit PRNG; same seed, same URLs. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Raw (already URL-encoded or deliberately broken) values, one list per hostile kind.
const enc = encodeURIComponent;
const KINDS = {
  empty: [''],
  huge: [() => 'x'.repeat(100_000), () => '9'.repeat(5_000), () => enc('界'.repeat(20_000)), () => '%41'.repeat(30_000)],
  negative: ['-1', '-0', '-65536', '-99999999999999999999', '-1e308', enc('−1')],
  overflowing: ['4294967296', '18446744073709551616', '99999999999999999999999999', '1e309', 'NaN', 'Infinity', '0x7fffffff', '1000001', '65536'],
  nonAscii: [enc('你好'), enc('😀'.repeat(50)), enc('\u202e\u0301é'), enc('\u0000'), enc('\ufeff1'), enc('١٢٣'), enc('\ufffe\uffff'), enc('a\u00a0b')],
  markup: [enc('<script>alert(1)</script>'), enc('"><img src=x onerror=alert(1)>'), enc('<svg/onload=alert(1)>'), enc("'; --"), enc('{0}{1}{{}}'), enc('javascript:alert(1)'), enc('&nbsp;&lt;')],
  percentGarbage: ['%', '%%', '%zz', '%ff%fe', '%E4%BD', '%C0%80', '%00', '%2', '%u0041', '%25%'],
  plausible: ['0', '1', '2', '3', 'true', 'false', '1460', '80', '8080', '192.168.1.300', '02:00:00:00:00:0a', 'storm', 'router', 'syn', 'udp', 'x'],
};
const KIND_NAMES = Object.keys(KINDS);

/** At most this many characters of query in one generated URL: no longer than the longest
 *  single hostile value (180,000 characters of percent-encoded 界) with its key. Loads of
 *  400 kB links took over 3 s on a busy machine. */
const MAX_QUERY = 200_000;
const MIXES = 24;

function urls() {
  const r = rng(SEED);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const value = (kind) => {
    const v = pick(KINDS[kind]);
    return typeof v === 'function' ? v() : v;
  };
  const out = [];
  const hash = (scene, pairs) => `#/${scene}` + (pairs.length ? '?' + pairs.join('&') : '');
  /** Loads of `pairs` ([key, value]), as few as fit MAX_QUERY each (one pair at least). */
  const packed = (scene, kind, pairs) => {
    let batch = [];
    let size = 0;
    const flush = () => {
      if (batch.length) out.push({ kind, covers: batch.map(([k]) => `${scene} ${k} ${kind}`), hash: hash(scene, batch.map(([k, v]) => `${k}=${v}`)) });
      batch = [];
      size = 0;
    };
    for (const [k, v] of pairs) {
      if (size + k.length + v.length + 2 > MAX_QUERY) flush();
      batch.push([k, v]);
      size += k.length + v.length + 2;
    }
    flush();
  };
  // Every key of every scene with every hostile kind: one fresh load per (scene, kind)
  // carries all of the scene's keys at once, each with its own value of that kind. Huge
  // values: every key gets the shortest (5,000 digits) in one load, and each longer one
  // (100 to 180 kB) goes to a few keys of each scene, as many as fit in one load. Then
  // each scene once more with every key bare (no `=`).
  const huge = KINDS.huge.map((f) => f()).sort((a, b) => a.length - b.length);
  for (const scene of SCENES) {
    const keys = [...SHELL_KEYS, ...SCENE_KEYS[scene], ...ENGINE_KEYS];
    for (const kind of KIND_NAMES) {
      if (kind !== 'huge') packed(scene, kind, keys.map((k) => [k, value(kind)]));
    }
    packed(scene, 'huge', keys.map((k) => [k, huge[0]]));
    for (const v of huge.slice(1)) {
      const few = [...keys].sort(() => r() - 0.5).slice(0, Math.max(1, Math.floor(MAX_QUERY / (v.length + 40))));
      out.push({ kind: 'huge', covers: [], hash: hash(scene, few.map((k) => `${k}=${v}`)) });
    }
    out.push({ kind: 'bare', covers: [], hash: hash(scene, keys) });
  }
  // Random mixes: odd scene names, unknown and empty keys, duplicated keys, bare keys,
  // long runs of plausible pairs.
  for (let m = 0; m < MIXES; m++) {
    const scene = r() < 0.1 ? pick(['', 'nope', '%ff', 'TCP', '../tcp', enc('场景')]) : pick(SCENES);
    const keys = [...SHELL_KEYS, ...(SCENE_KEYS[scene] ?? []), ...ENGINE_KEYS, 'zzz', ''];
    const pairs = [];
    const n = 1 + Math.floor(r() * 5);
    for (let i = 0; i < n; i++) {
      const key = pick(keys);
      const kind = pick(KIND_NAMES);
      pairs.push([key, value(kind)]);
      if (r() < 0.2) pairs.push([key, value(pick(KIND_NAMES))]); // duplicated key
    }
    if (r() < 0.1) for (let i = 0; i < 200; i++) pairs.push([pick(keys), value('plausible')]);
    out.push({ kind: 'mix', covers: [], hash: hash(scene, pairs.map(([k, v]) => (r() < 0.1 ? k : `${k}=${v}`))) });
  }
  return out.sort(() => r() - 0.5);
}

// The links of issue 12, kept as fixed cases beside the generated ones.
const KNOWN = [
  '#/lan?view=storm&storm.pulled=true&latency_us=1&server.think_ms=999',
  '#/lan?view=storm&latency_us=1',
  '#/lan?view=storm&loss=arp_request',
  '#/tcp?' + Array(50_000).fill('x').join('&'),
  '#/tcp?embed=1&step=1000000&from=999999&to=3',
  '#/tcp?debug=panic',
  '#/tcp?client.payload=' + enc('a\u00a0b\u0001'),
].map((hash) => ({ kind: 'known', covers: [], hash }));

const ALL = [...KNOWN, ...urls()];
const short = (h) => (h.length > 160 ? `${h.slice(0, 160)}… (${h.length} chars)` : h);

test.describe('hostile links', () => {
  test.beforeAll(() => {
    console.log(`fuzz: seed 0x${SEED.toString(16)}, ${ALL.length} URLs over ${SCENES.length} scenes; ` +
      `keys: shell ${SHELL_KEYS.join(',')}; engine ${ENGINE_KEYS.length}; ` +
      SCENES.map((s) => `${s} ${SCENE_KEYS[s].join(',')}`).join('; '));
    // Every (scene, key, hostile kind) is in some URL.
    const covered = new Set(ALL.flatMap((u) => u.covers));
    const missing = SCENES.flatMap((s) => [...SHELL_KEYS, ...SCENE_KEYS[s], ...ENGINE_KEYS]
      .flatMap((k) => KIND_NAMES.map((kind) => `${s} ${k} ${kind}`))).filter((c) => !covered.has(c));
    expect(missing).toEqual([]);
    expect(covered.size).toBeGreaterThanOrEqual(300);
    expect(SCENES.length).toBeGreaterThanOrEqual(6);
    expect(SHELL_KEYS).toEqual(expect.arrayContaining(['lang', 'theme', 'embed', 'step', 'from', 'to']));
    expect(ENGINE_KEYS).toContain('client.payload');
    expect(SCENE_KEYS.lan).toContain('view');
  });

  for (let shard = 0; shard < SHARDS; shard++) {
    test(`shard ${shard + 1} of ${SHARDS}`, async ({ page }) => {
      test.setTimeout(180_000);
      let current = '';
      page.on('console', (m) => {
        if (m.type() === 'error') console.log(`fuzz seed 0x${SEED.toString(16)}: console error on ${short(current)}: ${m.text().slice(0, 300)}`);
      });
      const mine = ALL.filter((_, i) => i % SHARDS === shard);
      for (const { hash } of mine) {
        current = hash;
        // Time to a scene, from a fresh load. This machine is shared: when a load is slow,
        // it is measured once more, and only two slow loads in a row fail.
        const load = async () => {
          await page.goto('about:blank');
          const t0 = Date.now();
          await page.goto(hash);
          const shown = await page.locator('main[data-ready="true"] > *').first().waitFor({ timeout: 3_000 })
            .then(() => true, () => false);
          return shown ? Date.now() - t0 : Infinity;
        };
        let ms = await load();
        if (ms > 3_000) {
          console.log(`fuzz: slow load (${ms} ms), measuring again: ${short(hash)}`);
          ms = await load();
        }
        expect(ms, `time to a scene (seed 0x${SEED.toString(16)}): ${short(hash)}`).toBeLessThanOrEqual(3_000);
        const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
        expect(nodes, `DOM nodes: ${short(hash)}`).toBeLessThanOrEqual(20_000);
        await expect(page.locator('#ww-panic'), `panic box: ${short(hash)}`).toHaveCount(0);
      }
    });
  }
});
