// Labels that touched what they sit beside (issue 16), each measured on the rendered page:
// the LAN router's name against the envelope and the port badges, the port badges against
// their cables (a badge's centre lies on its cable), the ladder's arrow labels against
// the lifelines, and encapsulation's "here" badge inside its layer chip.
import { test, expect, open } from './fixtures.mjs';

/** Pairs of boxes closer than `gap` px: the first selector's boxes against the second's. */
async function touching(page, a, b, gap = 2) {
  return page.evaluate(({ a, b, gap }) => {
    const boxes = (sel) => [...document.querySelectorAll(sel)]
      .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
      .map((e) => ({ name: (e.textContent || e.getAttribute('class') || e.tagName).trim().slice(0, 24), r: e.getBoundingClientRect() }));
    const out = [];
    for (const p of boxes(a)) {
      for (const q of boxes(b)) {
        if (p.r.left - gap < q.r.right && q.r.left - gap < p.r.right && p.r.top - gap < q.r.bottom && q.r.top - gap < p.r.bottom) {
          out.push({ a: p.name, b: q.name });
        }
      }
    }
    return out;
  }, { a, b, gap });
}

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
    if (step > 0) await page.locator('.ww-pbtn[data-act="next"]').click();
    await check(step);
  }
}

for (const lang of ['zh', 'en']) {
  for (const [w, h] of [[390, 844], [1280, 800]]) {
    test(`LAN router: its name clear of envelopes and port badges at every step (${lang}, ${w}×${h})`, async ({ page }) => {
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
        await open(page, `#/lan?lang=${lang}&${route}`);
        expect(await page.locator('.ww-lan-port').count()).toBeGreaterThan(1);
        for (const b of await badgesOffCable(page)) found.push({ route, ...b });
      }
      expect(found).toEqual([]);
    });
  }

  for (const [w, h, theme] of [[1280, 800, ''], [1024, 768, '&theme=projector'], [390, 844, '']]) {
    test(`TCP ladder: arrow labels clear of the lifelines, every variant (${lang}, ${w}×${h}${theme ? ', projector' : ''})`, async ({ page }) => {
      test.slow();
      await page.setViewportSize({ width: w, height: h });
      const found = [];
      for (const variant of ['tcp', 'tcp_loss', 'tcp_server_close', 'refused', 'udp']) {
        await open(page, `#/tcp?lang=${lang}&variant=${variant}&step=1000${theme}`);
        expect(await page.locator('.ww-ladder .ww-arrow[data-role="arp_request"] .ww-arrow-label').count(), variant).toBeGreaterThan(0);
        for (const t of await touching(page, '.ww-ladder .ww-arrow-label', '.ww-ladder .ww-lifeline')) found.push({ variant, ...t });
      }
      expect(found).toEqual([]);
    });

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
          return r.left >= inner.l - 0.5 && r.right <= inner.r + 0.5 && r.top >= inner.t - 0.5 && r.bottom <= inner.b + 0.5
            ? null : { chip: chip.textContent.trim(), badge: [r.left, r.right, r.top, r.bottom].map(Math.round), inner: Object.values(inner).map(Math.round) };
        }).filter(Boolean));
        expect(await page.locator('.ww-enc-here').count(), `step ${step}`).toBe(1);
        for (const o of out) found.push({ step, ...o });
      });
      expect(found).toEqual([]);
    });
  }
}
