// The architecture scene against the native engine: the C/S and B/S requests are the
// engine's frames byte for byte, a lossy network delays the answer by the engine's
// retransmission, the cost inputs compute and validate, deep links and embeds.
import { test, expect, open, overflowsSideways } from './fixtures.mjs';
import { nativeTrace } from './engine.mjs';

const col = (page, side) => page.locator(`.ww-arch-wire-col[data-side="${side}"]`);
// The payload as shown (each CR LF written as a visible \r\n then a line break) back to bytes.
const unshow = (text) => text.replaceAll('\\r\\n\n', '\r\n');

async function payloads(page, side) {
  const pres = col(page, side).locator('.ww-arch-payload');
  await expect(pres).toHaveCount(2);
  return [unshow(await pres.nth(0).textContent()), unshow(await pres.nth(1).textContent())];
}

// What each side sends, pinned here (not read from the page): the native client's own
// compact protocol on port 8001, and the browser's HTTP/1.1 exchange on port 80.
const BS_BODY = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Friends</title>'
  + '<link rel="stylesheet" href="/friends.css"></head><body>'
  + '<header><h1>Friends</h1><nav><a href="/">Home</a> <a href="/chat">Chat</a> <a href="/me">Me</a></nav></header>'
  + '<ul id="list"><li>alice <button>Chat</button></li><li>bob <button>Chat</button></li>'
  + '<li>carol <button>Chat</button></li></ul>'
  + '<script src="/friends.js"></script></body></html>';
// The two files the page links; the browser fetches them once the HTML is in, each over
// its own connection across the same link.
const BS_CSS = 'body{font:16px sans-serif;margin:0}header{background:#1d4ed8;color:#fff;padding:12px}'
  + 'ul{list-style:none;margin:0;padding:0}li{padding:8px 12px;border-bottom:1px solid #ddd}'
  + 'li:hover{background:#eef}button{float:right}';
const BS_JS = "document.querySelectorAll('button').forEach(function(b){b.onclick=function(){"
  + "location.href='/chat?to='+b.parentNode.firstChild.textContent.trim()}})";
const RESOURCES = [['/friends.css', 'text/css', BS_CSS], ['/friends.js', 'text/javascript', BS_JS]].map(([path, type, body]) => ({
  req: `GET ${path} HTTP/1.1\r\nHost: www.oldboyedu.com\r\nUser-Agent: Mozilla/5.0\r\nAccept: */*\r\nConnection: close\r\n\r\n`,
  resp: `HTTP/1.1 200 OK\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
}));
const PINNED = {
  cs: { port: '8001', req: 'FRIENDS?', resp: 'FRIENDS 3 alice bob carol' },
  bs: {
    port: '80',
    req: 'GET /friends HTTP/1.1\r\nHost: www.oldboyedu.com\r\nUser-Agent: Mozilla/5.0\r\nAccept: text/html\r\nConnection: close\r\n\r\n',
    resp: 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n'
      + `Content-Length: ${Buffer.byteLength(BS_BODY)}\r\nConnection: close\r\n\r\n${BS_BODY}`,
  },
};

/** The native run behind one side, from the pinned payloads. */
function nativeFor(side, extra = {}) {
  const { port, req, resp } = PINNED[side];
  return nativeTrace('tcp', { 'server.port': port, 'client.payload': req, 'server.payload': resp, ...extra }).json;
}

function answerUs(json) {
  const req = json.frames.find((f) => f.from === 'client' && f.summary?.payload_len > 0);
  const resp = json.frames.find((f) => f.from === 'server' && !f.dropped && f.summary?.payload_len > 0);
  return resp.arrive_us - req.time_us;
}

/** The native runs of the page's linked files. */
function resourceRuns(extra = {}) {
  return RESOURCES.map(({ req, resp }) => nativeTrace('tcp', { 'server.port': '80', 'client.payload': req, 'server.payload': resp, ...extra }).json);
}

/** What the user waits under `net`: C/S request to answer; B/S the HTML's, plus the slowest linked file from its SYN. */
function viewUs(side, net) {
  const extra = { loss: net };
  const first = answerUs(nativeFor(side, extra));
  if (side === 'cs') return first;
  return first + Math.max(...resourceRuns(extra).map((j) => {
    const syn = j.frames.find((f) => f.from === 'client' && f.role === 'syn');
    const resp = j.frames.find((f) => f.from === 'server' && !f.dropped && f.summary?.payload_len > 0);
    return resp.arrive_us - syn.time_us;
  }));
}

test('both requests are the native engine\'s frames, byte for byte', async ({ page }) => {
  await open(page, '#/architecture?lang=en');
  // The page shows exactly the pinned payloads.
  for (const side of ['cs', 'bs']) {
    expect(await payloads(page, side)).toEqual([PINNED[side].req, PINNED[side].resp]);
  }
  for (const side of ['cs', 'bs']) {
    const json = nativeFor(side);
    const rows = col(page, side).locator('.ww-arch-frame');
    await expect(rows).toHaveCount(json.frames.length);
    const seen = await rows.evaluateAll((els) => els.map((e) => [e.dataset.role, Number(e.dataset.len)]));
    expect(seen).toEqual(json.frames.map((f) => [f.role ?? 'frame', f.hex.length / 2]));
    const total = json.frames.reduce((n, f) => n + f.hex.length / 2, 0);
    await expect(col(page, side)).toHaveAttribute('data-wire-bytes', String(total));
    // Every data frame's bytes, as the inspector shows them, equal the engine's.
    for (const [i, f] of json.frames.entries()) {
      if (f.role !== 'data') continue;
      await rows.nth(i).locator('.ww-arch-frame-row').click();
      // The inspector is a part of its own, loaded on the first click
      // (src/widgets/inspector_part.rs): wait until it shows this frame.
      await page.locator(`.ww-arch-inspector [data-index="${i}"] .ww-byte`).first().waitFor();
      const hex = await page.locator('.ww-arch-inspector .ww-byte').allTextContents();
      expect(hex.join('')).toBe(f.hex);
    }
    await expect(col(page, side).locator('.ww-arch-wire-time')).toContainText(`${(answerUs(json) / 1000).toFixed(1)} ms`);
  }
  // The page view costs more bytes than the native request, as the bars say.
  const cs = Number(await col(page, 'cs').getAttribute('data-wire-bytes'));
  const bs = Number(await col(page, 'bs').getAttribute('data-wire-bytes'));
  expect(bs).toBeGreaterThan(cs);
  // The page's linked files: their frames after ARP (cached by then) add to every page view.
  const more = resourceRuns().flatMap((j) => j.frames).filter((f) => !(f.role ?? '').startsWith('arp'));
  const moreBytes = more.reduce((n, f) => n + f.hex.length / 2, 0);
  await expect(col(page, 'bs').locator('.ww-arch-wire-more')).toHaveAttribute('data-more-bytes', String(moreBytes));
  await expect(col(page, 'bs').locator('.ww-arch-wire-more')).toHaveAttribute('data-more-frames', String(more.length));
  await expect(page.locator('.ww-arch-cost.is-traffic')).toHaveAttribute('data-bs-use', String(bs + moreBytes));
});

test('a lost packet shows the engine\'s drop, retransmission and delay, in the URL too', async ({ page }) => {
  await open(page, '#/architecture?lang=en');
  await page.locator('#arch-net').selectOption('data');
  await expect(page.locator('.ww-architecture')).toHaveAttribute('data-net', 'data');
  await expect.poll(() => new URL(page.url()).hash).toContain('net=data');
  for (const side of ['cs', 'bs']) {
    const json = nativeFor(side, { loss: 'data' });
    await expect(col(page, side).locator('.ww-arch-frame.is-dropped')).toHaveCount(json.frames.filter((f) => f.dropped).length);
    await expect(col(page, side).locator('.ww-arch-frame[data-role="retransmission"]')).toHaveCount(
      json.frames.filter((f) => f.role === 'retransmission').length);
    await expect(col(page, side).locator('.ww-arch-wire-time')).toContainText(`${(answerUs(json) / 1000).toFixed(1)} ms`);
  }
  // The timing chart: every condition's wait equals the engine's runs, losses cost time, and
  // the page view, with three connections over the lossy link, loses more than the native client.
  const times = {};
  for (const net of ['none', 'data', 'data*2']) {
    times[net] = { cs: viewUs('cs', net), bs: viewUs('bs', net) };
    const row = page.locator(`.ww-arch-timing-row[data-net="${net}"]`);
    await expect(row).toHaveAttribute('data-cs-us', String(times[net].cs));
    await expect(row).toHaveAttribute('data-bs-us', String(times[net].bs));
  }
  expect(times.none.cs).toBe(answerUs(nativeFor('cs')));
  expect(times.data.bs).toBeGreaterThan(times.none.bs + 100_000);
  expect(times['data*2'].bs).toBeGreaterThan(times.data.bs);
  expect(times.data.bs - times.none.bs).toBeGreaterThan(times.data.cs - times.none.cs + 100_000);
  // Reload keeps it.
  await page.reload();
  await page.locator('main[data-ready="true"]').waitFor();
  await expect(page.locator('#arch-net')).toHaveValue('data');
});

test('the update cost multiplies the typed numbers; bad input is explained beside its field', async ({ page }) => {
  await open(page, '#/architecture?lang=en');
  await page.locator('#arch-users').fill('1000');
  await page.locator('#arch-size').fill('200');
  await page.locator('#arch-releases').fill('4');
  await expect(page.locator('.ww-arch-cost.is-update')).toHaveAttribute('data-update-bytes', String(1000 * 200 * 4 * 1e6));
  await expect(page.locator('.ww-arch-total')).toHaveText('800 GB');
  await expect(page.locator('.ww-arch-phone')).toHaveCount(40);
  await expect.poll(() => new URL(page.url()).hash).toContain('users=1000');
  await page.locator('#arch-users').fill('12');
  await expect(page.locator('.ww-arch-phone')).toHaveCount(12);
  await page.locator('#arch-size').fill('0');
  await expect(page.locator('#arch-size-error')).toHaveText('0 is out of range: use 1\u2060–\u2060100000.');
  await expect(page.locator('.ww-arch-total')).toHaveText('9.6 GB'); // the last good size (200) kept
  await page.locator('#arch-visits').fill('ten');
  await expect(page.locator('#arch-visits-error')).toContainText('“ten” is not a whole number');
  // A bad value in a link is shown beside its field, in Chinese too.
  await open(page, '#/architecture?lang=zh&users=-5');
  await expect(page.locator('#arch-users-error')).toContainText('不是整数');
});

test('the app builds its first screen, then the frame lists, then the costs, behind the pre-rendered page', async ({ page }) => {
  // What the app holds when its first screen is in, when the frame lists come, and when
  // it says it is ready. Each later part is a task of its own (widgets::later): the
  // first screen runs no simulation, the costs follow the frame lists.
  await page.addInitScript(() => {
    new MutationObserver(() => {
      const app = document.querySelector('.ww-host');
      const seen = () => ({
        wire: !!app.querySelector('.ww-arch-wire'),
        costs: !!app.querySelector('.ww-arch-costs'),
        placeholder: !!app.querySelector('.ww-later'),
        building: !!app.querySelector('.ww-app[data-building]'),
        pre: !!document.getElementById('ww-pre'),
      });
      if (!window.__first && app?.querySelector('.ww-arch-sides')) window.__first = seen();
      if (!window.__wire && app?.querySelector('.ww-arch-wire')) window.__wire = seen();
      if (!window.__atReady && app?.querySelector('main[data-ready="true"]')) window.__atReady = seen();
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  await open(page, '#/architecture?lang=en');
  await expect(page.locator('.ww-arch-wire')).toBeVisible();
  const ready = { wire: true, costs: true, placeholder: false, building: false, pre: false };
  expect(await page.evaluate(() => [window.__first, window.__wire, window.__atReady])).toEqual([
    { wire: false, costs: false, placeholder: true, building: true, pre: true },
    { wire: true, costs: false, placeholder: true, building: true, pre: true },
    ready,
  ]);
  // An embed (a slide) mounts at once, still behind the pre-rendered page.
  await open(page, '#/architecture?embed=1&lang=en');
  const whole = { wire: true, costs: true, placeholder: false, building: true, pre: true };
  expect(await page.evaluate(() => [window.__first, window.__wire, window.__atReady])).toEqual([whole, whole, ready]);
});

test('an embed shows the comparison without controls', async ({ page }) => {
  await open(page, '#/architecture?embed=1&lang=en&net=data*2');
  await expect(page.locator('.ww-header')).toHaveCount(0);
  await expect(page.locator('#arch-net')).toHaveCount(0);
  await expect(page.locator('.ww-arch-inputs')).toHaveCount(0);
  await expect(page.locator('.ww-architecture')).toHaveAttribute('data-net', 'data*2');
  await expect(col(page, 'bs').locator('.ww-arch-frame.is-dropped')).toHaveCount(2);
});

test.describe('screenshots', () => {
  for (const [w, h] of [[1280, 800], [390, 844]]) {
    for (const lang of ['zh', 'en']) {
      test(`${w}x${h} ${lang}`, async ({ page }) => {
        await page.setViewportSize({ width: w, height: h });
        await open(page, `#/architecture?lang=${lang}&net=data`);
        await col(page, 'bs').locator('.ww-arch-frame[data-role="data"] .ww-arch-frame-row').first().click();
        expect(await overflowsSideways(page), `overflows at ${w}px`).toBe(false);
        await page.screenshot({ path: `e2e/artifacts/screens/architecture-lossy-${lang}-${w}x${h}.png`, fullPage: true, animations: 'disabled' });
      });
    }
  }
});
