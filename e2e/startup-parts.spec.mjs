// The TCP scene's start-up behind its pre-rendered page: the player and the narration
// first, then the ladder, the state machine, the programs, the frame list and the
// inspector, each in a task of its own (src/widgets/later.rs), so no task of the start-up
// does all of them at once.
import { test, expect, open } from './fixtures.mjs';

test('the TCP scene mounts its ladder, state machine, programs, frame list and inspector one task each, in that order', async ({ page }) => {
  await page.addInitScript(() => {
    window.__parts = [];
    const parts = { ladder: '.ww-ladder', states: '.ww-sd', code: '.ww-code', list: '.ww-frame-list', inspector: '.ww-tcp-inspector' };
    // One callback per task that changed the page (mutation records are delivered at
    // the task's end): what of the app's own page is in by then.
    new MutationObserver(() => {
      const app = document.querySelector('.ww-host');
      if (!app?.querySelector('.ww-player')) return;
      const seen = Object.keys(parts).filter((k) => app.querySelector(parts[k])).join(' ');
      if (window.__parts.at(-1) !== seen) window.__parts.push(seen);
    }).observe(document, { childList: true, subtree: true });
  });
  await open(page, '#/tcp?lang=en');
  expect(await page.evaluate(() => window.__parts)).toEqual([
    '',
    'ladder',
    'ladder states',
    'ladder states code',
    'ladder states code list',
    'ladder states code list inspector',
  ]);
});
