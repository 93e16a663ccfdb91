// The landing page's frame inspector is a wasm of its own (src/widgets/inspector_part.rs,
// src/bin/wwp-inspector.rs), loaded on the first click on a frame: the page's app and the
// part's are two Yew apps on one page, so each must handle its own events only.
import { test, expect, open } from './fixtures.mjs';

// The offline cache (sw.js) would answer the part's requests before the test's routes could.
test.use({ serviceWorkers: 'block' });

const PART = /\/wwp-inspector-[0-9a-f]+(\.js|_bg\.wasm)$/;
const frame = (page, side, i) => page.locator(`.ww-arch-wire-col[data-side="${side}"] .ww-arch-frame`).nth(i).locator('.ww-arch-frame-row');

test('the landing page is ready without the inspector part; a click loads it and it works both ways', async ({ page }) => {
  // The part's files are held back until the page is ready: were they on the way to
  // ready, open() would time out.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(PART, async (route) => { await held; await route.continue(); });
  await open(page, '#/architecture?lang=en');
  release();
  await frame(page, 'cs', 2).click(); // the SYN
  const part = page.locator('.ww-arch-inspector [data-index="2"]');
  await expect(part.locator('.ww-inspector-summary')).toContainText('SYN');
  // The part's own events: hovering a field lights its bytes, a byte lights its field.
  await part.locator('.ww-field[data-field="tcp.srcport"] > .ww-field-row').hover();
  await expect(part.locator('.ww-byte.is-lit')).toHaveCount(2);
  await part.locator('.ww-byte[data-offset="23"]').hover();
  await expect(part.locator('.ww-field.is-lit')).toHaveAttribute('data-field', 'ip.proto');
  // Keys in the field tree move its focus, inside the part.
  const tree = part.locator('[role="tree"]');
  await tree.locator('[role="treeitem"][tabindex="0"]').focus();
  const before = await page.evaluate(() => document.activeElement?.textContent);
  await page.keyboard.press('ArrowDown');
  expect(await page.evaluate(() => document.activeElement?.textContent)).not.toBe(before);
  // A click in the part is the part's only: a layer folds, the page's selection stays.
  const layer = part.locator('[role="treeitem"][aria-level="1"]').first();
  const expanded = await layer.getAttribute('aria-expanded');
  await layer.locator('.ww-layer-name').click();
  await expect(layer).toHaveAttribute('aria-expanded', expanded === 'true' ? 'false' : 'true');
  await expect(page.locator('.ww-arch-inspector h3')).toContainText('C/S');
  await expect(page.locator('.ww-arch-frame.is-selected')).toHaveCount(1);
  // The page's own events still reach the page: another frame, the other side.
  await frame(page, 'bs', 5).click();
  await expect(page.locator('.ww-arch-inspector h3')).toContainText('B/S');
  await expect(page.locator('.ww-arch-inspector [data-index="5"] .ww-inspector-summary')).toContainText('PSH');
  // Relative numbers, as on the TCP scene: the browser's request is the first data after the handshake.
  await expect(page.locator('.ww-arch-inspector [data-index="5"] .ww-field[data-field="tcp.seq"]')).toContainText('1');
  // The network select (the page's) takes the inspector away and back.
  await page.locator('#arch-net').selectOption('data');
  await expect(page.locator('.ww-arch-inspector .ww-inspector-part')).toHaveCount(0);
  await frame(page, 'cs', 2).click();
  await expect(page.locator('.ww-arch-inspector [data-index="2"] .ww-inspector-summary')).toContainText('SYN');
});

for (const lang of ['zh', 'en']) {
  test.describe(() => {
    test.use({ allowedErrors: /wwp-inspector|Failed to load resource|request failed/ });
    test(`a part that cannot load is told next to the inspector, and Try again loads it (${lang})`, async ({ page }) => {
      // The part's own fetches of its wasm that were refused (not the page's idle prefetch).
      // A refusal waits for `gate` when there is one.
      let block = true, refused = 0, gate = null;
      await page.route(/\/wwp-inspector-[0-9a-f]+_bg\.wasm$/, async (route) => {
        if (!block) return route.continue();
        if (route.request().resourceType() === 'fetch') refused += 1;
        if (gate) await gate;
        return route.abort();
      });
      await open(page, `#/architecture?lang=${lang}`);
      await frame(page, 'cs', 2).click();
      const alert = page.locator('.ww-arch-inspector .ww-error[role="alert"]');
      await expect(alert).toContainText(lang === 'zh' ? '逐字节查看器没能载入' : 'The byte-by-byte inspector could not load');
      expect(refused).toBe(1);
      // The page keeps working meanwhile, and another frame tries the part again: the
      // failure makes way for the attempt, and is told again when that fails too. (Were
      // the files let through before that attempt had failed, it would show the part.)
      let letThrough;
      gate = new Promise((r) => { letThrough = r; });
      await frame(page, 'bs', 2).click();
      await expect(page.locator('.ww-arch-inspector h3')).toContainText('B/S');
      await expect.poll(() => refused).toBe(2);
      await expect(alert).toHaveCount(0);
      await expect(page.locator('.ww-arch-inspector [role="status"]')).toContainText(lang === 'zh' ? '载入' : 'Loading');
      letThrough();
      gate = null;
      await expect(alert).toBeVisible();
      block = false;
      await alert.getByRole('button').click();
      await expect(page.locator('.ww-arch-inspector [data-index="2"] .ww-inspector-summary')).toContainText('SYN');
      await expect(alert).toHaveCount(0);
    });
  });
}
