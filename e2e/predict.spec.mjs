// Predict mode (predict=1): every question of the TCP, encapsulation and LAN scenes, in
// both languages, answered by keyboard with the answer computed here from the native
// CLI's trace (target/debug/wirewalk-trace --json); the player held at an open question;
// the verdict in the live region; the score; "Try again" with a seed in the URL; an embed
// with one question on a phone. Screenshots zh/en at 1280×800 and 390×844.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { test, expect, open, overflowsSideways } from './fixtures.mjs';
import { nativeTrace } from './engine.mjs';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 A/AA violations axe finds in the predict panel, as short lines. */
async function axe(page) {
  await page.evaluate(AXE_SOURCE);
  const r = await page.evaluate(() => window.axe.run('.ww-predict', {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations'],
  }));
  return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

const WORDS = {
  en: {
    correct: 'Correct:', wrong: 'Not quite:', bytes: (n) => `${n} bytes`, score: (a, b) => `Score: ${a}/${b}`,
    count: (i, n) => `Question ${i} of ${n}`, step: (n, m) => `step ${n} of ${m}`,
    tw: { client: 'Only the client', server: 'Only the server', both: 'Both', none: 'Neither' },
    transport: 'Transport layer', link: 'Data link layer', list: ', ',
    flood: (p) => `Flood: out of ports ${p}`, forward: (p) => `Forward: out of port ${p} only`,
    entry: (m, p) => `${m} → port ${p}`, pair: (s, d) => `source ${s} → destination ${d}`,
  },
  zh: {
    correct: '答对了：', wrong: '不对：', bytes: (n) => `${n} 字节`, score: (a, b) => `得分：${a}/${b}`,
    count: (i, n) => `第 ${i} 题，共 ${n} 题`, step: (n, m) => `第 ${n} 步 / 共 ${m} 步`,
    tw: { client: '只有客户端', server: '只有服务端', both: '双方都会', none: '谁都不会' },
    transport: '传输层', link: '数据链路层', list: '、',
    flood: (p) => `泛洪：从端口 ${p} 发出`, forward: (p) => `转发：只从端口 ${p} 发出`,
    entry: (m, p) => `${m} → 端口 ${p}`, pair: (s, d) => `源 ${s} → 目的 ${d}`,
  },
};

/** Bytes in the first Python bytes literal of a socket call's result. */
function bytesLen(result) {
  const m = /b(['"])((?:\\.|(?!\1).)*)\1/.exec(result);
  if (!m) return null;
  return m[2].replace(/\\x[0-9a-f]{2}/gi, '.').replace(/\\./g, '.').length;
}

/** The right answer to the question asked before event `at`, from the native trace. */
function tcpAnswer(json, kind, at, w) {
  const e = json.events[at];
  switch (kind) {
    case 'tcp.state': return e.to;
    case 'tcp.synack_ack':
    case 'tcp.data_ack': return String(json.frames[e.frame].summary.ack);
    case 'tcp.recv': return w.bytes(bytesLen(e.result));
    case 'tcp.time_wait': {
      const waits = (h) => json.events.some((x) => x.kind === 'state_change' && x.host === h && x.to === 'TIME_WAIT');
      const [c, s] = [waits('client'), waits('server')];
      return w.tw[c && s ? 'both' : c ? 'client' : s ? 'server' : 'none'];
    }
    default: throw new Error(`unknown kind ${kind}`);
  }
}

function switchPort(json, link, sw) {
  const l = json.links[link];
  return (l.a === sw ? l.a_port : l.b_port) + 1;
}

function lanAnswer(json, kind, at, w) {
  const e = json.events[at];
  switch (kind) {
    case 'lan.learn': return w.entry(e.mac, e.port + 1);
    case 'lan.flood':
    case 'lan.unicast': {
      const f = json.frames[e.frame];
      const ports = json.frames.filter((g) => g.from === f.from && g.time_us === f.time_us && g.hex === f.hex)
        .map((g) => switchPort(json, g.link, f.from)).sort((a, b) => a - b);
      return kind === 'lan.flood' ? w.flood(ports.join(w.list)) : w.forward(ports.join(w.list));
    }
    case 'lan.ttl': return String(json.frames[e.frame].summary.ttl);
    case 'lan.macs': {
      const s = json.frames[e.frame].summary;
      return w.pair(s.src_mac, s.dst_mac);
    }
    default: throw new Error(`unknown kind ${kind}`);
  }
}

function encAnswer(json, kind, w) {
  const f = json.frames.find((x) => x.from === 'client' && (x.role === 'data' || x.role === 'udp'));
  const s = f.summary;
  switch (kind) {
    case 'enc.layer_ports': return w.transport;
    case 'enc.layer_macs': return w.link;
    case 'enc.ttl': return String(s.ttl);
    case 'enc.dst_mac': return s.dst_mac;
    case 'enc.port': return String(s.dst_port);
    case 'enc.recv': {
      const r = json.events.find((x) => x.kind === 'socket_call' && x.host === 'server' && x.phase === 'returned' && /^recv/.test(x.call));
      return w.bytes(bytesLen(r.result));
    }
    default: throw new Error(`unknown kind ${kind}`);
  }
}

const ask = (page) => page.locator('.ww-predict-ask');
const result = (page) => page.locator('.ww-predict-result');
const stepCount = (page) => page.locator('.ww-step-count');

/** Picks `text` among the radios with the keyboard (Space, then arrows) and checks it. */
async function chooseByKeyboard(page, text) {
  const labels = page.locator('.ww-predict-choice');
  const texts = await labels.allTextContents();
  // Labels keep a value and its arrow together with a no-break space: compare words.
  const words = (t) => t.replace(/\s+/g, ' ').trim();
  const target = texts.findIndex((t) => words(t) === words(text));
  expect(target, `"${text}" among ${JSON.stringify(texts)}`).toBeGreaterThanOrEqual(0);
  await page.locator('.ww-predict-choice input').first().focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
  await expect(page.locator('.ww-predict-choice input').nth(target)).toBeChecked();
  await page.locator('.ww-predict-check').click();
}

/**
 * Walks every question of the scene open in `page`: End (the player stops at the open
 * question), the held player, the answer by keyboard (the first one wrong on purpose),
 * the verdict, the step that plays. Returns the number asked.
 */
async function walk(page, lang, answerOf, max) {
  const w = WORDS[lang];
  let asked = 0;
  for (;;) {
    await page.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press('End');
    await expect(ask(page).or(page.locator('.ww-predict-score'))).toBeVisible();
    if (!(await ask(page).isVisible())) break;
    asked += 1;
    const at = Number(await ask(page).getAttribute('data-at'));
    const kind = await ask(page).getAttribute('data-kind');
    await expect(stepCount(page)).toContainText(w.step(at, max));
    // Held: forward keys and buttons do not pass an open question.
    await page.keyboard.press('ArrowRight');
    await expect(stepCount(page)).toContainText(w.step(at, max));
    await expect(page.locator('.ww-pbtn[data-act="next"]')).toBeDisabled();
    const answer = answerOf(kind, at, w);
    if (asked === 1) {
      const wrong = (await page.locator('.ww-predict-choice').allTextContents()).map((t) => t.trim()).find((t) => t !== answer);
      await chooseByKeyboard(page, wrong);
      await expect(result(page)).toContainText(w.wrong);
    } else {
      await chooseByKeyboard(page, answer);
      await expect(result(page)).toContainText(w.correct);
    }
    await expect(result(page)).toContainText(answer);
    // Then the step plays.
    await expect(stepCount(page)).toContainText(w.step(at + 1, max));
  }
  await expect(stepCount(page)).toContainText(w.step(max, max));
  await expect(page.locator('.ww-predict-score')).toHaveText(w.score(asked - 1, asked));
  return asked;
}

for (const lang of ['en', 'zh']) {
  test(`TCP (${lang}): every question, answered from the native trace, holds the player and scores`, async ({ page }) => {
    test.slow();
    const { json } = nativeTrace('tcp');
    const max = json.events.length;
    await open(page, `#/tcp?predict=1&seed=5&lang=${lang}`);
    const asked = await walk(page, lang, (kind, at, w) => tcpAnswer(json, kind, at, w), max);
    expect(asked).toBeGreaterThanOrEqual(6);
    // Same seed, same order: a reload shows the first question's choices in the same order.
    await page.locator('.ww-predict-retry').click();
    const seed = new URL(page.url()).hash.match(/seed=(\d+)/)[1];
    expect(seed).not.toBe('5');
    await expect(stepCount(page)).toContainText(WORDS[lang].step(0, max));
    await page.keyboard.press('End');
    const order = await page.locator('.ww-predict-choice').allTextContents();
    await open(page, `#/tcp?predict=1&seed=${seed}&lang=${lang}&step=${max}`);
    await expect(ask(page)).toBeVisible();
    expect(await page.locator('.ww-predict-choice').allTextContents()).toEqual(order);
  });

  test(`encapsulation (${lang}): every question against the native trace`, async ({ page }) => {
    const { json } = nativeTrace('tcp', { 'server.port': '443', 'client.payload': 'predict me' });
    await open(page, `#/encapsulation?predict=1&server.port=443&client.payload=predict%20me&lang=${lang}`);
    const asked = await walk(page, lang, (kind, _at, w) => encAnswer(json, kind, w), 9);
    expect(asked).toBeGreaterThanOrEqual(3);
  });

  test(`LAN (${lang}): switch and router questions against the native trace`, async ({ page }) => {
    test.slow();
    const sw = nativeTrace('switch').json;
    await open(page, `#/lan?predict=1&lang=${lang}`);
    const n = await walk(page, lang, (kind, at, w) => lanAnswer(sw, kind, at, w), sw.events.length);
    expect(n).toBeGreaterThanOrEqual(3);
    const router = nativeTrace('router').json;
    await open(page, `#/lan?view=router&predict=1&lang=${lang}`);
    await walk(page, lang, (kind, at, w) => lanAnswer(router, kind, at, w), router.events.length);
  });
}

test('a URL step past an open question is held there, and the switch turns the mode on and off', async ({ page }) => {
  await open(page, '#/tcp?predict=1&step=60&lang=en');
  await expect(ask(page)).toBeVisible();
  const at = Number(await ask(page).getAttribute('data-at'));
  expect(at).toBeLessThan(60);
  await expect(page.locator('.ww-predict-choices[role="radiogroup"]')).toHaveAttribute('aria-labelledby', /prompt/);
  await page.locator('.ww-predict-switch input').uncheck();
  await expect(page.locator('.ww-predict')).toHaveCount(0);
  expect(new URL(page.url()).hash).not.toContain('predict');
  await page.locator('.ww-predict-switch input').check();
  await expect(page.locator('.ww-predict')).toBeVisible();
  await expect.poll(() => new URL(page.url()).hash).toContain('predict=1');
});

test('the slider in an embed stands where the counter says, and snaps back inside the range', async ({ page }) => {
  // A phone showed "step 38 of 39" with the knob at the far left: the track ran from the
  // embed's first step, the counter from step 0.
  await page.setViewportSize({ width: 390, height: 844 });
  const { json } = nativeTrace('tcp');
  const at = json.events.findIndex((e, i) => e.kind === 'frame' && json.frames[e.frame].role === 'ack' && i > 0);
  await open(page, `#/tcp?embed=1&predict=1&from=${at}&to=${at + 1}&lang=en`);
  await expect(ask(page)).toBeVisible();
  const slider = page.locator('.ww-scrub');
  const knob = async () => {
    const [n, m] = (await stepCount(page).innerText()).match(/\d+/g).map(Number);
    const [min, max, value] = await slider.evaluate((e) => [e.min, e.max, e.value].map(Number));
    return { n, m, min, max, value, at: (value - min) / (max - min) };
  };
  let k = await knob();
  expect(k.n).toBe(at);
  expect([k.value, k.max]).toEqual([k.n, k.m]);
  // The knob's place on the track is the counter's share of the way.
  expect(k.at).toBeCloseTo(k.n / k.m, 5);
  // Dragged to the start, before the embed's range: it goes back to the range's first step.
  await slider.fill('0');
  await expect(stepCount(page)).toContainText(WORDS.en.step(at, at + 1));
  k = await knob();
  expect(k.value).toBe(at);
  expect(k.at).toBeCloseTo(k.n / k.m, 5);
});

for (const lang of ['en', 'zh']) {
  test(`an embed holds one question on a phone (${lang}) and screenshots`, async ({ page }) => {
    test.slow(); // two sizes, three pages, full-page screenshots and axe runs
    const { json } = nativeTrace('tcp');
    // The data ACK: from its question's step to the step that answers it.
    const at = json.events.findIndex((e, i) => e.kind === 'frame' && json.frames[e.frame].role === 'ack' && i > 0);
    for (const [w, h] of [[390, 844], [1280, 800]]) {
      await page.setViewportSize({ width: w, height: h });
      await page.goto('about:blank'); // a fresh app: answers are kept only while it runs
      await open(page, `#/tcp?embed=1&predict=1&from=${at}&to=${at + 1}&lang=${lang}`);
      await expect(ask(page)).toBeVisible();
      await expect(page.locator('.ww-predict-count')).toHaveText(WORDS[lang].count(1, 1));
      expect(await overflowsSideways(page)).toBe(false);
      for (const box of [...await page.locator('.ww-predict-choice').all(), page.locator('.ww-predict-check')]) {
        const b = await box.boundingBox();
        expect(b.height).toBeGreaterThanOrEqual(44);
      }
      await page.screenshot({ path: `e2e/artifacts/screens/predict-embed-${lang}-${w}x${h}.png`, fullPage: true, animations: 'disabled' });
      expect(await axe(page)).toEqual([]);
      await chooseByKeyboard(page, tcpAnswer(json, 'tcp.data_ack', at, WORDS[lang]));
      await expect(page.locator('.ww-predict-score')).toHaveText(WORDS[lang].score(1, 1));
      expect(await overflowsSideways(page)).toBe(false);
      expect(await axe(page)).toEqual([]);
    }
    for (const [w, h] of [[1280, 800], [390, 844]]) {
      await page.setViewportSize({ width: w, height: h });
      await open(page, `#/tcp?predict=1&step=99&lang=${lang}`);
      await expect(ask(page)).toBeVisible();
      expect(await overflowsSideways(page)).toBe(false);
      await page.screenshot({ path: `e2e/artifacts/screens/predict-tcp-${lang}-${w}x${h}.png`, fullPage: true, animations: 'disabled' });
      expect(await axe(page)).toEqual([]);
      await open(page, `#/lan?predict=1&step=99&lang=${lang}`);
      await expect(ask(page)).toBeVisible();
      expect(await overflowsSideways(page)).toBe(false);
      await page.screenshot({ path: `e2e/artifacts/screens/predict-lan-${lang}-${w}x${h}.png`, fullPage: true, animations: 'disabled' });
    }
  });
}
