// Desktop (issue 16, review of the 1280×800 screenshots): small text in the drawings and
// beside them renders at least 12 px type: the per-bit digits of the addresses scene's bit
// grid (12.8 px already), the state names of the TCP state diagram (11.5 px), the MAC and IP
// labels of the LAN drawing (12.2 px, at the edge) and its port numbers (11.1 px), the
// TCP ladder's state marks (11.6 px) and its lost frames' notes (11.6 px), and the addresses in the 4-tuple drawing (11.9 px). A drawing's text is its font size times the
// drawing's scale on the page (getScreenCTM); a page text its computed font size and the
// height of its glyphs' box. collisions.spec.mjs checks that the larger labels overlap
// nothing; here, each state name stays inside its box.
import { test, expect, open } from './fixtures.mjs';

test.use({ viewport: { width: 1280, height: 800 } });

/** Texts matching `sel` rendered smaller than `min` px type: ["text size"]. */
async function smallText(page, sel, min = 12) {
  return page.locator(sel).evaluateAll((els, min) => els.filter((e) => e.getClientRects().length).map((e) => {
    let size = parseFloat(getComputedStyle(e).fontSize);
    const svg = e.closest('svg') && e.getScreenCTM();
    if (svg) size *= Math.min(Math.hypot(svg.a, svg.b), Math.hypot(svg.c, svg.d));
    return [e.textContent.trim().slice(0, 20), Math.round(size * 10) / 10];
  }).filter(([, size]) => size < min).map(([text, size]) => `«${text}» ${size}px`), min);
}

for (const lang of ['zh', 'en']) {
  test(`bit digits, 4-tuple addresses, state names, ladder state marks and the LAN's addresses are at least 12 px type at 1280×800 (${lang})`, async ({ page }) => {
    const found = [];
    const check = async (where, sel, count) => {
      expect(await page.locator(sel).count(), `${where}: ${sel}`).toBeGreaterThanOrEqual(count);
      for (const s of await smallText(page, sel)) found.push(`${where}: ${s}`);
    };
    await open(page, `#/addresses?lang=${lang}`);
    await check('addresses', '.ww-ipbit', 32);
    // The digit's glyph box, not only the declared size.
    const boxes = await page.locator('.ww-ipbit').evaluateAll((bs) => bs.map((b) => {
      const r = document.createRange();
      r.selectNodeContents(b);
      return r.getBoundingClientRect().height;
    }));
    if (Math.min(...boxes) < 13) found.push(`addresses: bit digit box ${Math.min(...boxes)}px tall`);
    await check('addresses 4-tuple', '.ww-tuple-svg .ww-tuple-addr', 3);
    await check('addresses 4-tuple', '.ww-tuple-svg .ww-tuple-name', 3);
    await open(page, `#/tcp?lang=${lang}&step=14`);
    await check('tcp', '.ww-sd-node text', 11);
    await check('tcp ladder', '.ww-ladder .ww-state-mark', 8);
    // A lost frame's note ("× lost", "RTO … → resent") under its arrow.
    await open(page, `#/tcp?lang=${lang}&variant=tcp_loss&step=1000`);
    await check('tcp ladder, loss', '.ww-ladder .ww-arrow-note', 2);
    const outside = await page.locator('.ww-sd-node').evaluateAll((ns) => ns.flatMap((n) => {
      const [r, t] = [n.querySelector('rect').getBoundingClientRect(), n.querySelector('text').getBoundingClientRect()];
      return t.left < r.left + 1 || t.right > r.right - 1 || t.top < r.top || t.bottom > r.bottom ? [n.dataset.state] : [];
    }));
    for (const s of outside) found.push(`tcp: ${s} sticks out of its box`);
    for (const view of ['view=switch&step=12', 'view=storm&step=40', 'view=router&step=16']) {
      await open(page, `#/lan?lang=${lang}&${view}`);
      await check(`lan ${view}`, '.ww-lan-topo .ww-lan-addr', 4);
      await check(`lan ${view}`, '.ww-lan-topo .ww-lan-port text', 2);
    }
    expect(found).toEqual([]);
  });
}
