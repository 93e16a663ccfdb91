// The TCP scene against the native engine: states, narration, variants, deep links,
// bad input, the inspector and the pcap export (checked by tshark).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { test, expect, open, overflowsSideways } from './fixtures.mjs';
import { nativeTrace, stateAt } from './engine.mjs';
import { goSameScene } from './hashnav.mjs';

const stepText = (n, max) => `step ${n} of ${max}`;
const clientState = (page) => page.locator('.ww-state[data-host="client"] .ww-state-name');
const serverState = (page) => page.locator('.ww-state[data-host="server"] .ww-state-name');

test('key presses quicker than the page renders each take one step (a clicker pressed twice)', async ({ page }) => {
  const { json } = nativeTrace('tcp');
  const n = json.events.length;
  await open(page, '#/tcp?lang=en');
  // Dispatched in one task, so no render can come between them.
  await page.evaluate(() => {
    for (let i = 0; i < 5; i++) window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
  });
  await expect(page.locator('.ww-step-count')).toContainText(stepText(5, n));
  await page.evaluate(() => {
    for (const key of ['PageUp', 'PageUp', 'ArrowLeft']) window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
  await expect(page.locator('.ww-step-count')).toContainText(stepText(2, n));
  await expect.poll(() => new URL(page.url()).hash).toContain('step=2');
});

test('walking the normal exchange with the keyboard shows the engine\'s states and narration at every step', async ({ page }) => {
  test.slow(); // ~70 steps with five checks each: over 30 s on a busy 2-core machine
  const { json } = nativeTrace('tcp');
  const n = json.events.length;
  await open(page, '#/tcp?lang=en');
  await expect(page.locator('.ww-step-count')).toContainText(stepText(0, n));
  await expect(page.locator('.ww-arrow')).toHaveCount(json.frames.length);
  for (let step = 1; step <= n; step++) {
    await page.keyboard.press('ArrowRight');
    const client = stateAt(json, 'client', step);
    const server = stateAt(json, 'server', step);
    const e = json.events[step - 1];
    // What the narration must contain at this step.
    const said = [`Client: ${client} · Server: ${server}`];
    if (e.kind === 'state_change') said.push(`${e.from} → ${e.to}`);
    if (e.kind === 'socket_call') said.push(`${e.call}()`);
    if (e.kind === 'frame') {
      const f = json.frames[e.frame];
      // ARP in the app's own words: tshark's "Who has A? Tell B" / "A is at M", as a sentence.
      said.push(f.summary.protocol === 'ARP' ? f.summary.arp_text.replace(/^Who has/, 'who has') : f.summary.tcp_flags_text);
    }
    const want = { count: stepText(step, n), client, server, said, frame: e.kind === 'frame' ? e.frame : null };
    // One round trip per step: wait (as the expects did, up to 5 s) until the page shows
    // it all, then read it (whitespace normalised, as toHaveText/toContainText do).
    const got = await page.evaluate(async (want) => {
      const norm = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
      const read = () => ({
        count: norm(document.querySelector('.ww-step-count')),
        client: [...document.querySelectorAll('.ww-state[data-host="client"] .ww-state-name')].map(norm),
        server: [...document.querySelectorAll('.ww-state[data-host="server"] .ww-state-name')].map(norm),
        narration: norm(document.querySelector('.ww-narration')),
        arrow: want.frame === null ? null : [...document.querySelectorAll(`.ww-arrow[data-frame="${want.frame}"]`)].map((a) => a.classList.contains('is-current')),
      });
      const ok = (g) => g.count.includes(want.count) && g.client.join('|') === want.client && g.server.join('|') === want.server
        && want.said.every((t) => g.narration.includes(t)) && (want.frame === null || (g.arrow.length === 1 && g.arrow[0]));
      return window.__wwUntil(read, ok);
    }, want);
    expect(got.count, `step ${step}`).toContain(want.count);
    expect(got.client, `step ${step}: client state`).toEqual([client]);
    expect(got.server, `step ${step}: server state`).toEqual([server]);
    for (const t of said) expect(got.narration, `step ${step}: narration`).toContain(t);
    if (want.frame !== null) expect(got.arrow, `step ${step}: frame ${want.frame} is the current arrow`).toEqual([true]);
  }
  await expect.poll(() => new URL(page.url()).hash).toContain(`step=${n}`);
  // Home / PageUp / End work too (presentation clickers send PageUp/PageDown).
  await page.keyboard.press('Home');
  await expect(page.locator('.ww-step-count')).toContainText(stepText(0, n));
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageUp');
  await expect(page.locator('.ww-step-count')).toContainText(stepText(1, n));
  await page.keyboard.press('End');
  await expect(page.locator('.ww-step-count')).toContainText(stepText(n, n));
});

const VARIANTS = {
  tcp: {},
  tcp_loss: { dropped: 1, retrans: true },
  tcp_loss_twice: { dropped: 2, retrans: true },
  tcp_server_close: {},
  tcp_simultaneous_close: { state: 'CLOSING' },
  refused: { role: 'rst', code: 'ConnectionRefusedError' },
  udp: { role: 'udp' },
};
for (const [variant, expectations] of Object.entries(VARIANTS)) {
  test(`variant ${variant} draws the engine's frames and ends in its states`, async ({ page }) => {
    const { json } = nativeTrace(variant);
    await open(page, '#/tcp?lang=en');
    await page.locator('#tcp-variant').selectOption(variant);
    await expect(page.locator('.ww-tcp')).toHaveAttribute('data-variant', variant);
    await expect.poll(() => new URL(page.url()).hash).toContain(`variant=${variant}`);
    const roles = await page.locator('.ww-arrow').evaluateAll((els) => els.map((e) => e.dataset.role));
    expect(roles).toEqual(json.frames.map((f) => f.role ?? ''));
    await page.keyboard.press('End');
    const n = json.events.length;
    await expect(page.locator('.ww-step-count')).toContainText(stepText(n, n));
    if (variant !== 'udp') {
      await expect(clientState(page)).toHaveText(stateAt(json, 'client', n));
      await expect(serverState(page)).toHaveText(stateAt(json, 'server', n));
    }
    if (expectations.dropped) await expect(page.locator('.ww-arrow.is-dropped')).toHaveCount(expectations.dropped);
    if (expectations.retrans) expect(await page.locator('.ww-arrow.is-retrans').count()).toBeGreaterThan(0);
    if (expectations.role) expect(roles).toContain(expectations.role);
    if (expectations.code) await expect(page.locator('.ww-code').first()).toContainText(expectations.code);
    if (expectations.state) {
      const seen = json.events.filter((e) => e.kind === 'state_change').map((e) => e.to);
      expect(seen).toContain(expectations.state);
      await expect(page.locator('.ww-state-mark', { hasText: expectations.state }).first()).toBeVisible();
    }
  });
}

test('the state diagram marks both ends and lights the transition that just happened', async ({ page }) => {
  const { json } = nativeTrace('tcp');
  const i = json.events.findIndex((e) => e.kind === 'state_change' && e.to === 'TIME_WAIT');
  await open(page, `#/tcp?lang=en&step=${i + 1}`);
  await expect(page.locator('.ww-sd-node.is-client')).toHaveAttribute('data-state', 'TIME_WAIT');
  await expect(page.locator('.ww-sd-node.is-server')).toHaveAttribute('data-state', stateAt(json, 'server', i + 1));
  await expect(page.locator('.ww-sd-edge.is-lit')).toHaveAttribute('data-edge', `${json.events[i].from}>TIME_WAIT`);
  await expect(page.locator('.ww-state[data-host="client"] .ww-state-timer')).toContainText('s');
  await expect(page.locator('.ww-arrow-note').first()).toHaveCount(0);
});

test('a retransmission is labelled with the timeout that fired', async ({ page }) => {
  const { json } = nativeTrace('tcp_loss_twice');
  const resent = json.frames.filter((f) => f.role === 'retransmission');
  expect(resent.length).toBe(2);
  await open(page, '#/tcp?lang=en&variant=tcp_loss_twice&step=999');
  const notes = await page.locator('.ww-arrow.is-retrans .ww-arrow-note').allTextContents();
  const lost = json.frames.find((f) => f.role === 'data');
  const rto1 = (resent[0].time_us - lost.time_us) / 1e6;
  const rto2 = (resent[1].time_us - resent[0].time_us) / 1e6;
  // The first retransmission is lost again; the second gets through after twice the wait.
  expect(notes).toEqual([`RTO ${rto1.toFixed(3)} s fired\u00a0→ resent · ✕ lost`, `RTO ${rto2.toFixed(3)} s fired\u00a0→ resent`]);
  expect(rto2).toBeCloseTo(2 * rto1, 6);
});

test('a deep link opens the same step, and a reload keeps it', async ({ page }) => {
  const { json } = nativeTrace('tcp_loss');
  const n = json.events.length;
  await open(page, '#/tcp?variant=tcp_loss&step=20&lang=en');
  await expect(page.locator('.ww-step-count')).toContainText(stepText(20, n));
  await expect(clientState(page)).toHaveText(stateAt(json, 'client', 20));
  await page.reload();
  await page.locator('main[data-ready="true"]').waitFor();
  await expect(page.locator('.ww-step-count')).toContainText(stepText(20, n));
  await expect(page.locator('#tcp-variant')).toHaveValue('tcp_loss');
});

test('bad input shows its message beside the field and keeps the last good trace', async ({ page }) => {
  await open(page, '#/tcp?lang=en&step=30');
  const before = await page.locator('.ww-arrow').count();
  await page.locator('#tcp-server-port').fill('99999');
  await expect(page.locator('#tcp-server-port-error')).toContainText('99999');
  await expect(page.locator('.ww-arrow')).toHaveCount(before);
  await expect(page.locator('.ww-code').nth(1)).toContainText('8080');
  await page.locator('#tcp-server-port').fill('3306');
  await expect(page.locator('#tcp-server-port-error')).toHaveCount(0);
  await expect(page.locator('.ww-code').nth(1)).toContainText('3306');
  await expect.poll(() => new URL(page.url()).hash).toContain('server.port=3306');
  await page.locator('#tcp-client-payload').fill('x'.repeat(1500));
  await expect(page.locator('#tcp-client-payload-error')).toBeVisible();
  // A bad value in the URL is reported beside its field too, and the defaults run.
  await open(page, '#/tcp?lang=zh&server.port=70000');
  await expect(page.locator('#tcp-server-port-error')).toContainText('70000');
  await expect(page.locator('.ww-arrow').first()).toBeAttached();
});

test('the payload typed is what crosses the wire', async ({ page }) => {
  await open(page, '#/tcp?lang=en');
  await page.locator('#tcp-client-payload').fill('你好, server');
  await page.keyboard.press('Tab');
  const { json } = nativeTrace('tcp', { 'client.payload': '你好, server' });
  await page.locator('.ww-scrub').focus();
  await page.keyboard.press('End');
  const data = json.frames.findIndex((f) => f.role === 'data');
  await page.locator(`.ww-arrow[data-frame="${data}"]`).click();
  await expect(page.locator('.ww-arrow-payload').first()).toContainText('你好, server');
  // The inspector shows the same bytes the native engine computed.
  const hex = await page.locator('.ww-inspector .ww-byte').allTextContents();
  expect(hex.join('')).toBe(json.frames[data].hex);
});

test('the inspector lights a field\'s bytes and a byte\'s field', async ({ page }) => {
  await open(page, '#/tcp?lang=en&step=20');
  const syn = page.locator('.ww-arrow[data-role="syn"]');
  await syn.click();
  await expect(page.locator('.ww-inspector-summary')).toContainText('SYN');
  await page.locator('.ww-field[data-field="tcp.srcport"] > .ww-field-row').hover();
  await expect(page.locator('.ww-byte.is-lit')).toHaveCount(2);
  await page.locator('.ww-byte[data-offset="23"]').hover();
  await expect(page.locator('.ww-field.is-lit')).toHaveAttribute('data-field', 'ip.proto');
  await expect(page.locator('.ww-field[data-field="tcp.checksum"] .ww-check')).toHaveClass(/is-ok/);
});

test('the exported pcap is the engine\'s, and tshark decodes it with good checksums', async ({ page }) => {
  await open(page, '#/tcp?lang=en&variant=tcp_loss');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="pcap"]').click()]);
  const file = await download.path();
  const bytes = fs.readFileSync(file);
  expect(bytes.equals(nativeTrace('tcp_loss').pcap)).toBe(true);
  const out = execFileSync('tshark', ['-r', file, '-o', 'tcp.check_checksum:TRUE', '-o', 'ip.check_checksum:TRUE',
    '-T', 'fields', '-e', 'frame.number', '-e', 'ip.checksum.status', '-e', 'tcp.checksum.status', '-e', '_ws.malformed'], { encoding: 'utf8' });
  const rows = out.trim().split('\n').map((l) => l.split('\t'));
  expect(rows.length).toBe(nativeTrace('tcp_loss').json.frames.length);
  // tshark's checksum status: 0 bad, 1 good, 2 unverified. Every IP and TCP checksum is good.
  for (const [, ipOk, tcpOk, malformed] of rows) {
    if (ipOk) expect(ipOk).toBe('1');
    if (tcpOk) expect(tcpOk).toBe('1');
    expect(malformed ?? '').toBe('');
  }
  const [svgDl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="svg"]').click()]);
  expect(fs.readFileSync(await svgDl.path(), 'utf8')).toMatch(/^<svg[^>]*class="ww-ladder"[\s\S]*<\/svg>$/);
  const [pngDl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="png"]').click()]);
  const png = fs.readFileSync(await pngDl.path());
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  // 2× the diagram's 600-unit width.
  expect(png.readUInt32BE(16)).toBe(1200);
});

test('the SVG export is XML for any payload: no-break spaces, controls, markup, non-characters', async ({ page }) => {
  const payload = 'a\u00a0b\u0001<&>\ufffe\u2028你';
  await open(page, '#/tcp?lang=en&client.payload=' + encodeURIComponent(payload));
  const [svgDl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="svg"]').click()]);
  const svgFile = await svgDl.path();
  const xml = fs.readFileSync(svgFile, 'utf8');
  expect(xml).not.toContain('&nbsp;');
  // CPython's XML parser, an independent oracle, accepts the file (it throws otherwise).
  execFileSync('python3', ['-c', 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])', svgFile]);
  expect(xml).toContain('a\u00a0b\\x01&lt;&amp;&gt;');
  // Parsed as XML (not HTML): no parser error, and the payload label survives intact.
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      errors: doc.getElementsByTagName('parsererror').length,
      root: doc.documentElement.localName,
      ns: doc.documentElement.namespaceURI,
      payload: [...doc.querySelectorAll('.ww-arrow-payload')].map((t) => t.textContent),
    };
  }, xml);
  expect(parsed.errors).toBe(0);
  expect(parsed.root).toBe('svg');
  expect(parsed.ns).toBe('http://www.w3.org/2000/svg');
  expect(parsed.payload[0]).toBe('“a\u00a0b\\x01<&>\\ufffe\u2028你”');
  const [pngDl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="png"]').click()]);
  expect(fs.readFileSync(await pngDl.path()).subarray(1, 4).toString()).toBe('PNG');
  await expect(page.locator('[data-export-error]')).toHaveCount(0);
});

test('an embed is locked to its step range', async ({ page }) => {
  await open(page, '#/tcp?embed=1&from=3&to=9&step=1&lang=en');
  await expect(page.locator('.ww-header')).toHaveCount(0);
  await expect(page.locator('.ww-tcp-controls')).toHaveCount(0);
  await expect(page.locator('.ww-step-count')).toContainText('step 3 of 9');
  await page.keyboard.press('End');
  await expect(page.locator('.ww-step-count')).toContainText('step 9 of 9');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.ww-step-count')).toContainText('step 9 of 9');
  await page.keyboard.press('Home');
  await expect(page.locator('.ww-step-count')).toContainText('step 3 of 9');
});

test('play advances by itself and pause stops it', async ({ page }) => {
  await open(page, '#/tcp?lang=en');
  await page.locator('.ww-speed select').selectOption({ label: '4×' });
  await page.locator('[data-act="play"]').click();
  const stepNow = () => page.locator('.ww-step-count').evaluate((el) => Number(el.textContent.match(/\d+/)[0]));
  await expect.poll(stepNow).toBeGreaterThanOrEqual(3);
  await page.locator('[data-act="play"]').click();
  const at = await page.locator('.ww-step-count').textContent();
  await page.waitForTimeout(800);
  await expect(page.locator('.ww-step-count')).toHaveText(at);
});

test.describe('screenshots of every variant', () => {
  for (const [w, h] of [[1280, 800], [390, 844]]) {
    for (const lang of ['zh', 'en']) {
      test(`${w}x${h} ${lang}`, async ({ page }) => {
        await page.setViewportSize({ width: w, height: h });
        // The first variant a fresh load, the others by the hash: measured at both sizes in
        // zh and en, the same document, boxes, colours and pixels as a fresh load.
        for (const [i, variant] of Object.keys(VARIANTS).entries()) {
          const route = `#/tcp?lang=${lang}&variant=${variant}&step=40`;
          if (i === 0) await open(page, route);
          else await goSameScene(page, route);
          expect(await overflowsSideways(page), `${variant} overflows at ${w}px`).toBe(false);
          await page.screenshot({ path: `e2e/artifacts/screens/tcp-${variant}-${lang}-${w}x${h}.png`, fullPage: true, animations: 'disabled' });
        }
      });
    }
  }
});

// Review 5 (item 8): at step 20 of the lost-segment variant the ladder already showed the
// lost frame's red ✕ half-way and the dashed resend arrow, while every other frame ahead
// is a thin grey arrow: the loss was given away before it happened. A frame ahead of the
// cursor is drawn like any other frame ahead: whole, solid, grey, no ✕; played, it is lost.
test('frames ahead of the cursor do not give a loss away: no ✕, no dashed resend until played', async ({ page }) => {
  const { json } = nativeTrace('tcp_loss');
  const lostEv = json.events.findIndex((e) => e.kind === 'frame' && json.frames[e.frame].dropped);
  expect(lostEv).toBeGreaterThan(0);
  const look = () => page.evaluate(() => {
    const svg = document.querySelector('.ww-ladder');
    const lifelines = [...svg.querySelectorAll('.ww-lifeline')].map((l) => Number(l.getAttribute('x1')));
    return [...svg.querySelectorAll('.ww-arrow')].map((g) => {
      const line = g.querySelector('.ww-arrow-line');
      const cs = getComputedStyle(line);
      return {
        frame: Number(g.dataset.frame), future: g.classList.contains('is-future'),
        cross: !!g.querySelector('.ww-drop-x'), dash: cs.strokeDasharray, stroke: cs.stroke,
        reaches: lifelines.some((x) => Math.abs(x - Number(line.getAttribute('x2'))) < 0.5),
      };
    });
  });
  await open(page, `#/tcp?lang=en&variant=tcp_loss&step=${lostEv}`);
  const before = await look();
  const ahead = before.filter((a) => a.future);
  expect(ahead.length).toBeGreaterThan(4);
  const grey = ahead[0].stroke;
  expect(ahead.filter((a) => a.cross || a.dash !== 'none' || !a.reaches || a.stroke !== grey)).toEqual([]);
  // One step on, the frame is played and lost: its ✕ half-way.
  await open(page, `#/tcp?lang=en&variant=tcp_loss&step=${lostEv + 1}`);
  const after = await look();
  const lost = after.find((a) => a.frame === json.events[lostEv].frame);
  expect(lost).toMatchObject({ future: false, cross: true, reaches: false });
});
