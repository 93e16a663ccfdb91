// The frame inspector on a desktop screen (issue 16): at 1280×800 the field tree,
// 2,500-3,500 px tall, filled the left 55% of the card while the hex dump sat at the top of
// the right column, leaving the rest of it blank and the bytes scrolled away from the field
// being read. The bytes must stay in view beside any field, with no column left blank.
import { test, expect, open } from './fixtures.mjs';
import { ROUTES } from './routes.mjs';

/** Binary IPv4 addresses in the inspector's explanations drawn over two lines or more. */
async function splitBinaries(page) {
  return page.evaluate(() => [...document.querySelectorAll('.ww-inspector-panes .ww-ipbin')].flatMap((e) => {
    const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
    const out = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const m = /[01]{8}(\.\u200b?[01]{8}){3}/.exec(n.textContent);
      if (!m) continue;
      const r = document.createRange();
      r.setStart(n, m.index);
      r.setEnd(n, m.index + m[0].length);
      const tops = new Set([...r.getClientRects()].filter((c) => c.width > 0).map((c) => Math.round(c.top)));
      if (tops.size > 1) out.push(m[0].replace(/\u200b/g, ''));
    }
    return out;
  }));
}

for (const lang of ['zh', 'en']) {
  test(`inspector at 1280×800: the bytes stay in view while the tree scrolls, no blank column (${lang})`, async ({ page }) => {
    test.slow();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const problems = [];
    let seen = 0;
    for (const route of ROUTES) {
      await open(page, `${route}${route.includes('?') ? '&' : '?'}lang=${lang}`);
      const panes = page.locator('.ww-inspector-panes').first();
      if (!(await panes.count())) continue;
      seen += 1;
      // Side by side, the shorter pane leaves a blank under it: at most a viewport's height.
      const m = await panes.evaluate((p) => {
        const tree = p.querySelector('.ww-tree').getBoundingClientRect();
        const hex = p.querySelector('.ww-hex-wrap').getBoundingClientRect();
        const beside = tree.top < hex.bottom - 1 && hex.top < tree.bottom - 1;
        return { beside, tree: tree.height, hex: hex.height, width: p.getBoundingClientRect().width, treeW: tree.width };
      });
      if (m.beside && Math.abs(m.tree - m.hex) > 800) problems.push(`${route}: panes side by side, ${Math.round(m.tree)} and ${Math.round(m.hex)} px tall`);
      if (m.treeW < 0.6 * m.width) problems.push(`${route}: field tree ${Math.round(m.treeW)} of ${Math.round(m.width)} px wide`);
      // A binary IPv4 address fits the card's width: it stays on one line ("11000000.10101000."
      // ended one line and "00000001.00010100" began the next, beside its sentence).
      const split = await splitBinaries(page);
      if (split.length) problems.push(`${route}: binary address over two lines: ${split.join(', ')}`);
      // The last field of the last layer (TCP or UDP in a segment), scrolled into view and
      // pointed at: its bytes are lit, and the lit bytes are in the viewport.
      const field = page.locator('.ww-tree > .ww-layer').last().locator('.ww-field-row').last();
      await field.scrollIntoViewIfNeeded();
      await field.hover();
      const lit = await page.evaluate(() => [...document.querySelectorAll('.ww-inspector-panes .ww-byte.is-lit')].map((b) => {
        const r = b.getBoundingClientRect();
        const hex = b.closest('.ww-hex').getBoundingClientRect();
        return r.top >= Math.max(0, hex.top) - 1 && r.bottom <= Math.min(innerHeight, hex.bottom) + 1;
      }));
      if (!lit.length) problems.push(`${route}: no byte lit for the field`);
      else if (!lit.some(Boolean)) problems.push(`${route}: the field's bytes are out of view`);
      const slug = route.slice(2).replace(/[?&=]/g, '-');
      await page.screenshot({ path: `e2e/artifacts/screens/inspector-${slug}-${lang}-1280x800.png`, animations: 'disabled' });
    }
    expect(seen, 'scenes with an inspector').toBeGreaterThanOrEqual(4);
    expect(problems).toEqual([]);
  });
}

test('projector at 1024×768: binary addresses in the inspector stay on one line where they fit', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const problems = [];
  for (const lang of ['zh', 'en']) {
    for (const route of ['#/tcp?variant=tcp_loss&step=20', '#/encapsulation?step=6']) {
      await open(page, `${route}&lang=${lang}&theme=projector`);
      expect(await page.locator('.ww-inspector-panes .ww-ipbin').count()).toBeGreaterThan(0);
      const split = await splitBinaries(page);
      if (split.length) problems.push(`${route} ${lang}: ${split.join(', ')}`);
    }
  }
  expect(problems).toEqual([]);
});
