// The LAN scene against the native engine: the switch's MAC table after every step, the
// flood and the unicast, sender/receiver choice, the storm and its pulled cable, the
// router's hop diff, deep links and embed mode; screenshots at both sizes and languages.
import { test, expect, open, overflowsSideways } from './fixtures.mjs';
import { nativeTrace } from './engine.mjs';

const PCS = [
  ['02:00:00:00:00:0a', '192.168.1.10'],
  ['02:00:00:00:00:14', '192.168.1.20'],
  ['02:00:00:00:00:1e', '192.168.1.30'],
];

/** Engine settings the scene uses for "PC s sends to PC r". */
function switchSets(s, r) {
  return {
    'client.switch_port': String(s - 1),
    'server.switch_port': String(r - 1),
    'client.mac': PCS[s - 1][0],
    'client.ip': PCS[s - 1][1],
    'server.mac': PCS[r - 1][0],
    'server.ip': PCS[r - 1][1],
  };
}

/** The MAC table the native trace implies after `cursor` events: [[mac, port], ...] in learning order. */
function tableAt(json, cursor, sw = 'switch') {
  const rows = [];
  for (const e of json.events.slice(0, cursor)) {
    if (e.kind !== 'switch_learn' || e.switch !== sw) continue;
    const row = rows.find((r) => r[0] === e.mac);
    if (row) row[1] = e.port;
    else rows.push([e.mac, e.port]);
  }
  return rows;
}

async function shownTable(page, sw = 'switch') {
  return page
    .locator(`.ww-lan-table[data-switch="${sw}"] tbody tr[data-mac]`)
    .evaluateAll((trs) => trs.map((tr) => [tr.dataset.mac, Number(tr.dataset.port)]));
}

const stepCount = (page) => page.locator('.ww-step-count');

test('the MAC table after every step is the one the engine learned', async ({ page }) => {
  const { json } = nativeTrace('switch', switchSets(1, 2));
  const n = json.events.length;
  const learns = json.events.filter((e) => e.kind === 'switch_learn');
  expect(learns.map((e) => [e.mac, e.port])).toEqual([[PCS[0][0], 0], [PCS[1][0], 1]]);
  await open(page, '#/lan?lang=en');
  await expect(page.locator('.ww-lan')).toHaveAttribute('data-view', 'switch');
  await expect(stepCount(page)).toContainText(`step 0 of ${n}`);
  expect(await shownTable(page)).toEqual([]);
  for (let step = 1; step <= n; step++) {
    await page.keyboard.press('ArrowRight');
    await expect(stepCount(page)).toContainText(`step ${step} of ${n}`);
    expect(await shownTable(page), `step ${step}`).toEqual(tableAt(json, step));
    const e = json.events[step - 1];
    if (e.kind === 'switch_learn') {
      await expect(page.locator(`.ww-lan-table tr[data-mac="${e.mac}"]`)).toHaveClass(/is-fresh/);
      await expect(page.locator('.ww-narration')).toContainText(`MAC ${e.mac} is on port ${e.port + 1}`);
    }
    if (e.kind === 'frame') {
      const f = json.frames[e.frame];
      await expect(page.locator(`.ww-lan-packet[data-frame="${e.frame}"]`)).toHaveAttribute('data-to', f.to);
    }
  }
  // Port numbers shown are the engine's + 1 (ports are labelled from 1).
  await expect(page.locator('.ww-lan-table tbody tr').first().locator('td').nth(1)).toHaveText('1');
});

test('the ARP request floods every port but the ingress; the reply leaves by one', async ({ page }) => {
  const { json } = nativeTrace('switch', switchSets(1, 2));
  const floods = json.frames.filter((f) => f.from === 'switch' && f.role === 'arp_request');
  expect(floods.map((f) => f.to).sort()).toEqual(['pc3', 'server']);
  const last = floods[floods.length - 1];
  const at = json.events.findIndex((e) => e.kind === 'frame' && e.frame === last.index) + 1;
  await open(page, `#/lan?lang=en&step=${at}`);
  // Both copies are on the wire at once, broadcast-coloured.
  await expect(page.locator('.ww-lan-packet.is-broadcast')).toHaveCount(2);
  const tos = await page.locator('.ww-lan-packet').evaluateAll((ps) => ps.map((p) => p.dataset.to).sort());
  expect(tos).toEqual(['pc3', 'server']);
  await expect(page.locator('.ww-narration')).toContainText('every port but the one it came in on');
  const reply = json.frames.find((f) => f.from === 'switch' && f.role === 'arp_reply');
  const rat = json.events.findIndex((e) => e.kind === 'frame' && e.frame === reply.index) + 1;
  await open(page, `#/lan?lang=en&step=${rat}`);
  await expect(page.locator('.ww-lan-packet')).toHaveCount(1);
  await expect(page.locator('.ww-lan-packet.is-unicast')).toHaveAttribute('data-to', 'client');
  await expect(page.locator('.ww-narration')).toContainText('Unicast');
  // pc3 never receives anything but the broadcast.
  expect(json.frames.filter((f) => f.to === 'pc3').map((f) => f.role)).toEqual(['arp_request']);
});

test('picking another sender and receiver re-runs the engine and the table learns them', async ({ page }) => {
  await open(page, '#/lan?lang=en');
  await page.locator('#lan-sender').selectOption('3');
  await expect(page).toHaveURL(/sender=3/);
  // Picking the sender as receiver swaps the two.
  await page.locator('#lan-receiver').selectOption('3');
  await expect(page.locator('#lan-sender')).toHaveValue('2');
  await page.locator('#lan-sender').selectOption('1');
  await expect(page.locator('#lan-receiver')).toHaveValue('3');
  const { json } = nativeTrace('switch', switchSets(1, 3));
  await page.keyboard.press('End');
  expect(await shownTable(page)).toEqual(tableAt(json, json.events.length));
  expect(await shownTable(page)).toEqual([[PCS[0][0], 0], [PCS[2][0], 2]]);
  await expect(page.locator('.ww-lan-node.is-idle')).toHaveAttribute('data-node', 'pc2');
  // A deep link reproduces it, also embedded (no controls).
  const { json: j32 } = nativeTrace('switch', switchSets(3, 2));
  await open(page, '#/lan?lang=en&sender=3&receiver=2&embed=1&step=' + j32.events.length);
  await expect(page.locator('#lan-sender')).toHaveCount(0);
  expect(await shownTable(page)).toEqual(tableAt(j32, j32.events.length));
  await expect(page.locator('.ww-lan-node.is-sender text.ww-lan-host-name')).toHaveText('PC3');
});

test('the storm multiplies as the engine counts, and pulling a cable stops it', async ({ page }) => {
  const storm = nativeTrace('storm').json;
  expect(storm.capped).toBe(true);
  await open(page, '#/lan?lang=en&view=storm');
  await expect(page.locator('.ww-lan')).toHaveAttribute('data-view', 'storm');
  const bars = await page.locator('.ww-lan-bar').evaluateAll((bs) => bs.map((b) => Number(b.dataset.count)));
  expect(bars).toEqual(storm.frames_per_tick);
  await expect(page.locator('.ww-lan-chart')).toHaveAttribute('data-total', String(storm.frames.length));
  await expect(page.locator('[data-verdict="storm"]')).toBeVisible();
  await page.keyboard.press('End');
  // Two switches' tables flap: the client's MAC learned again and again.
  const flaps = storm.events.filter((e) => e.kind === 'switch_learn' && e.mac === '02:00:00:00:00:0a').length;
  expect(flaps).toBeGreaterThan(10);
  await expect(page.locator('.ww-lan-table')).toHaveCount(2);
  for (const sw of ['switch1', 'switch2']) expect(await shownTable(page, sw)).toEqual(tableAt(storm, storm.events.length, sw));
  await expect(page.locator('.ww-lan-lesson')).toContainText('Spanning Tree Protocol (STP');

  await page.locator('#lan-pull').click();
  await expect(page).toHaveURL(/storm\.pulled=true/);
  const quiet = nativeTrace('storm', { 'storm.pulled': 'true' }).json;
  expect(quiet.capped).toBe(false);
  expect(Math.max(...quiet.frames_per_tick)).toBe(1);
  const qbars = await page.locator('.ww-lan-bar').evaluateAll((bs) => bs.map((b) => Number(b.dataset.count)));
  expect(qbars).toEqual(quiet.frames_per_tick);
  await expect(page.locator('.ww-lan-chart')).toHaveAttribute('data-total', String(quiet.frames.length));
  await expect(page.locator('[data-verdict="quiet"]')).toBeVisible();
  // The storm's own total stays on screen for comparison; the axis rescales to the quiet
  // run's own maximum (1), so its bars fill the chart instead of looking empty.
  await expect(page.locator('.ww-lan-chart-other')).toHaveAttribute('data-other-total', String(storm.frames.length));
  await expect(page.locator('.ww-lan-chart')).toHaveAttribute('data-max', '1');
  await expect(page.locator('.ww-lan-chart svg .ww-lan-tick').first()).toHaveText('1');
  await expect(page.locator('.ww-lan-link')).toHaveCount(quiet.links.length);
  await expect(page.locator('[data-pulled="true"]')).toBeVisible();
  // Plug it back in: the storm returns. The cable itself can be pulled in the drawing too.
  await page.locator('#lan-pull').click();
  await expect(page.locator('[data-verdict="storm"]')).toBeVisible();
  await expect(page.locator('.ww-lan-link')).toHaveCount(storm.links.length);
  await page.locator('.ww-lan-link.is-pullable').dispatchEvent('click');
  await expect(page).toHaveURL(/storm\.pulled=true/);
  await expect(page.locator('[data-verdict="quiet"]')).toBeVisible();
});

test('a huge storm run is binned: few bars, a bounded page, quickly', async ({ page }) => {
  const route = '#/lan?lang=en&view=storm&storm.pulled=true&latency_us=1&server.think_ms=999';
  const t0 = Date.now();
  await open(page, route);
  await expect(page.locator('.ww-lan-chart')).toBeVisible();
  const elapsed = Date.now() - t0;
  const { json } = nativeTrace('storm', { 'storm.pulled': 'true', latency_us: '1', 'server.think_ms': '999' });
  expect(json.frames_per_tick.length).toBeGreaterThan(100_000);
  const bars = await page.locator('.ww-lan-bar').evaluateAll((bs) => bs.map((b) => Number(b.dataset.count)));
  expect(bars.length).toBeLessThanOrEqual(120);
  // Every bar sums an equal run of the engine's ticks.
  const per = Number(await page.locator('.ww-lan-chart').getAttribute('data-ticks-per-bar'));
  const expected = [];
  for (let i = 0; i < json.frames_per_tick.length; i += per) {
    expected.push(json.frames_per_tick.slice(i, i + per).reduce((a, b) => a + b, 0));
  }
  expect(bars).toEqual(expected);
  await expect(page.locator('.ww-lan-chart')).toHaveAttribute('data-total', String(json.frames.length));
  expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThanOrEqual(20_000);
  console.log(`huge storm run: ${json.frames_per_tick.length} ticks in ${bars.length} bars, on screen after ${elapsed} ms`);
  await page.keyboard.press('End');
  await expect(page.locator('.ww-lan-bar.is-now')).toHaveCount(1);
});

test('a run that only stopped on the time cap gets no storm verdict', async ({ page }) => {
  const { json } = nativeTrace('storm', { loss: 'arp_request' });
  expect(json.capped).toBe(true);
  expect(json.frames.length).toBe(1);
  await open(page, '#/lan?lang=en&view=storm&loss=arp_request');
  await expect(page.locator('[data-verdict="no-storm"]')).toBeVisible();
  await expect(page.locator('[data-verdict="storm"]')).toHaveCount(0);
  await page.keyboard.press('End');
  await expect(page.locator('.ww-narration')).toContainText('No storm this time');
  await open(page, '#/lan?lang=zh&view=storm&loss=arp_request&storm.pulled=true');
  await expect(page.locator('.ww-lan-chart-other')).toContainText('没有广\u2060播进入环路'); // 广播 held together by a word joiner
});

for (const transport of ['tcp', 'udp']) {
  test(`the router hop diff (${transport}) shows exactly the MACs, TTL and IP checksum changing`, async ({ page }) => {
    const sets = transport === 'udp' ? { 'router.udp': 'true' } : {};
    const { json } = nativeTrace('router', sets);
    await open(page, `#/lan?lang=en&view=router${transport === 'udp' ? '&router.udp=true' : ''}`);
    await expect(page.locator('#lan-transport')).toHaveValue(transport);
    const diff = page.locator('.ww-lan-diff');
    const before = json.frames[Number(await diff.getAttribute('data-before'))];
    const after = json.frames[Number(await diff.getAttribute('data-after'))];
    expect([before.from, before.to, after.from, after.to]).toEqual(['client', 'router', 'router', 'server']);
    const changed = await page.locator('.ww-lan-diff tr.is-changed').evaluateAll((trs) => trs.map((t) => t.dataset.field));
    expect(changed).toEqual(['eth.dst', 'eth.src', 'ip.ttl', 'ip.checksum']);
    // Against the engine's annotated fields: these four differ, every other top-level field is equal.
    const top = (f) => Object.fromEntries(f.layers.filter((l) => l.id !== 'data').flatMap((l) => l.fields.map((x) => [x.id, x.show])));
    const [a, b] = [top(before), top(after)];
    for (const id of Object.keys(a)) {
      if (changed.includes(id)) expect(a[id], id).not.toEqual(b[id]);
      else if (!id.endsWith('.seq') && !id.endsWith('.ack') && !id.startsWith('tcp.analysis')) expect(a[id], id).toEqual(b[id]);
    }
    await expect(page.locator('tr[data-field="ip.ttl"] td').nth(0)).toHaveText('64');
    await expect(page.locator('tr[data-field="ip.ttl"] td').nth(1)).toHaveText('63');
    await expect(page.locator('tr[data-field="ip.checksum"] td').nth(1)).toHaveText(b['ip.checksum']);
    await expect(page.locator('tr[data-field="ip.src"]')).not.toHaveClass(/is-changed/);
    // The router's ARP on each side, and the client's MAC never on the server's LAN.
    const arpOn = (link) => json.frames.filter((f) => f.link === link && f.summary?.protocol === 'ARP').length;
    await expect(page.locator('.ww-lan-arp-side[data-link="0"] li')).toHaveCount(arpOn(0));
    await expect(page.locator('.ww-lan-arp-side[data-link="1"] li')).toHaveCount(arpOn(1));
    expect(arpOn(0)).toBe(2);
    expect(arpOn(1)).toBe(2);
    expect(json.frames.some((f) => f.link === 1 && [f.summary.src_mac, f.summary.dst_mac].includes('02:00:00:00:00:0a'))).toBe(false);
    await expect(page.locator('[data-verdict="no-cross"]')).toHaveClass(/is-good/);
  });
}

test('switching to UDP across the router is a URL parameter and a fresh trace', async ({ page }) => {
  await open(page, '#/lan?lang=en&view=router');
  await page.locator('#lan-transport').selectOption('udp');
  await expect(page).toHaveURL(/router\.udp=true/);
  const { json } = nativeTrace('router', { 'router.udp': 'true' });
  await page.keyboard.press('End');
  await expect(stepCount(page)).toContainText(`step ${json.events.length} of ${json.events.length}`);
  await page.locator('.ww-lan-tab[data-view="switch"]').click();
  await expect(page).not.toHaveURL(/router\.udp/);
  await expect(page.locator('.ww-lan')).toHaveAttribute('data-view', 'switch');
});

test.describe('screenshots', () => {
  for (const [w, h] of [[1280, 800], [390, 844]]) {
    for (const lang of ['zh', 'en']) {
      test(`${w}x${h} ${lang}`, async ({ page }) => {
        await page.setViewportSize({ width: w, height: h });
        const shots = [
          ['switch', `#/lan?lang=${lang}&step=14`],
          ['storm', `#/lan?lang=${lang}&view=storm&step=60`],
          ['pulled', `#/lan?lang=${lang}&view=storm&storm.pulled=true&step=12`],
          ['router', `#/lan?lang=${lang}&view=router&step=16`],
        ];
        for (const [name, route] of shots) {
          await open(page, route);
          await expect(page.locator('#scene-title')).toBeVisible();
          expect(await overflowsSideways(page), `${name} overflows`).toBe(false);
          await page.screenshot({ path: `e2e/artifacts/screens/lan-${name}-${lang}-${w}x${h}.png`, fullPage: true, animations: 'disabled' });
        }
      });
    }
  }
});

// Review of issue 16: the storm view's two MAC tables (one per switch) sized their columns
// each by its own content (an empty table, a one-row and a two-row table), so their columns
// did not line up. Both tables have the same columns: each header cell at the same place
// and width in both, at several steps, on a desktop and the projector, in zh and en.
test('the two switches\' MAC tables have the same columns (desktop, projector; zh, en)', async ({ page }) => {
  const problems = [];
  for (const [w, h, theme] of [[1280, 800, ''], [1024, 768, '&theme=projector']]) {
    await page.setViewportSize({ width: w, height: h });
    for (const lang of ['zh', 'en']) {
      for (const step of [1, 12, 40]) {
        await open(page, `#/lan?view=storm&lang=${lang}&step=${step}${theme}`);
        const cols = await page.locator('.ww-lan-table').evaluateAll((ts) => ts.map((t) => {
          const left = t.querySelector('table').getBoundingClientRect().left;
          return [...t.querySelectorAll('thead th')].map((c) => {
            const r = c.getBoundingClientRect();
            return [Math.round(r.left - left), Math.round(r.width)];
          });
        }));
        if (cols.length !== 2) problems.push(`${w}×${h} ${lang} step ${step}: ${cols.length} tables`);
        else if (cols[0].length !== cols[1].length || cols[0].some(([l, cw], i) => Math.abs(l - cols[1][i][0]) > 1 || Math.abs(cw - cols[1][i][1]) > 1)) problems.push(`${w}×${h} ${lang} step ${step}: ${JSON.stringify(cols)}`);
      }
    }
  }
  expect(problems).toEqual([]);
});
