// The layers scene: OSI beside TCP/IP 5 or 4, aligned and numbered bottom-up, the
// course's five layers marked, and every layer a link to its encapsulation step.
import { test, expect, open, overflowsSideways } from './fixtures.mjs';

test('OSI 7 beside TCP/IP 5, toggled to 4, numbered bottom-up', async ({ page }) => {
  await open(page, '#/layers?lang=en');
  const osi = page.locator('.ww-layer-cell.col-osi');
  await expect(osi).toHaveCount(7);
  expect(await osi.locator('.ww-layer-num').allTextContents()).toEqual(['7', '6', '5', '4', '3', '2', '1']);
  const tcpip = page.locator('.ww-layer-cell.col-tcpip');
  await expect(tcpip).toHaveCount(5);
  await expect(page.locator('.ww-layer-cell.is-course')).toHaveCount(5);
  expect(await tcpip.locator('.ww-layer-title').allTextContents()).toEqual(['Application', 'Transport', 'Network', 'Data link', 'Physical']);
  await expect(page.locator('.ww-layer-details')).toHaveCount(5);
  await expect(page.locator('.ww-layer-details[data-layer="transport"]')).toContainText('TCP, UDP');
  await expect(page.locator('.ww-layer-details[data-layer="link"]')).toContainText('switch');
  await expect(page.locator('.ww-layer-details[data-layer="network"]')).toContainText('router');
  await page.locator('.ww-seg-btn[data-model="4"]').click();
  await expect(page.locator('.ww-layers')).toHaveAttribute('data-model', '4');
  await expect.poll(() => new URL(page.url()).hash).toContain('model=4');
  await expect(tcpip).toHaveCount(4);
  expect(await tcpip.locator('.ww-layer-num').allTextContents()).toEqual(['4', '3', '2', '1']);
  // The application row spans OSI 5–7 and the network access row spans OSI 1–2: same heights.
  const box = async (loc) => loc.boundingBox();
  const app = await box(tcpip.first());
  const osiApp = await box(osi.first());
  const osiSess = await box(osi.nth(2));
  expect(Math.abs(app.y - osiApp.y)).toBeLessThan(2);
  expect(Math.abs(app.y + app.height - (osiSess.y + osiSess.height))).toBeLessThan(2);
  await page.reload();
  await page.locator('main[data-ready="true"]').waitFor();
  await expect(tcpip).toHaveCount(4);
});

test('a TCP/IP cell spanning several OSI rows says which (no blank card), in zh and en, 5 and 4 layers', async ({ page }) => {
  for (const [lang, words] of [['zh', '会话层'], ['en', 'session']]) {
    for (const model of ['5', '4']) {
      await open(page, `#/layers?lang=${lang}&model=${model}`);
      const spanning = await page.locator('.ww-layer-cell.col-tcpip').evaluateAll((cells) => cells
        .filter((c) => {
          // grid-row: from / to; a cell spanning more than one OSI row.
          const [, from, to] = /grid-row:(\d+) \/ (\d+)/.exec(c.dataset.style ?? '') ?? [];
          return Number(to) - Number(from) > 1;
        })
        .map((c) => ({ layer: c.dataset.layer, desc: c.querySelector('.ww-layer-desc')?.textContent ?? '' })));
      expect(spanning.length, `${lang} ${model}`).toBeGreaterThan(0);
      for (const c of spanning) expect(c.desc, `${lang} ${model} ${c.layer}`).not.toBe('');
      await expect(page.locator('.ww-layer-cell.col-tcpip[data-layer="app"] .ww-layer-desc')).toContainText(words);
    }
  }
});

test('a click on a layer opens the encapsulation at the step that shows it', async ({ page }) => {
  // The click reloads the page with the encapsulation bundle, whose pre-rendered page shows
  // beside the app while it builds: wait until it is ready, and read the app's (.ww-host).
  const opened = async (level) => {
    await page.locator('main[data-ready="true"][data-scene="encapsulation"]').waitFor();
    await expect(page.locator('.ww-host .ww-enc')).toHaveAttribute('data-level', level);
  };
  await open(page, '#/layers?lang=zh');
  await page.locator('.ww-layer-cell.col-tcpip[data-layer="network"]').click();
  await opened('net');
  await expect.poll(() => new URL(page.url()).hash).toContain('step=2');
  await open(page, '#/layers?lang=en');
  await page.locator('.ww-layer-cell.col-osi[data-layer="osi_pres"]').click();
  await opened('app');
  await open(page, '#/layers?lang=en');
  await page.locator('.ww-layer-cell.col-osi[data-layer="physical"]').click();
  await opened('phy');
  await expect(page.locator('.ww-host .ww-bits')).toBeVisible();
});

test.describe('screenshots', () => {
  for (const [w, h] of [[1280, 800], [390, 844]]) {
    for (const lang of ['zh', 'en']) {
      test(`${w}x${h} ${lang}`, async ({ page }) => {
        await page.setViewportSize({ width: w, height: h });
        for (const model of ['5', '4']) {
          await open(page, `#/layers?lang=${lang}&model=${model}`);
          expect(await overflowsSideways(page), `model ${model} overflows at ${w}px`).toBe(false);
          await page.screenshot({ path: `e2e/artifacts/screens/layers-${model}-${lang}-${w}x${h}.png`, fullPage: true, animations: 'disabled' });
        }
      });
    }
  }
});
