// Phones (issue 16): at 390×844, in zh and en, every scene fits the width, and every
// text in every drawing renders at least 13 px tall (about 12 px type).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { test, expect, open, overflowsSideways, wholeLadder } from './fixtures.mjs';
import { nativeTrace } from './engine.mjs';
import { spills } from './geometry.mjs';

const SHOTS = 'e2e/artifacts/screens';
const PHONE = { width: 390, height: 844 };

// Every scene, and the views of a scene that draw something else (LAN views, TCP
// variants with loss notes and long labels).
const ROUTES = [
  'architecture', 'layers', 'encapsulation', 'addresses',
  'lan', 'lan?view=storm', 'lan?view=storm&step=1000', 'lan?view=router',
  'tcp', 'tcp?variant=tcp_loss_twice&step=1000', 'tcp?variant=udp&step=1000',
  // The TCP state diagram, the physical layer's signal, the 4-tuple table (HTML text
  // is measured too), and the predict embed, whose ladder was squeezed under its question.
  'tcp?step=14', 'encapsulation?step=4', 'addresses?lang=en',
  'predict-embed',
];

/** Text boxes in drawings (SVG), and in the tables that are drawings' companions (the
 *  4-tuple table: each text run's own box), shorter than `min` px: [{ drawing, text, height }]. */
async function smallDrawingText(page, min = 13) {
  return page.evaluate((min) => {
    // A drawing stretched more one way than the other (preserveAspectRatio="none", the
    // signal's bits) draws tall, narrow glyphs: their size is the smaller scale's.
    const squash = (t) => {
      const m = t.getScreenCTM();
      const [sx, sy] = m ? [Math.hypot(m.a, m.b), Math.hypot(m.c, m.d)] : [1, 1];
      return sy > 0 ? Math.min(1, sx / sy) : 1;
    };
    const svg = [...document.querySelectorAll('main svg text')]
      .map((t) => ({ drawing: t.closest('svg').getAttribute('class') ?? '', text: t.textContent.slice(0, 24), height: t.getBoundingClientRect().height * squash(t) }));
    const html = [];
    for (const table of document.querySelectorAll('main .ww-tuple-table')) {
      const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent.trim() || n.parentElement.closest('thead')) continue;
        const r = document.createRange();
        r.selectNodeContents(n);
        for (const box of r.getClientRects()) html.push({ drawing: table.className, text: n.textContent.trim().slice(0, 24), height: box.height });
      }
    }
    return [...svg, ...html].filter((b) => b.height > 0 && b.height < min);
  }, min);
}

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe's colour-contrast (WCAG AA) findings under `root`, as short lines. */
async function contrastViolations(page, root) {
  await page.evaluate(AXE_SOURCE);
  const r = await page.evaluate((root) => window.axe.run(root, { runOnly: { type: 'rule', values: ['color-contrast'] }, resultTypes: ['violations'] }), root);
  return r.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.any[0]?.message ?? ''}`.slice(0, 160)));
}

/** Boxes under `sel` that stick out of their `box` ancestor, or keep less than `pad` px from its edges. */
async function outOfBox(page, sel, box, pad = 2) {
  return page.locator(sel).evaluateAll((els, [box, pad]) => els.flatMap((e) => {
    const o = e.closest(box).getBoundingClientRect();
    const r = document.createRange();
    r.selectNodeContents(e);
    return [...r.getClientRects()].filter((b) => b.left < o.left + pad || b.right > o.right - pad || b.top < o.top || b.bottom > o.bottom)
      .map((b) => `${e.textContent.slice(0, 20)} [${Math.round(b.left)},${Math.round(b.right)}] in [${Math.round(o.left)},${Math.round(o.right)}]`);
  }), [box, pad]);
}

/** The route of a predict embed holding the question on the data's ACK (as predict.spec). */
function predictEmbed() {
  const { json } = nativeTrace('tcp');
  const at = json.events.findIndex((e, i) => e.kind === 'frame' && json.frames[e.frame].role === 'ack' && i > 0);
  return `tcp?embed=1&predict=1&from=${at}&to=${at + 1}`;
}

test.describe('phone', () => {
  test.use({ viewport: PHONE });
  for (const lang of ['zh', 'en']) {
    for (const route of ROUTES) {
      test(`${route} in ${lang}: no sideways scroll, drawing text at least 13 px`, async ({ page }) => {
        const at = route === 'predict-embed' ? predictEmbed() : route.replace(/lang=en$/, `lang=${lang}`);
        await open(page, `#/${at}${at.includes('lang=') ? '' : `${at.includes('?') ? '&' : '?'}lang=${lang}`}`);
        expect(await overflowsSideways(page), 'page scrolls sideways').toBe(false);
        // Scenes with drawings really draw them (a test of sizes over no text would pass).
        if (!/^(layers|encapsulation$)/.test(route)) expect(await page.locator('main svg text').count()).toBeGreaterThan(0);
        if (route === 'tcp?step=14') await expect(page.locator('.ww-sd svg text').first()).toBeVisible();
        if (/^encapsulation\?/.test(route)) await expect(page.locator('.ww-signal-bit').first()).toBeVisible();
        if (route.startsWith('addresses')) expect(await page.locator('.ww-tuple-table td').count()).toBeGreaterThan(0);
        if (route === 'predict-embed') await expect(page.locator('.ww-predict')).toBeVisible();
        // The C/S and B/S drawings, and the storm chart with its bars and axis.
        if (route === 'architecture') expect(await page.locator('svg.ww-arch-svg text').count()).toBeGreaterThan(10);
        if (route === 'lan?view=storm&step=1000') expect(await page.locator('.ww-lan-chart svg text').count()).toBeGreaterThan(2);
        expect(await smallDrawingText(page)).toEqual([]);
        expect(await spills(page), 'content spills out of its box').toEqual([]);
        fs.mkdirSync(SHOTS, { recursive: true });
        const name = route.replace(/[?&=]/g, '-');
        await page.screenshot({ path: `${SHOTS}/phone-${name}-${lang}-390x844.png`, fullPage: true, animations: 'disabled' });
        // The ladder's few rows shown whole (the loss notes of tcp_loss_twice are early on).
        await wholeLadder(page);
        expect(await smallDrawingText(page), 'every row').toEqual([]);
        expect(await overflowsSideways(page), 'every row: page scrolls sideways').toBe(false);
      });
    }
  }

  // Embeds too (an LMS page or a phone opening a slide's link): the slide layout gives
  // way to the phone's, nothing runs off the side or out of its box.
  for (const lang of ['zh', 'en']) {
    test(`every scene embedded at 390 px in ${lang}: no sideways scroll, nothing spills out of its box`, async ({ page }) => {
      test.slow(); // every scene, two steps
      for (const s of ['architecture', 'layers', 'encapsulation', 'addresses', 'lan', 'tcp', 'capture']) {
        for (const step of ['', '&step=4']) {
          const at = `${s}?embed=1&lang=${lang}${step}`;
          await open(page, `#/${at}`);
          await expect(page.locator('.ww-app.ww-embed')).toHaveCount(1);
          expect(await overflowsSideways(page), at).toBe(false);
          expect(await spills(page), at).toEqual([]);
        }
      }
      await open(page, `#/encapsulation?embed=1&lang=${lang}&step=4`);
      await page.screenshot({ path: `${SHOTS}/phone-embed-encapsulation-${lang}-390x844.png`, fullPage: true, animations: 'disabled' });
    });
  }

  test('the header and tabs take at most two rows, 120 px, before the scene (every scene, zh and en)', async ({ page }) => {
    // A review found the brand, the controls and the tabs wrapped onto four rows, 360 to
    // 410 px of a 844 px screen before any content.
    for (const lang of ['zh', 'en']) {
      for (const s of ['architecture', 'layers', 'encapsulation', 'addresses', 'lan', 'tcp', 'capture']) {
        await open(page, `#/${s}?lang=${lang}`);
        const m = await page.evaluate(() => {
          const nav = document.querySelector('.ww-nav');
          const links = [...nav.querySelectorAll('.ww-nav-link')].map((a) => a.getBoundingClientRect());
          const cur = nav.querySelector('.ww-nav-link.is-current').getBoundingClientRect();
          const n = nav.getBoundingClientRect();
          const cs = getComputedStyle(nav);
          return {
            header: document.querySelector('.ww-header').getBoundingClientRect().height,
            title: document.querySelector('#scene-title').getBoundingClientRect().top,
            rows: new Set(links.map((b) => Math.round(b.top))).size,
            scrolls: nav.scrollWidth > nav.clientWidth + 1, overflowX: cs.overflowX,
            cue: /gradient/.test(cs.backgroundImage) && cs.backgroundAttachment.includes('local'),
            cur: [cur.left >= n.left - 1, cur.right <= n.right + 1],
            controls: [...document.querySelectorAll('.ww-header :is(button, select, a)')].map((e) => e.getBoundingClientRect())
              .filter((b) => b.height < 44 || b.top < 0),
            // The product name whole: not clipped or ellipsised ("Wirew…"), its text inside
            // its box, clear of the language and theme controls.
            name: (() => {
              const el = document.querySelector('.ww-name');
              const r = el.getBoundingClientRect();
              const range = document.createRange();
              range.selectNodeContents(el);
              const text = range.getBoundingClientRect();
              const controls = document.querySelector('.ww-controls').getBoundingClientRect();
              return {
                clipped: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1,
                inside: text.left >= r.left - 1 && text.right <= r.right + 1,
                clear: text.right <= controls.left,
              };
            })(),
          };
        });
        const at = `${s} ${lang}`;
        expect(m.header, at).toBeLessThanOrEqual(120);
        expect(m.title, at).toBeLessThanOrEqual(150);
        expect(m.rows, at).toBe(1);
        // More tabs than fit: the strip scrolls, shows edge shadows, and the current tab is in view.
        if (m.scrolls) expect([m.overflowX, m.cue], at).toEqual(['auto', true]);
        expect(m.cur, at).toEqual([true, true]);
        expect(m.controls, at).toEqual([]);
        expect(m.name, at).toEqual({ clipped: false, inside: true, clear: true });
      }
    }
    await page.screenshot({ path: `${SHOTS}/phone-chrome-capture-en-390x844.png`, animations: 'disabled' });
  });

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
    await wholeLadder(page);
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

test('the capture scene draws the TCP scene\'s narrow ladder on a phone, text at least 13 px (zh and en)', async ({ page }) => {
  await page.setViewportSize(PHONE);
  for (const lang of ['zh', 'en']) {
    await open(page, `#/capture?lang=${lang}`);
    await page.locator('#capture-file').setInputFiles('engine/tests/captures/offload.pcap');
    await expect(page.locator('svg.ww-ladder')).toHaveClass(/is-narrow/);
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    expect(await page.locator('main svg text').count()).toBeGreaterThan(10);
    expect(await smallDrawingText(page), lang).toEqual([]);
    expect(await overflowsSideways(page)).toBe(false);
  }
});

test('the TCP variant select shows a short name whole, the full sentence under it (zh and en)', async ({ page }) => {
  await page.setViewportSize(PHONE);
  const full = {
    zh: { tcp_loss: '丢失一个带数据的报文段 → 超时重传', tcp_server_close: '服务端立即关闭 → FIN 搭上 ACK，挥手只用三个报文段' },
    en: { tcp_loss: 'A data segment is lost → retransmission', tcp_server_close: 'Server closes at once → its FIN rides on the ACK: a 3-segment close' },
  };
  for (const lang of ['zh', 'en']) {
    for (const variant of ['tcp', 'tcp_loss', 'tcp_loss_twice', 'tcp_server_close', 'tcp_simultaneous_close', 'refused', 'udp']) {
      await open(page, `#/tcp?variant=${variant}&lang=${lang}`);
      const sel = page.locator('#tcp-variant');
      await expect(sel).toHaveValue(variant);
      // The chosen option fits the closed select (measured in its own font, room for the arrow).
      const cut = await sel.evaluate((s) => {
        const cs = getComputedStyle(s);
        const ctx = document.createElement('canvas').getContext('2d');
        ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
        const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20;
        return ctx.measureText(s.selectedOptions[0].textContent).width > room;
      });
      expect(cut, `${variant} ${lang}`).toBe(false);
      const desc = page.locator('#tcp-variant-desc');
      await expect(desc).toBeVisible();
      expect(await sel.getAttribute('aria-describedby')).toBe('tcp-variant-desc');
      if (full[lang][variant]) await expect(desc).toHaveText(full[lang][variant]);
      // The short name is not the sentence.
      expect((await desc.innerText()).length).toBeGreaterThan((await sel.locator('option:checked').innerText()).length);
    }
  }
});

// On a phone the TCP scene's settings (about 1,000 px of fields) came before the player:
// the player started near 1,000 px down. Now the player, the narration, the ladder and the
// states come first and the settings follow, in the pre-rendered page as in the app.
test('phones: the TCP player and ladder come before the settings, which still work (zh and en)', async ({ page }) => {
  await page.setViewportSize(PHONE);
  for (const lang of ['zh', 'en']) {
    await open(page, `#/tcp?lang=${lang}`);
    const top = (sel) => page.locator(sel).first().evaluate((e) => e.getBoundingClientRect().top + scrollY);
    const [player, ladder, states, settings] = [await top('.ww-player'), await top('svg.ww-ladder'), await top('.ww-states'), await top('.ww-tcp-controls')];
    expect(player, `${lang} player`).toBeLessThan(560);
    expect(ladder, `${lang} ladder`).toBeLessThan(PHONE.height);
    expect(states, `${lang} states`).toBeGreaterThan(ladder);
    expect(settings, `${lang} settings`).toBeGreaterThan(states);
    expect(await overflowsSideways(page)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/phone-tcp-top-${lang}-390x844.png`, animations: 'disabled' });
    // The settings still work: another variant redraws the scene.
    await page.locator('#tcp-variant').selectOption('tcp_loss');
    await expect(page.locator('.ww-tcp')).toHaveAttribute('data-variant', 'tcp_loss');
    await page.locator('#tcp-loss').scrollIntoViewIfNeeded();
    await expect(page.locator('#tcp-loss')).toBeInViewport();
  }
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
      const filter = (sel) => page.locator(sel).evaluate((e) => getComputedStyle(e).filter);
      expect(await filter('.ww-octets')).toContain('grayscale');
      expect(await filter('#addr-ip-binary')).toContain('grayscale');
      // Greyed, yet readable: the stale values keep AA contrast (at opacity 0.4 they did not).
      expect(await contrastViolations(page, '.ww-addr-ip'), lang).toEqual([]);
      await page.locator('#addr-ip-dotted').fill('10.0.0.1');
      await expect(card).toHaveAttribute('data-stale', 'false');
      expect(await filter('.ww-octets')).toBe('none');
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
    // The bytes come before the field tree (under a tree 3,000-5,000 px tall they were
    // out of reach).
    const [hexTop, treeTop] = await Promise.all(['.ww-hex', '.ww-tree'].map((s) => page.locator(s).evaluate((e) => e.getBoundingClientRect().top)));
    expect(hexTop).toBeLessThan(treeTop);
    // The tabs are one row that scrolls sideways: no label cut, the current tab on screen.
    for (const s of ['lan', 'tcp', 'addresses']) {
      await open(page, `#/${s}?lang=zh`);
      const tabs = await page.locator('.ww-nav-link').evaluateAll((as) => as.map((a) => {
        const b = a.getBoundingClientRect();
        return { left: b.left, right: b.right, cut: a.scrollWidth > a.clientWidth + 1, current: a.classList.contains('is-current') };
      }));
      for (const t of tabs) expect(t.cut).toBe(false);
      const cur = tabs.find((t) => t.current);
      expect(cur.left, s).toBeGreaterThanOrEqual(0);
      expect(cur.right, s).toBeLessThanOrEqual(390);
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
      const chars = window.__wwChars(c); // fixtures.mjs
      return chars.some((ch, i) => i > 0 && ch.top > chars[i - 1].top + 2 && chars[i - 1].ch !== ':') ? [c.textContent] : [];
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

test('addresses: the private range inside its tag, client boxes apart with their text inside, "#" with its comment (phone and desktop, zh and en)', async ({ page }) => {
  for (const size of [PHONE, { width: 1280, height: 800 }]) {
    await page.setViewportSize(size);
    for (const lang of ['zh', 'en']) {
      const at = `${size.width}px ${lang}`;
      await open(page, `#/addresses?lang=${lang}`);
      await expect(page.locator('.ww-ip-kind .ww-addr-cidr')).toHaveText('192.168.0.0/16');
      expect(await outOfBox(page, '.ww-ip-kind .ww-addr-tag > *', '.ww-addr-tag'), at).toEqual([]);
      const boxes = await page.locator('.ww-tuple-node').evaluateAll((gs) => gs.map((g) => {
        const r = g.querySelector('rect').getBoundingClientRect();
        const out = [...g.querySelectorAll('text')].map((t) => t.getBoundingClientRect())
          .filter((t) => t.left < r.left + 4 || t.right > r.right - 4 || t.top < r.top || t.bottom > r.bottom);
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, out: out.length };
      }));
      expect(boxes.length).toBe(3);
      for (const b of boxes) expect(b.out, at).toBe(0);
      // The two clients' boxes do not touch (side by side on phones, one over the other on desktops).
      const [a, b] = boxes;
      expect(Math.max(b.left - a.right, b.top - a.bottom, a.left - b.right, a.top - b.bottom), at).toBeGreaterThanOrEqual(6);
      // In the accept() code, every "#" is on the line of the comment it starts.
      const stranded = await page.locator('.ww-tuple-accept').evaluate((pre) => {
        const n = pre.firstChild;
        const top = (i) => { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1); return Math.round(r.getClientRects()[0]?.top ?? -1); };
        const bad = [];
        for (let i = 0; i < n.textContent.length; i++) if (n.textContent[i] === '#' && top(i) !== top(i + 2)) bad.push(i);
        return { bad, hashes: (n.textContent.match(/#/g) ?? []).length };
      });
      expect(stranded.hashes).toBe(2);
      expect(stranded.bad, at).toEqual([]);
    }
  }
});

test('phones: layers cells hold their names, the course notes show, labels at 13 px; the bit stream shows every byte', async ({ page }) => {
  await page.setViewportSize(PHONE);
  for (const lang of ['zh', 'en']) {
    await open(page, `#/layers?lang=${lang}`);
    // en "Presentation" ran out of its cell.
    const over = await page.locator('.ww-layer-cell').evaluateAll((cs) => cs.filter((c) => c.scrollWidth > c.clientWidth + 1
      || [...c.querySelectorAll('*')].some((e) => e.getBoundingClientRect().right > c.getBoundingClientRect().right + 1)).map((c) => c.textContent.slice(0, 20)));
    expect(over, lang).toEqual([]);
    // Desktop's "Course:" notes are there on a phone too, one per course layer, readable.
    const notes = page.locator('.ww-layer-note');
    expect(await notes.count()).toBe(5);
    for (const n of await notes.all()) await expect(n).toBeVisible();
    // Each course layer's facts in a full-width card under the two models, headed by the
    // layer's name (in a 135 px third column they made the page about 3,000 px tall).
    const cards = await page.locator('.ww-layer-details').evaluateAll((ds) => ds.map((d) => {
      const grid = d.closest('.ww-layers-grid').getBoundingClientRect();
      const name = d.querySelector('.ww-layer-details-name');
      const box = name.getBoundingClientRect();
      return { wide: d.getBoundingClientRect().width >= grid.width - 1, name: name.textContent, shown: box.width > 20 && box.height > 10 };
    }));
    const names = await page.locator('.ww-layer-cell.col-tcpip').evaluateAll((cs) => cs.map((c) => c.querySelector('.ww-layer-num').textContent + c.querySelector('.ww-layer-title').textContent));
    expect(cards, lang).toEqual(names.map((name) => ({ wide: true, name, shown: true })));
    const sizes = await page.locator('.ww-layer-details :is(dt, dd, .ww-layer-note)').evaluateAll((es) => es.map((e) => parseFloat(getComputedStyle(e).fontSize)));
    expect(Math.min(...sizes), lang).toBeGreaterThanOrEqual(13);
    // The bit stream of step 4: every byte of the frame in view, no hidden rows.
    await open(page, `#/encapsulation?lang=${lang}&step=4`);
    const stream = page.locator('.ww-bits-stream');
    await expect(stream).toBeVisible();
    const m = await stream.evaluate((s) => ({ bytes: s.querySelectorAll('.ww-bits-byte').length, hidden: s.scrollHeight - s.clientHeight, bg: getComputedStyle(s).backgroundAttachment }));
    expect(m.bytes, lang).toBeGreaterThanOrEqual(64);
    expect(m.hidden, lang).toBeLessThanOrEqual(1);
    // A longer frame scrolls inside it, with shadows at the edges as the cue.
    expect(m.bg).toContain('local');
  }
});
