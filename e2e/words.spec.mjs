// Words and type (issue 16): Chinese set inside monospace text (frame labels on the
// ladder, the inspector's summary line) is drawn with the UI's Chinese font, not a
// monospace CJK face. Chromium's DevTools protocol says which fonts rendered a node's
// glyphs; the computed stack says the choice is the app's, not the platform's fallback.
import { test, expect, open } from './fixtures.mjs';

const CJK = /[\u4e00-\u9fff]/;

/** The font families Chromium used for the text of the first node matching `selector`
 *  whose text holds Chinese. */
async function fontsOfChineseText(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
  for (const nodeId of nodeIds) {
    const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
    if (!CJK.test(outerHTML.replace(/<[^>]*>/g, ''))) continue;
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    await cdp.detach();
    return fonts.map((f) => f.familyName);
  }
  await cdp.detach();
  return null;
}

for (const [what, route, selector] of [
  ['a ladder label', '#/tcp?lang=zh&step=6', '.ww-ladder .ww-arrow-label'],
  ['the inspector summary', '#/tcp?lang=zh&step=6', '.ww-inspector-summary'],
]) {
  test(`Chinese in ${what} is set in the UI's Chinese font, not a monospace CJK face`, async ({ page }) => {
    await open(page, route);
    await expect(page.locator(selector).first()).toBeVisible();
    const fonts = await fontsOfChineseText(page, selector);
    expect(fonts, `no ${selector} with Chinese text`).not.toBeNull();
    // The Latin part stays monospace; the Chinese part comes from the sans CJK face.
    expect(fonts.some((f) => /CJK|PingFang|YaHei/.test(f) && !/Mono/.test(f)), fonts.join(', ')).toBe(true);
    expect(fonts.some((f) => /Mono CJK/.test(f)), fonts.join(', ')).toBe(false);
    // Not left to the platform's fallback (Chromium on Linux happens to pick the sans face;
    // Windows and macOS may pick a monospace or serif CJK one): the element's own stack
    // names the UI's Chinese fonts (Linux, macOS, Windows) before the generic monospace.
    const stack = await page.locator(selector).first().evaluate((e) => getComputedStyle(e).fontFamily);
    const generic = stack.lastIndexOf('monospace');
    for (const family of ['Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei']) {
      const at = stack.indexOf(family);
      expect(at >= 0 && at < generic, `${family} in ${stack}`).toBe(true);
    }
  });
}

// A sentence is set in the UI's type, not in a monospace line: UDP has no TCP states, so
// the line under the narration that names both hosts' states holds a sentence instead
// (seen in tcp-udp-zh-1280x800.png: "UDP 没有连接……" in monospace).
for (const lang of ['zh', 'en']) {
  test(`the UDP narration's sentence under the narration is in the UI font, not monospace (${lang})`, async ({ page }) => {
    await open(page, `#/tcp?variant=udp&lang=${lang}&step=3`);
    const line = page.locator('.ww-narration .ww-narration-states');
    await expect(line).toBeVisible();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.ww-narration .ww-narration-states' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    await cdp.detach();
    const families = fonts.map((f) => f.familyName);
    expect(families.length).toBeGreaterThan(0);
    expect(families.filter((f) => /Mono/.test(f)), families.join(', ')).toEqual([]);
    if (lang === 'zh') expect(families.some((f) => /CJK/.test(f)), families.join(', ')).toBe(true);
    const [own, body] = await line.evaluate((e) => [getComputedStyle(e).fontFamily, getComputedStyle(document.body).fontFamily]);
    expect(own).toBe(body);
  });
}
