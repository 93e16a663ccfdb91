// Labels that touched what they sit beside (issue 16), each measured on the rendered page:
// the LAN router's name against the envelope and the port badges, the port badges against
// their cables (a badge's centre lies on its cable), the ladder's arrow labels against
// the lifelines (checked in collisions.spec.mjs's ladder walk, on the same pages), and
// encapsulation's "here" badge inside its layer chip.
import { test, expect, open, nextStep } from './fixtures.mjs';
import { touching } from './geometry.mjs';
import { goLan } from './hashnav.mjs';

/** Port badges whose centre is more than `tol` px from their own cable: `[{ link, port, off }]`. */
async function badgesOffCable(page, tol = 1.5) {
  return page.evaluate((tol) => [...document.querySelectorAll('.ww-lan-link')].flatMap((g) => {
    const cable = g.querySelector('.ww-lan-cable');
    const m = cable.getScreenCTM();
    const pts = [];
    for (let d = 0, len = cable.getTotalLength(); d <= len; d += 0.5) {
      const p = cable.getPointAtLength(d);
      pts.push([m.a * p.x + m.c * p.y + m.e, m.b * p.x + m.d * p.y + m.f]);
    }
    return [...g.querySelectorAll('.ww-lan-port')].map((b) => {
      const r = b.querySelector('circle').getBoundingClientRect();
      const [cx, cy] = [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
      const off = Math.min(...pts.map(([x, y]) => Math.hypot(x - cx, y - cy)));
      return { link: g.dataset.link, port: b.textContent, off: Math.round(off * 10) / 10 };
    }).filter((b) => b.off > tol);
  }), tol);
}

/** Steps through a scene with the player's next button, calling `check` at every step. */
async function everyStep(page, check) {
  const max = Number(await page.locator('.ww-scrub').getAttribute('max'));
  expect(max).toBeGreaterThan(3);
  for (let step = 0; step <= max; step++) {
    if (step > 0) await nextStep(page, step);
    await check(step);
  }
}

for (const lang of ['zh', 'en']) {
  for (const [w, h] of [[390, 844], [1280, 800]]) {
    test(`LAN router: its name clear of envelopes and port badges at every step (${lang}, ${w}×${h})`, async ({ page }) => {
      test.slow();
      await page.setViewportSize({ width: w, height: h });
      await open(page, `#/lan?lang=${lang}&view=router&step=0`);
      const found = [];
      let envelopes = 0;
      await everyStep(page, async (step) => {
        envelopes += await page.locator('.ww-lan-packet').count();
        const name = '.ww-lan-node.is-router > text:not(.ww-lan-addr)';
        for (const t of await touching(page, name, '.ww-lan-packet rect, .ww-lan-port circle')) found.push({ step, ...t });
      });
      expect(envelopes, 'envelopes were drawn').toBeGreaterThan(3);
      expect(found).toEqual([]);
    });

    test(`LAN: every port badge sits on its cable, every view (${lang}, ${w}×${h})`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      const found = [];
      for (const route of ['view=switch&step=12', 'view=storm&step=40', 'view=storm&storm.pulled=true&step=12', 'view=router&step=16']) {
        // One load, then the other views by their hash (the same scene, not start-up).
        if (route === 'view=switch&step=12') await open(page, `#/lan?lang=${lang}&${route}`);
        else await goLan(page, `#/lan?lang=${lang}&${route}`);
        expect(await page.locator('.ww-lan-port').count()).toBeGreaterThan(1);
        for (const b of await badgesOffCable(page)) found.push({ route, ...b });
      }
      expect(found).toEqual([]);
    });
  }

  for (const [w, h, theme] of [[1280, 800, ''], [1024, 768, '&theme=projector'], [390, 844, '']]) {
    test(`encapsulation: the "here" badge inside its layer chip at every step (${lang}, ${w}×${h}${theme ? ', projector' : ''})`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      await open(page, `#/encapsulation?lang=${lang}&step=0${theme}`);
      const found = [];
      await everyStep(page, async (step) => {
        const out = await page.locator('.ww-enc-here').evaluateAll((hs) => hs.map((b) => {
          const chip = b.closest('.ww-enc-layer-btn');
          const cs = getComputedStyle(chip);
          const c = chip.getBoundingClientRect();
          const r = b.getBoundingClientRect();
          const inner = { l: c.left + parseFloat(cs.borderLeftWidth), r: c.right - parseFloat(cs.borderRightWidth), t: c.top + parseFloat(cs.borderTopWidth), b: c.bottom - parseFloat(cs.borderBottomWidth) };
          // The layer's number stays on its name's first line ("1" stood alone over
          // "Physical layer here" when the badge joined the name).
          const num = chip.querySelector('.ww-enc-layer-num').getBoundingClientRect();
          const range = document.createRange();
          range.selectNodeContents(chip.querySelector('.ww-enc-layer-name'));
          const first = [...range.getClientRects()].filter((x) => x.width > 0).sort((x, y) => x.top - y.top)[0];
          const apart = !first || Math.abs((num.top + num.bottom) / 2 - (first.top + first.bottom) / 2) > first.height / 2;
          return !apart && r.left >= inner.l - 0.5 && r.right <= inner.r + 0.5 && r.top >= inner.t - 0.5 && r.bottom <= inner.b + 0.5
            ? null : { chip: chip.textContent.trim(), apart, badge: [r.left, r.right, r.top, r.bottom].map(Math.round), inner: Object.values(inner).map(Math.round) };
        }).filter(Boolean));
        expect(await page.locator('.ww-enc-here').count(), `step ${step}`).toBe(1);
        for (const o of out) found.push({ step, ...o });
      });
      expect(found).toEqual([]);
    });
  }
}

// Issue 16, review 5: the switch's port badges read 1-3-2 and touched on phones; the
// storm's envelope covered switch 1's port badge; the learned port was not shown.
for (const [w, h] of [[390, 844], [1280, 800]]) {
  test(`LAN switch: port badges 1, 2, 3 left to right and apart (${w}×${h})`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await open(page, '#/lan?lang=en&step=12');
    const badges = await page.locator('.ww-lan-node.is-switch').evaluate(() => [...document.querySelectorAll('.ww-lan-port')]
      .map((b) => { const r = b.querySelector('circle').getBoundingClientRect(); return { port: b.textContent, l: r.left, r: r.right }; })
      .sort((a, b) => a.l - b.l));
    expect(badges.map((b) => b.port)).toEqual(['1', '2', '3']);
    for (let i = 1; i < badges.length; i++) expect(badges[i].l - badges[i - 1].r, `gap ${i}`).toBeGreaterThanOrEqual(4);
  });

  test(`LAN storm: envelopes clear of the port badges at every step (${w}×${h})`, async ({ page }) => {
    test.slow();
    await page.setViewportSize({ width: w, height: h });
    await open(page, '#/lan?lang=en&view=storm&step=0');
    const found = [];
    let envelopes = 0;
    // Every step of the first 40, where the broadcast first floods the loop.
    for (let step = 0; step <= 40; step++) {
      if (step > 0) await nextStep(page, step);
      envelopes += await page.locator('.ww-lan-packet').count();
      for (const t of await touching(page, '.ww-lan-packet rect, .ww-lan-packet-dir', '.ww-lan-port circle', 1)) found.push({ step, ...t });
    }
    expect(envelopes).toBeGreaterThan(10);
    expect(found).toEqual([]);
  });
}

test('LAN switch: the port a MAC is learned on is marked, with its table row', async ({ page }) => {
  test.slow();
  // Step by step: whenever the table has a fresh row, its port's badge is marked, and no other.
  await open(page, '#/lan?lang=zh&step=0');
  let learned = 0;
  await everyStep(page, async (step) => {
    const fresh = await page.locator('.ww-lan-table tr.is-fresh').evaluateAll((rs) => rs.map((r) => String(Number(r.dataset.port) + 1)));
    const marked = await page.locator('.ww-lan-node.is-switch').evaluate(() => [...document.querySelectorAll('.ww-lan-port.is-learned')]
      .filter((b) => b.closest('.ww-lan-link').querySelector('.ww-lan-cable')).map((b) => b.textContent));
    expect(marked, `step ${step}`).toEqual(fresh);
    if (fresh.length) {
      learned++;
      const fill = await page.locator('.ww-lan-port.is-learned circle').first().evaluate((c) => getComputedStyle(c).fill);
      const plain = await page.locator('.ww-lan-port:not(.is-learned) circle').first().evaluate((c) => getComputedStyle(c).fill);
      expect(fill).not.toBe(plain);
    }
  });
  expect(learned).toBeGreaterThan(1);
});

// TCP slide step 14: the server's LISTEN was written where the ARP request arrives, as if
// ARP caused it. listen() returns before any frame: LISTEN belongs above the first arrow.
for (const embed of ['', '&embed=1']) {
  for (const lang of ['zh', 'en']) {
    test(`TCP ladder: LISTEN written above the first frame, not at the ARP request's arrival (${lang}${embed ? ', slide' : ''})`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await open(page, `#/tcp?lang=${lang}&step=14${embed}`);
      const listen = page.locator('.ww-ladder .ww-state-mark', { hasText: 'LISTEN' }).first();
      await expect(listen).toHaveClass(/is-current/);
      const mark = await listen.boundingBox();
      const arp = await page.locator('.ww-ladder .ww-arrow[data-role="arp_request"] .ww-arrow-line').first().boundingBox();
      expect(mark.y + mark.height).toBeLessThanOrEqual(arp.y + 1);
    });
  }
}

// One colour per host (review 5: blue C / orange S in the state diagram, other colours
// in the code-line highlight and the state cards).
for (const theme of ['light', 'dark', 'projector']) {
  test(`TCP: the client and the server each keep one colour in the state diagram, state cards and code (${theme})`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await open(page, `#/tcp?lang=en&step=14&theme=${theme}`);
    const colours = await page.evaluate(() => Object.fromEntries(['client', 'server'].map((h) => {
      const cs = (sel, prop) => { const e = document.querySelector(sel); return e ? getComputedStyle(e)[prop] : `missing ${sel}`; };
      return [h, {
        diagram: cs(`.ww-sd .ww-sd-who.is-${h}`, 'fill'),
        box: cs(`.ww-sd .ww-sd-node.is-${h} rect`, 'stroke'),
        card: cs(`.ww-state[data-host="${h}"]`, 'borderLeftColor'),
        state: cs(`.ww-state[data-host="${h}"] .ww-state-name`, 'color'),
        code: cs(`.ww-code[data-host="${h}"] .ww-code-line.is-current`, 'borderLeftColor'),
      }];
    })));
    for (const h of ['client', 'server']) {
      const c = colours[h];
      expect(new Set(Object.values(c)).size, `${h}: ${JSON.stringify(c)}`).toBe(1);
    }
    expect(colours.client.diagram).not.toBe(colours.server.diagram);
  });
}
