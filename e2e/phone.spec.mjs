// Phones (issue 16): at 390×844, in zh and en, every scene fits the width, and every
// text in every drawing renders at least 13 px tall (about 12 px type).
import fs from 'node:fs';
import { test, expect, open, overflowsSideways } from './fixtures.mjs';

const SHOTS = 'e2e/artifacts/screens';
const PHONE = { width: 390, height: 844 };

// Every scene, and the views of a scene that draw something else (LAN views, TCP
// variants with loss notes and long labels).
const ROUTES = [
  'architecture', 'layers', 'encapsulation', 'addresses',
  'lan', 'lan?view=storm', 'lan?view=router',
  'tcp', 'tcp?variant=tcp_loss_twice&step=1000', 'tcp?variant=udp&step=1000',
];

/** Text boxes in drawings (SVG) shorter than `min` px: [{ drawing, text, height }]. */
async function smallDrawingText(page, min = 13) {
  return page.evaluate((min) => [...document.querySelectorAll('main svg text')]
    .map((t) => ({ drawing: t.closest('svg').getAttribute('class') ?? '', text: t.textContent.slice(0, 24), height: t.getBoundingClientRect().height }))
    .filter((b) => b.height > 0 && b.height < min), min);
}

test.describe('phone', () => {
  test.use({ viewport: PHONE });
  for (const lang of ['zh', 'en']) {
    for (const route of ROUTES) {
      const sep = route.includes('?') ? '&' : '?';
      test(`${route} in ${lang}: no sideways scroll, drawing text at least 13 px`, async ({ page }) => {
        await open(page, `#/${route}${sep}lang=${lang}`);
        expect(await overflowsSideways(page), 'page scrolls sideways').toBe(false);
        // Scenes with drawings really draw them (a test of sizes over no text would pass).
        if (!/^(layers|encapsulation)/.test(route)) expect(await page.locator('main svg text').count()).toBeGreaterThan(0);
        expect(await smallDrawingText(page)).toEqual([]);
        fs.mkdirSync(SHOTS, { recursive: true });
        const name = route.replace(/[?&=]/g, '-');
        await page.screenshot({ path: `${SHOTS}/phone-${name}-${lang}-390x844.png`, fullPage: true, animations: 'disabled' });
      });
    }
  }

  test('a phone-sized window is told to tap, not to press keys, even with no touch reported (zh and en)', async ({ page }) => {
    for (const [lang, touch, keys, hexTap, hexKeys] of [['zh', '左右滑动', '空格键', '点一个字节', '方向键'], ['en', 'Swipe left or right', 'Space', 'Tap a byte', 'arrow keys']]) {
      await open(page, `#/tcp?lang=${lang}&step=0`);
      await expect(page.locator('.ww-narration')).toContainText(touch);
      expect(await page.locator('.ww-narration').innerText()).not.toContain(keys);
      await open(page, `#/lan?lang=${lang}&step=14`);
      await expect(page.locator('.ww-hex-help')).toContainText(hexTap);
      expect(await page.locator('.ww-hex-help').innerText()).not.toContain(hexKeys);
    }
  });

  test('the ladder takes the narrow layout: lifelines near the edges, long labels on two lines', async ({ page }) => {
    await open(page, '#/tcp?lang=zh&step=1000');
    const svg = page.locator('svg.ww-ladder');
    await expect(svg).toHaveClass(/is-narrow/);
    expect(await svg.getAttribute('viewBox')).toMatch(/^0 0 360 /);
    // The ARP request label is too wide for one line: two lines, both inside the drawing.
    const arp = page.locator('.ww-arrow[data-role="arp_request"] .ww-arrow-label');
    await expect(arp.locator('tspan')).toHaveCount(1);
    const box = await svg.boundingBox();
    const label = await arp.boundingBox();
    expect(label.x).toBeGreaterThanOrEqual(box.x);
    expect(label.x + label.width).toBeLessThanOrEqual(box.x + box.width);
    // Desktop keeps the wide layout.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(svg).not.toHaveClass(/is-narrow/);
    expect(await svg.getAttribute('viewBox')).toMatch(/^0 0 600 /);
  });
});

/** A one-finger swipe from (x0, y) by dx px, as the touch screen reports it. */
async function swipe(page, x0, y, dx) {
  const cdp = await page.context().newCDPSession(page);
  const at = (x) => [{ x, y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(x0) });
  for (let k = 1; k <= 5; k++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(x0 + (dx * k) / 5) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

test.describe('touch screen', () => {
  test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

  test('a left/right swipe on the drawing steps the player, within its range', async ({ page }) => {
    /** The middle of the ladder, checked to be on the swipeable drawing (else a swipe
     *  that changes nothing would pass for the clamp). */
    const middle = async () => {
      const b = await page.locator('.ww-tcp-ladder svg.ww-ladder').boundingBox();
      const y = Math.min(b.y + b.height / 2, PHONE.height - 20);
      expect(b.y).toBeLessThan(y);
      expect(await page.evaluate(([x, y]) => !!document.elementFromPoint(x, y)?.closest('[data-swipe]'), [195, y])).toBe(true);
      return y;
    };
    await open(page, '#/tcp?lang=en&step=3');
    await page.locator('.ww-tcp-ladder').scrollIntoViewIfNeeded();
    const y = await middle();
    await swipe(page, 300, y, -160);
    await expect(page).toHaveURL(/step=4\b/);
    await swipe(page, 80, y, 160);
    await swipe(page, 80, y, 160);
    await expect(page).toHaveURL(/step=2\b/);
    // A short drag or a vertical one is not a swipe.
    await swipe(page, 200, y, -20);
    await page.waitForTimeout(200);
    await expect(page).toHaveURL(/step=2\b/);
    // At the first step of an embed's range a swipe back stays there (the player's clamp),
    // and at its last a swipe on stays there.
    await open(page, '#/tcp?lang=en&embed=1&from=5&to=7&step=5');
    const ey = await middle();
    await swipe(page, 80, ey, 160);
    await page.waitForTimeout(200);
    await expect(page).toHaveURL(/step=5\b/);
    await swipe(page, 300, ey, -160);
    await expect(page).toHaveURL(/step=6\b/);
    await swipe(page, 300, ey, -160);
    await expect(page).toHaveURL(/step=7\b/);
    await swipe(page, 300, ey, -160);
    await page.waitForTimeout(200);
    await expect(page).toHaveURL(/step=7\b/);
    await expect(page.locator('.ww-step-count')).toContainText(/^step 7 of/);
  });

  test('touch screens are told to tap and swipe, not to press keys (zh and en)', async ({ page }) => {
    for (const [lang, touch, keys] of [['zh', '左右滑动', '空格键'], ['en', 'Swipe left or right', 'Space']]) {
      await open(page, `#/tcp?lang=${lang}&step=0`);
      await expect(page.locator('.ww-narration')).toContainText(touch);
      expect(await page.locator('.ww-narration').innerText()).not.toContain(keys);
    }
    await open(page, '#/encapsulation?lang=zh');
    expect(await page.locator('.ww-hex-help').innerText()).not.toContain('方向键');
    await expect(page.locator('.ww-hex-help')).toContainText('点一个字节');
  });

  test('buttons and tabs are touch targets of at least 44 px', async ({ page }) => {
    for (const s of ['architecture', 'layers', 'encapsulation', 'lan', 'tcp', 'addresses']) {
      await open(page, `#/${s}?lang=zh`);
      const small = await page.evaluate(() => [...document.querySelectorAll('button, [role=tab], .ww-nav-link, select')]
        .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
        .map((e) => ({ what: `${e.tagName}.${e.className} ${e.textContent.trim().slice(0, 12)}`, h: e.getBoundingClientRect().height }))
        .filter((b) => b.h < 44));
      expect(small, s).toEqual([]);
    }
  });
});

test('a desktop with a mouse keeps the key hints', async ({ page }) => {
  await open(page, '#/tcp?lang=zh&step=0');
  await expect(page.locator('.ww-narration')).toContainText('空格键');
  expect(await page.locator('.ww-narration').innerText()).not.toContain('滑动');
});

test.describe('visual defects (issue 16)', () => {
  test('an invalid IPv4 greys out the forms, bits and facts that still show the last valid one', async ({ page }) => {
    for (const [lang, note] of [['zh', '上一个有效地址'], ['en', 'last valid one']]) {
      await open(page, `#/addresses?lang=${lang}`);
      const card = page.locator('.ww-addr-ip');
      await expect(card).toHaveAttribute('data-stale', 'false');
      await page.locator('#addr-ip-dotted').fill('256.1.1.1');
      await expect(card).toHaveAttribute('data-stale', 'true');
      await expect(page.locator('.ww-addr-stale')).toContainText(note);
      expect(Number(await page.locator('.ww-octets').evaluate((e) => getComputedStyle(e).opacity))).toBeLessThan(0.6);
      expect(Number(await page.locator('#addr-ip-binary').evaluate((e) => getComputedStyle(e).opacity))).toBeLessThan(0.6);
      await page.locator('#addr-ip-dotted').fill('10.0.0.1');
      await expect(card).toHaveAttribute('data-stale', 'false');
      expect(Number(await page.locator('.ww-octets').evaluate((e) => getComputedStyle(e).opacity))).toBe(1);
    }
  });

  test('code lines wrap inside the pane instead of running off it (phone and desktop)', async ({ page }) => {
    for (const size of [PHONE, { width: 1280, height: 800 }]) {
      await page.setViewportSize(size);
      await open(page, '#/tcp?lang=en&step=10');
      const cut = await page.locator('.ww-code-body').evaluateAll((ps) => ps.filter((p) => p.scrollWidth > p.clientWidth + 1).length);
      expect(cut, `${size.width}px`).toBe(0);
      // The longest line is really there and whole: socket.socket(socket.AF_INET, socket.SOCK_STREAM)
      await expect(page.locator('.ww-code-line', { hasText: 'socket.SOCK_STREAM)' }).first()).toBeVisible();
    }
  });

  test('phones: hex rows of 8 bytes that fit, every scene tab visible and whole', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await open(page, '#/tcp?lang=zh&step=20');
    const widths = await page.locator('.ww-hex-bytes').evaluateAll((rs) => rs.map((r) => r.children.length));
    expect(Math.max(...widths)).toBe(8);
    expect(await page.locator('.ww-hex').evaluate((h) => h.scrollWidth <= h.clientWidth + 1)).toBe(true);
    for (const s of ['lan', 'tcp', 'addresses']) {
      await open(page, `#/${s}?lang=zh`);
      const tabs = await page.locator('.ww-nav-link').evaluateAll((as) => as.map((a) => {
        const b = a.getBoundingClientRect();
        return { left: b.left, right: b.right, cut: a.scrollWidth > a.clientWidth + 1 };
      }));
      for (const t of tabs) {
        expect(t.left).toBeGreaterThanOrEqual(0);
        expect(t.right).toBeLessThanOrEqual(390);
        expect(t.cut).toBe(false);
      }
    }
  });

  test('the storm chart rescales to the quiet run once the cable is pulled', async ({ page }) => {
    await open(page, '#/lan?lang=zh&view=storm&storm.pulled=true&step=1000');
    await expect(page.locator('.ww-lan-chart')).toHaveAttribute('data-max', '1');
    // The tallest bar reaches the top of the axis.
    const tallest = await page.locator('.ww-lan-bar').evaluateAll((bs) => Math.max(...bs.map((b) => b.getBBox().height)));
    expect(tallest).toBeGreaterThan(100);
  });
});

test.describe('visual defects, desktop (issue 16)', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the hex dump shows all 16 text characters; the field tree shows TCP without scrolling inside it', async ({ page }) => {
    await open(page, '#/tcp?lang=zh&step=20');
    const hex = page.locator('.ww-hex');
    expect(await hex.evaluate((h) => h.scrollWidth <= h.clientWidth + 1)).toBe(true);
    const full = await page.locator('.ww-hex-bytes').evaluateAll((rs) => rs.map((r) => r.children.length));
    expect(full[0]).toBe(16);
    const tree = page.locator('.ww-tree');
    expect(await tree.evaluate((t) => t.scrollHeight <= t.clientHeight + 1)).toBe(true);
    await expect(tree.locator('[data-field="tcp.srcport"], .ww-field-id', { hasText: 'tcp.srcport' }).first()).toBeVisible();
  });

  test('the TCP variant dropdown is wide enough for its longest option', async ({ page }) => {
    await open(page, '#/tcp?lang=zh');
    const fits = await page.locator('#tcp-variant').evaluate((sel) => {
      const c = document.createElement('canvas').getContext('2d');
      c.font = getComputedStyle(sel).font;
      const widest = Math.max(...[...sel.options].map((o) => c.measureText(o.text).width));
      return { widest, width: sel.clientWidth };
    });
    expect(fits.widest + 24).toBeLessThanOrEqual(fits.width);
  });

  test('the layers title follows the model, and no cell looks selected by default', async ({ page }) => {
    await open(page, '#/layers?lang=zh&model=4');
    await expect(page.locator('#scene-title')).toContainText('四层');
    await open(page, '#/layers?lang=en&model=5');
    await expect(page.locator('#scene-title')).toContainText('TCP/IP 5');
    const shadows = await page.locator('.ww-layer-cell').evaluateAll((cs) => cs.filter((c) => getComputedStyle(c).boxShadow !== 'none').length);
    expect(shadows).toBe(0);
  });
});

test('phones: addresses stay whole and the 4-tuple table fits (zh and en)', async ({ page }) => {
  await page.setViewportSize(PHONE);
  for (const lang of ['zh', 'en']) {
    await open(page, `#/addresses?lang=${lang}`);
    const wrap = page.locator('.ww-addr-tuple .ww-table-wrap');
    expect(await wrap.evaluate((w) => w.scrollWidth <= w.clientWidth + 1), lang).toBe(true);
    // Every value cell is one line.
    const lines = await page.locator('.ww-tuple-table td.ww-mono').evaluateAll((cs) => cs.map((c) => c.getClientRects().length));
    expect(Math.max(...lines)).toBe(1);
    await open(page, `#/lan?lang=${lang}&step=1000`);
    const macs = await page.locator('.ww-lan-table td.ww-mono').evaluateAll((cs) => cs.map((c) => c.firstChild ? (() => { const r = document.createRange(); r.selectNodeContents(c); return r.getClientRects().length; })() : 1));
    expect(macs.length).toBeGreaterThan(0);
    expect(Math.max(...macs)).toBe(1);
    // The router's hop diff: field names whole, a MAC broken only after a colon (a phone
    // showed "tcp.srcp/ort" and "02:00:00:00:/01:01"), and the table fits.
    await open(page, `#/lan?lang=${lang}&view=router&step=16`);
    const diff = page.locator('.ww-lan-diff-wrap').first();
    expect(await diff.evaluate((w) => w.scrollWidth <= w.clientWidth + 1), `${lang} diff fits`).toBe(true);
    const broken = await page.locator('.ww-lan-diff tbody :is(th, td)').evaluateAll((cells) => cells.flatMap((c) => {
      const chars = [];
      const walker = document.createTreeWalker(c, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (let i = 0; i < n.textContent.length; i++) {
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + 1);
          const rect = r.getClientRects()[0];
          if (rect) chars.push({ c: n.textContent[i], top: Math.round(rect.top) });
        }
      }
      return chars.some((ch, i) => i > 0 && ch.top > chars[i - 1].top + 2 && chars[i - 1].c !== ':') ? [c.textContent] : [];
    }));
    expect(broken, lang).toEqual([]);
    // On a phone each field is a card: each value under its hop's name, a MAC on one line
    // (longer byte strings, like the TCP options, still break only after a colon: above).
    const values = await page.locator('.ww-lan-diff tbody td').evaluateAll((cs) => cs.filter((c) => c.offsetParent).map((c) => {
      const r = document.createRange();
      r.selectNodeContents(c);
      const tops = new Set([...r.getClientRects()].map((x) => Math.round(x.top)));
      return { text: c.textContent, lines: tops.size, label: getComputedStyle(c, '::before').content };
    }));
    const diffMacs = values.filter((v) => /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/.test(v.text));
    expect(diffMacs.length, lang).toBe(4);
    for (const v of diffMacs) expect(v.lines, `${lang} ${v.text}`).toBe(1);
    for (const v of values) expect(v.label, lang).not.toBe('none');
  }
});
