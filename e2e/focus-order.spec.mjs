// Keyboard and screen-reader order (issue 16). On a phone the TCP scene shows its player,
// narration, ladder and states before the settings (styles/tcp.css); the focus order must
// follow, so a keyboard user reaches the player as early as a sighted one. On a desktop
// the settings come first, on screen and in the focus order.
import { test, expect, open } from './fixtures.mjs';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const PLAY = '.ww-player [data-act="play"]';

/** Tab from the top of the page until `stop` has focus (at most `max` presses): each
 *  focused element in the scene, with its place on the page. */
async function tabUntil(page, stop, max = 80) {
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  const seen = [];
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate((stop) => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      const r = e.getBoundingClientRect();
      return {
        what: e.id ? `#${e.id}` : `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`,
        top: r.top + scrollY,
        inScene: !!e.closest('.ww-tcp'),
        inSettings: !!e.closest('.ww-tcp-controls'),
        isStop: e.matches(stop),
      };
    }, stop);
    if (f) seen.push({ ...f, presses: i });
    if (f?.isStop) return seen;
  }
  return seen;
}

for (const lang of ['zh', 'en']) {
  test(`phones: Tab reaches the TCP player before the settings, as the eye does (${lang})`, async ({ page }) => {
    await page.setViewportSize(PHONE);
    await open(page, `#/tcp?lang=${lang}`);
    const seen = await tabUntil(page, PLAY);
    const last = seen.at(-1);
    expect(last?.isStop, `focus never reached the play button: ${seen.map((s) => s.what).join(' ')}`).toBe(true);
    console.log(`${lang}: ${last.presses} Tab presses to the play button`);
    const settings = seen.filter((s) => s.inSettings).map((s) => s.what);
    expect(settings, 'settings focused before the player').toEqual([]);
    // What comes before the player in the scene is what shows above it: its title
    // area (the playground switch), nothing under it.
    const inScene = seen.filter((s) => s.inScene && !s.isStop);
    expect(inScene.length).toBeLessThanOrEqual(1);
    for (const s of inScene) expect(s.top, `${s.what} is focused before the player but shows under it`).toBeLessThan(last.top);
    // The settings follow the states on screen, and in the focus order they come after
    // the ladder's buttons and before the state machine, programs and inspector.
    const variant = page.locator('#tcp-variant');
    const order = await page.evaluate(() => {
      const all = [...document.querySelectorAll('.ww-tcp :is(button, select, input, a[href], [tabindex="0"])')];
      const at = (sel) => all.indexOf(document.querySelector(sel));
      return { play: at('.ww-player [data-act="play"]'), export: at('[data-export="png"]'), variant: at('#tcp-variant') };
    });
    expect(order.variant).toBeGreaterThan(order.export);
    expect(order.export).toBeGreaterThan(order.play);
    // Still a working form.
    await variant.focus();
    await variant.selectOption('tcp_loss');
    await expect(page.locator('.ww-tcp')).toHaveAttribute('data-variant', 'tcp_loss');
  });

  test(`desktops: the settings come before the player, on screen and for Tab (${lang})`, async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await open(page, `#/tcp?lang=${lang}`);
    const seen = await tabUntil(page, PLAY);
    expect(seen.at(-1)?.isStop).toBe(true);
    expect(seen.some((s) => s.what === '#tcp-variant')).toBe(true);
    const top = (sel) => page.locator(sel).first().evaluate((e) => e.getBoundingClientRect().top + scrollY);
    expect(await top('.ww-tcp-controls')).toBeLessThan(await top('.ww-player'));
    expect(await top('.ww-player')).toBeLessThan(await top('svg.ww-ladder'));
  });
}

// The playground (Edit the programs) keeps its few settings (lost frame, delayed ACK,
// predict) in the page before the player: on a phone they showed under the states, so
// Tab met them before the player although they sat far below it.
for (const lang of ['zh', 'en']) {
  test(`phones: in the playground Tab meets nothing before the player that shows under it (${lang})`, async ({ page }) => {
    await page.setViewportSize(PHONE);
    await open(page, `#/tcp?lang=${lang}`);
    await page.locator('[data-play="toggle"]').click();
    await expect(page.locator('.ww-player [data-act="play"]')).toBeVisible();
    const seen = await tabUntil(page, PLAY);
    const last = seen.at(-1);
    expect(last?.isStop, seen.map((s) => s.what).join(' ')).toBe(true);
    const below = seen.filter((s) => s.inScene && !s.isStop && s.top > last.top).map((s) => `${s.what} at ${Math.round(s.top)} px`);
    expect(below, `focused before the play button (at ${Math.round(last.top)} px) but shown under it`).toEqual([]);
    await expect(page.locator('#tcp-loss')).toBeVisible();
  });
}
