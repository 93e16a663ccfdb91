// Phones (issue 16): the page's own text (not the drawings, which phone.spec.mjs measures)
// is at least 12 px type in every scene, zh and en, and a button in the frame inspector
// is a 44 px touch target. The tap hint under the hex dump, the encapsulation's "here"
// badge, its bit stream and the checksum's button were 11.5-11.8 px, the button 20 px tall.
import { test, expect, open } from './fixtures.mjs';

test.use({ viewport: { width: 390, height: 844 } });

const ROUTES = ['architecture', 'layers', 'encapsulation?step=4', 'addresses', 'lan?step=14', 'lan?view=router&step=16', 'tcp?step=14', 'capture'];

/** Visible text runs (outside SVG drawings) set smaller than `min` px: ["class size «text»"]. */
async function smallType(page, min) {
  return page.evaluate((min) => {
    const out = [];
    const walker = document.createTreeWalker(document.querySelector('.ww-host') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const e = n.parentElement;
      if (!n.textContent.trim() || !e || e.closest('svg, .ww-visually-hidden') || !e.getClientRects().length) continue;
      const cs = getComputedStyle(e);
      if (cs.visibility === 'hidden') continue;
      const size = parseFloat(cs.fontSize);
      if (size < min) out.push(`${e.className} ${size}px «${n.textContent.trim().slice(0, 24)}»`);
    }
    return [...new Set(out)];
  }, min);
}

for (const lang of ['zh', 'en']) {
  test(`page text at least 12 px, inspector buttons 44 px tall (${lang})`, async ({ page }) => {
    for (const r of ROUTES) {
      await open(page, `#/${r}${r.includes('?') ? '&' : '?'}lang=${lang}`);
      // The scan sees real text (a scan of nothing would pass).
      expect(await page.locator('main p').count(), r).toBeGreaterThan(0);
      expect(await smallType(page, 12), r).toEqual([]);
      const small = await page.locator('main :is(.ww-inspector, .ww-tree) button').evaluateAll((bs) => bs
        .filter((b) => b.getClientRects().length).map((b) => b.getBoundingClientRect().height).filter((h) => h < 44));
      expect(small, r).toEqual([]);
    }
    // The checksum's button is there to be measured.
    await open(page, `#/encapsulation?step=4&lang=${lang}`);
    await expect(page.locator('.ww-cover-btn').first()).toBeVisible();
  });
}
