// The encapsulation scene against the native engine: every input recomputes the real
// frame (hex equal to the engine's), bad input shows the engine's message and keeps the
// last good frame, the player walks down and up the stacks, and the inspector lights
// fields, bytes and checksum coverage both ways.
import { test, expect, open, overflowsSideways, nextStep } from './fixtures.mjs';
import { nativeTrace } from './engine.mjs';
import { brokenTokens, ZH_TERMS } from './geometry.mjs';
import { goSameScene } from './hashnav.mjs';

const dataFrame = (json) => json.frames.find((f) => f.from === 'client' && (f.role === 'data' || f.role === 'udp'));
const hexOf = async (page) => (await page.locator('.ww-enc-inspector .ww-byte').allTextContents()).join('');

test('the frame shown is the engine\'s first data frame', async ({ page }) => {
  await open(page, '#/encapsulation?lang=en');
  expect(await hexOf(page)).toBe(dataFrame(nativeTrace('tcp').json).hex);
  await expect(page.locator('.ww-enc-inspector .ww-check.is-ok')).toHaveCount(2);
});

const EDITS = [
  ['#enc-client-payload', 'client.payload', '你好 socket'],
  ['#enc-client-port', 'client.port', '50001'],
  ['#enc-server-port', 'server.port', '27017'],
  ['#enc-client-ip', 'client.ip', '192.168.1.77'],
  ['#enc-server-ip', 'server.ip', '192.168.1.99'],
  ['#enc-client-mac', 'client.mac', '00:1b:21:aa:bb:cc'],
  ['#enc-server-mac', 'server.mac', '02:00:00:00:00:99'],
];

for (const proto of ['tcp', 'udp']) {
  test(`${proto}: each input changes the bytes and checksums exactly as the engine does`, async ({ page }) => {
    await open(page, `#/encapsulation?lang=en&proto=${proto}`);
    const sets = {};
    let before = await hexOf(page);
    expect(before).toBe(dataFrame(nativeTrace(proto).json).hex);
    for (const [sel, key, value] of EDITS) {
      await page.locator(sel).fill(value);
      sets[key] = value;
      const want = dataFrame(nativeTrace(proto, sets).json);
      await expect.poll(() => hexOf(page)).toBe(want.hex);
      expect(want.hex).not.toBe(before);
      before = want.hex;
      await expect(page.locator('.ww-enc-inspector .ww-check.is-ok')).toHaveCount(2);
      const cs = want.layers.find((l) => l.id === proto).fields.find((f) => f.id === `${proto}.checksum`).show;
      await expect(page.locator(`.ww-field[data-field="${proto}.checksum"] > .ww-field-row .ww-field-show`)).toHaveText(cs);
    }
    // A quick pick sets the destination port (Redis 6379).
    await page.locator('#enc-port-pick').selectOption('6379');
    await expect(page.locator('#enc-server-port')).toHaveValue('6379');
    sets['server.port'] = '6379';
    await expect.poll(() => hexOf(page)).toBe(dataFrame(nativeTrace(proto, sets).json).hex);
    await expect.poll(() => new URL(page.url()).hash).toContain('server.port=6379');
  });
}

test('bad input shows the engine\'s message beside the field and keeps the last good frame', async ({ page }) => {
  await open(page, '#/encapsulation?lang=en');
  const good = await hexOf(page);
  const cases = [
    ['#enc-client-ip', '192.168.1.256', '256'],
    ['#enc-server-port', '70000', '70000'],
    ['#enc-client-mac', '02:00:00:00:0a', 'MAC'],
    ['#enc-client-payload', '', ''],
  ];
  for (const [sel, value, text] of cases) {
    await page.locator(sel).fill(value);
    const err = page.locator(`${sel}-error`);
    await expect(err).toBeVisible();
    if (text) await expect(err).toContainText(text);
    await expect(page.locator(sel)).toHaveAttribute('aria-invalid', 'true');
    expect(await hexOf(page)).toBe(good);
  }
  // Chinese messages too.
  await open(page, '#/encapsulation?lang=zh&server.port=99999');
  await page.reload();
  await page.locator('main[data-ready="true"]').waitFor();
  await expect(page.locator('#enc-server-port-error')).toContainText('99999');
});

test('the player goes down the sender\'s stack to bits and up the receiver\'s', async ({ page }) => {
  const { json } = nativeTrace('tcp');
  const frame = dataFrame(json);
  await open(page, '#/encapsulation?lang=en');
  const enc = page.locator('.ww-enc');
  const want = [
    ['sender', 'app', ['data']], ['sender', 'transport', ['tcp', 'data']], ['sender', 'net', ['ip', 'tcp', 'data']],
    ['sender', 'link', ['eth', 'ip', 'tcp', 'data', 'padding', 'fcs']], ['sender', 'phy', null],
    ['receiver', 'phy', null], ['receiver', 'link', ['eth', 'ip', 'tcp', 'data', 'padding', 'fcs']],
    ['receiver', 'net', ['ip', 'tcp', 'data']], ['receiver', 'transport', ['tcp', 'data']], ['receiver', 'app', ['data']],
  ];
  for (let step = 0; step < want.length; step++) {
    if (step > 0) await page.keyboard.press('ArrowRight');
    const [side, level, blocks] = want[step];
    await expect(enc).toHaveAttribute('data-side', side);
    await expect(enc).toHaveAttribute('data-level', level);
    if (blocks) {
      expect(await page.locator('.ww-enc-block').evaluateAll((els) => els.map((e) => e.dataset.block))).toEqual(blocks);
    } else {
      // Preamble 7 + SFD 1 + frame padded to 60 + FCS 4.
      await expect(page.locator('.ww-bits-byte')).toHaveCount(8 + Math.max(60, frame.len) + 4);
    }
  }
  const narration = page.locator('.ww-enc-narration');
  await expect(narration).toContainText("b'hello'");
  // Each step back is checked by its level as well as its words.
  for (const [level, text] of [['transport', String(frame.summary.dst_port)], ['net', frame.summary.dst_ip], ['link', frame.summary.dst_mac]]) {
    await page.keyboard.press('ArrowLeft');
    await expect(enc).toHaveAttribute('data-level', level);
    await expect(narration).toContainText(text);
  }
  await expect(enc).toHaveAttribute('data-side', 'receiver');
  // The hash is written by an effect after the render, so it is polled, not read once.
  await expect.poll(() => new URL(page.url()).hash).toMatch(/[?&]step=6(&|$)/);
  // A layer button jumps to its step.
  await page.locator('.ww-enc-stack.is-sender .ww-enc-layer-btn[data-step="1"]').click();
  await expect(enc).toHaveAttribute('data-level', 'transport');
});

test('a deep link and an embed reproduce the screen', async ({ page }) => {
  await open(page, '#/encapsulation?proto=udp&server.port=5000&step=7&lang=en');
  await expect(page.locator('.ww-enc')).toHaveAttribute('data-proto', 'udp');
  await expect(page.locator('.ww-enc')).toHaveAttribute('data-level', 'net');
  await expect(page.locator('#enc-proto-udp')).toBeChecked();
  await expect(page.locator('#enc-server-port')).toHaveValue('5000');
  expect(await hexOf(page)).toBe(dataFrame(nativeTrace('udp', { 'server.port': '5000' }).json).hex);
  await open(page, '#/encapsulation?proto=udp&server.port=5000&step=7&lang=en&embed=1');
  await expect(page.locator('.ww-enc-controls')).toHaveCount(0);
  await expect(page.locator('.ww-enc')).toHaveAttribute('data-level', 'net');
  expect(await hexOf(page)).toBe(dataFrame(nativeTrace('udp', { 'server.port': '5000' }).json).hex);
});

test('the inspector lights both ways, shows checksum coverage, bits, MAC and IPv4 parts, and is a keyboard tree', async ({ page }) => {
  const frame = dataFrame(nativeTrace('tcp').json);
  await open(page, '#/encapsulation?lang=en&step=3');
  const ins = page.locator('.ww-enc-inspector');
  await ins.locator('.ww-field[data-field="ip.src"] > .ww-field-row').hover();
  await expect(ins.locator('.ww-byte.is-lit')).toHaveCount(4);
  await ins.locator('.ww-byte[data-offset="36"]').hover();
  await expect(ins.locator('.ww-field.is-lit')).toHaveAttribute('data-field', 'tcp.dstport');
  // TCP checksum: the pseudo-header's addresses + the whole segment.
  await ins.locator('.ww-field[data-field="tcp.checksum"] .ww-cover-btn').hover();
  await expect(ins.locator('.ww-byte.is-cover')).toHaveCount(8 + frame.len - 34);
  await expect(ins.locator('.ww-field[data-field="tcp.checksum"] .ww-sum')).toHaveClass(/is-ok/);
  await expect(ins.locator('.ww-field[data-field="tcp.checksum"] .ww-pseudo')).toContainText('192.168.1.10');
  await ins.locator('.ww-field[data-field="ip.checksum"] .ww-cover-btn').hover();
  await expect(ins.locator('.ww-byte.is-cover')).toHaveCount(20);
  // Bits, MAC and IPv4 explanations.
  await expect(ins.locator('.ww-field[data-field="ip.hdr_len"] .ww-bitpat').first()).toHaveAttribute('aria-label', /\.\.\.\.0101/);
  await expect(ins.locator('.ww-field[data-field="eth.dst"] > .ww-field-row .ww-mac-part.is-oui')).toContainText('02:00:00');
  await expect(ins.locator('.ww-field[data-field="eth.dst"] > .ww-field-row [data-bit="lg"]')).toContainText('locally administered');
  await expect(ins.locator('.ww-field[data-field="ip.dst"] .ww-ipbin')).toContainText('11000000.10101000.00000001.00010100');
  // Keyboard: one tab stop in the tree; arrows move, ← closes. The mouse leaves the inspector first:
  // a pointer resting over the sticky hex dump lights the byte under it when focus scrolls the page.
  await page.mouse.move(0, 0);
  const tree = ins.locator('[role="tree"]');
  await expect(tree.locator('[role="treeitem"][tabindex="0"]')).toHaveCount(1);
  await tree.locator('[role="treeitem"][tabindex="0"]').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(':focus')).toHaveAttribute('data-field', 'eth.dst');
  await expect(ins.locator('.ww-byte.is-lit')).toHaveCount(6);
  // eth.dst is open (its I/G and U/L bits): ← closes it, the next ← goes to its layer.
  await page.keyboard.press('ArrowLeft');
  await expect(tree.locator('[data-field="eth.dst"]')).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator(':focus')).toHaveAttribute('data-key', 'L:eth');
  await page.keyboard.press('ArrowLeft');
  await expect(tree.locator('[data-key="L:eth"]')).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(':focus')).toHaveAttribute('data-key', 'L:ip');
  // Bytes are reachable: the hex pane moves a cursor and lights its field.
  await ins.locator('.ww-hex').focus();
  await page.keyboard.press('Home');
  await expect(ins.locator('.ww-hex-status')).toContainText('eth.dst');
  for (let i = 0; i < 23; i++) await page.keyboard.press('ArrowRight');
  await expect(ins.locator('.ww-field.is-lit')).toHaveAttribute('data-field', 'ip.proto');
});

test.describe('screenshots', () => {
  for (const [w, h] of [[1280, 800], [390, 844]]) {
    for (const lang of ['zh', 'en']) {
      test(`${w}x${h} ${lang}`, async ({ page }) => {
        await page.setViewportSize({ width: w, height: h });
        // The first step a fresh load, the others by the hash: measured at both sizes in zh
        // and en, byte-identical full-page screenshots to a fresh load's.
        for (const step of [1, 3, 4, 8]) {
          const route = `#/encapsulation?lang=${lang}&step=${step}`;
          if (step === 1) await open(page, route);
          else await goSameScene(page, route);
          expect(await overflowsSideways(page), `step ${step} overflows at ${w}px`).toBe(false);
          await page.screenshot({ path: `e2e/artifacts/screens/encapsulation-${step}-${lang}-${w}x${h}.png`, fullPage: true, animations: 'disabled' });
        }
      });
    }
  }
});

test('beside the long field tree the hex dump stays in view while the tree scrolls (desktop)', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, '#/encapsulation?lang=zh');
  const ins = page.locator('.ww-enc-inspector');
  const field = ins.locator('.ww-field[data-field="tcp.checksum"] > .ww-field-row');
  await field.scrollIntoViewIfNeeded();
  const f = await field.boundingBox();
  expect(f.y).toBeGreaterThan(0);
  const hex = await ins.locator('.ww-hex').boundingBox();
  // The tree is far taller than the window; the dump is on screen beside its TCP fields.
  expect(hex.y).toBeGreaterThanOrEqual(0);
  expect(hex.y + hex.height).toBeLessThanOrEqual(800);
});

// Issue 16: values in the PDU blocks never break in the middle ("192.168.1.1/0",
// "02:00:00:00/:00:0a") and a block's tag stays on one line, on a phone, at the
// projector's 1024×768 and in a 960×540 slide-sized embed.
test('the PDU blocks keep every address and tag whole', async ({ page }) => {
  const found = [];
  for (const [w, h, q] of [[390, 844, ''], [1024, 768, '&theme=projector'], [960, 540, '&embed=1&theme=projector']]) {
    await page.setViewportSize({ width: w, height: h });
    for (const lang of ['zh', 'en']) {
      await open(page, `#/encapsulation?lang=${lang}&step=6${q}`);
      expect(await page.locator('.ww-enc-block-detail').count()).toBeGreaterThan(2);
      const broken = await page.evaluate(() => {
        const out = [];
        for (const el of document.querySelectorAll('.ww-enc-block-detail, .ww-enc-tag')) {
          const text = el.firstChild;
          if (!text || text.nodeType !== 3) continue;
          // Each word (between spaces) is on one line: all its characters share a top.
          const re = /\S+/g;
          for (let m = re.exec(text.textContent); m; m = re.exec(text.textContent)) {
            const tops = new Set();
            for (let i = m.index; i < m.index + m[0].length; i++) {
              const r = document.createRange();
              r.setStart(text, i);
              r.setEnd(text, i + 1);
              const b = r.getClientRects()[0];
              if (b && b.width > 0) tops.add(Math.round(b.top));
            }
            if (tops.size > 1) out.push(m[0]);
          }
        }
        return out;
      });
      for (const b of broken) found.push(`${w}×${h} ${lang}: ${b}`);
      expect(await overflowsSideways(page)).toBe(false);
    }
  }
  expect(found).toEqual([]);
});

test('the signal sketch colours each part as the legend and the byte grid do', async ({ page }) => {
  // Step 4: the sender's physical layer (the bit strip). The SFD was once drawn in the
  // FCS's colour while the legend and the grid show it in the preamble's.
  await open(page, '#/encapsulation?lang=en&step=4');
  await expect(page.locator('.ww-signal-seg.seg-sfd')).toBeVisible();
  const colours = await page.evaluate(() => {
    const fill = (sel) => { const e = document.querySelector(sel); return e && getComputedStyle(e).fill; };
    const swatch = (id) => { const e = document.querySelector(`.ww-bits-legend-item.seg-${id} .ww-swatch`); return e && getComputedStyle(e).backgroundColor; };
    const grid = (id) => { const e = document.querySelector(`.ww-bits-byte.seg-${id}`); return e && getComputedStyle(e).borderBottomColor; };
    return ['preamble', 'sfd'].map((id) => ({ id, signal: fill(`.ww-signal-seg.seg-${id}`), legend: swatch(id), grid: grid(id) }));
  });
  for (const { id, signal, legend, grid } of colours) {
    expect(signal, `${id}: signal vs legend`).toBe(legend);
    expect(signal, `${id}: signal vs byte grid`).toBe(grid);
  }
  const sfd = colours.find((c) => c.id === 'sfd');
  const fcs = await page.locator('.ww-bits-legend-item.seg-fcs .ww-swatch').evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(sfd.signal).not.toBe(fcs);
});

// Review of issue 16: "Destination MAC (server's card)" (en) took two lines at 1280×800 and
// at the projector's 1024×768, so its input stood about 22 px lower than the inputs beside
// it. The inputs (and the port's select) of one row of the fields' grid share their top, in
// both languages, also with a field's error message under its input.
test('the fields\' inputs of one row stand at one height (desktop, projector; zh, en)', async ({ page }) => {
  const problems = [];
  for (const [w, h, theme] of [[1280, 800, 'light'], [1024, 768, 'projector']]) {
    for (const lang of ['zh', 'en']) {
      for (const bad of ['', '&server.mac=02:00']) {
        await page.setViewportSize({ width: w, height: h });
        await open(page, `#/encapsulation?lang=${lang}&theme=${theme}${bad}`);
        const cells = await page.locator('.ww-enc-controls > .ww-field-input').evaluateAll((els) => els.map((e) => ({
          label: e.querySelector('label').textContent.trim(),
          cell: Math.round(e.getBoundingClientRect().top),
          input: Math.round(e.querySelector('input, select').getBoundingClientRect().top),
        })));
        const rows = new Map();
        for (const c of cells) rows.set(c.cell, [...(rows.get(c.cell) ?? []), c]);
        for (const row of rows.values()) {
          const tops = row.map((c) => c.input);
          if (Math.max(...tops) - Math.min(...tops) > 1) problems.push(`${w}×${h} ${lang}${bad}: ${JSON.stringify(row.map((c) => [c.label, c.input]))}`);
        }
        if (cells.length < 6) problems.push(`${w}×${h} ${lang}: ${cells.length} fields`);
        if (bad && !(await page.locator('.ww-enc-controls .has-error .ww-field-error').count())) problems.push(`${w}×${h} ${lang}${bad}: no error shown`);
      }
    }
  }
  expect(problems).toEqual([]);
});

// Review of issue 16: at 1280×800 (en, step 3) "Padding" broke inside its narrow box
// ("Paddi/ng"): the block allowed breaks anywhere, so its min-content width was one letter.
// At every step, in zh and en, on a phone, a desktop and the projector, no word or value
// in the frame strip breaks inside (Chinese block names count as terms).
test('no word in the frame strip breaks inside, at any step (phone, desktop, projector; zh, en)', async ({ page }) => {
  test.slow(); // 9 steps × 6 pages
  const found = [];
  for (const [w, h, theme] of [[1280, 800, ''], [1024, 768, '&theme=projector'], [390, 844, '']]) {
    await page.setViewportSize({ width: w, height: h });
    for (const lang of ['zh', 'en']) {
      // One load per page, then the player's "next" (this is not about start-up).
      await open(page, `#/encapsulation?lang=${lang}&step=1${theme}`);
      for (let step = 1; step <= 9; step++) {
        if (step > 1) await nextStep(page, step);
        if (!(await page.locator('.ww-enc-pdu').count())) continue; // the bit strip
        const terms = [...ZH_TERMS, '以太网', '首部', '尾部', '填充', '数据', '字节'];
        for (const b of await brokenTokens(page, '.ww-enc-pdu', { terms })) found.push(`${w}×${h} ${lang} step ${step}: ${b.at}`);
      }
    }
  }
  expect(found).toEqual([]);
});
