// Phones (issue 16): the TCP scene's ladder draws a few rows around the current frame
// (widgets::ladder::PHONE_ROWS), with the frames left out counted and a button that draws
// them all; the capture scene's ladder, the same widget, too.
import { test, expect, open, overflowsSideways } from './fixtures.mjs';
import fs from 'node:fs';
import { nativeTrace } from './engine.mjs';

const SHOTS = 'e2e/artifacts/screens';
const PHONE = { width: 390, height: 844 };

test.use({ viewport: PHONE });

// The whole phone ladder was 1,000-1,400 px of mostly future arrows: the narration and
// the player were a long scroll away from the current arrow.
for (const lang of ['zh', 'en']) {
  test(`the ladder draws a few rows around the current frame, counts the rest, and keeps the current arrow on screen (${lang})`, async ({ page }) => {
    test.slow(); // every step of the trace, twice
    const w = lang === 'zh' ? { later: /^↓ 后面还有 \d+ 帧$/, earlier: /^↑ 前面还有 \d+ 帧$/, all: /^显示全部 \d+ 帧$/ }
      : { later: /^↓ \d+ frames? to come$/, earlier: /^↑ \d+ frames? before these$/, all: /^Show all \d+ frames$/ };
    const { json } = nativeTrace('tcp');
    const frames = json.frames.length;
    const ladder = page.locator('.ww-tcp-ladder');
    const svg = ladder.locator('svg.ww-ladder');
    const later = ladder.locator('.ww-ladder-cue.is-later');
    const earlier = ladder.locator('.ww-ladder-cue.is-earlier');
    // The drawing with its cues and button (not the export buttons under them).
    const height = () => ladder.evaluate((l) => {
      const boxes = [...l.querySelectorAll(':scope > :is(.ww-ladder-cue, svg.ww-ladder, .ww-ladder-more)')].map((e) => e.getBoundingClientRect());
      return Math.max(...boxes.map((b) => b.bottom)) - Math.min(...boxes.map((b) => b.top));
    });
    for (const at of ['tcp', 'tcp?predict=1']) {
      await open(page, `#/${at}${at.includes('?') ? '&' : '?'}lang=${lang}&step=0`);
      // Step 0: four rows, the others counted under them.
      await expect(svg.locator('.ww-arrow')).toHaveCount(4);
      await expect(later).toHaveText(w.later);
      expect(Number((await later.innerText()).match(/\d+/)[0])).toBe(frames - 4);
      await expect(earlier).toHaveCount(0);
      await expect(ladder.locator('.ww-ladder-all')).toHaveText(w.all);
      expect(await height(), `${at} step 0`).toBeLessThanOrEqual(520);
      // Predict mode draws no future frame's words.
      if (at.includes('predict')) {
        const future = await svg.locator('.ww-arrow.is-future text').evaluateAll((ts) => ts.filter((t) => getComputedStyle(t).opacity !== '0').length);
        expect(future).toBe(0);
      }
    }
    // Stepping with the ladder on screen: the current arrow stays on screen, the drawing
    // a few rows tall, frames before and after counted.
    await open(page, `#/tcp?lang=${lang}&step=0`);
    await svg.evaluate((e) => e.scrollIntoView({ block: 'start' }));
    let most = 0;
    let seen = 0;
    for (let step = 1; step <= json.events.length; step++) {
      await page.keyboard.press('ArrowRight');
      // One round trip: wait for the step in the URL, then measure the drawing's height
      // and the current arrow's box.
      const m = await ladder.evaluate(async (l, step) => {
        const re = new RegExp(`step=${step}\\b`);
        const t0 = performance.now();
        while (!re.test(location.href)) {
          if (performance.now() - t0 > 5_000) return { url: location.href };
          await new Promise((r) => requestAnimationFrame(r));
        }
        const boxes = [...l.querySelectorAll(':scope > :is(.ww-ladder-cue, svg.ww-ladder, .ww-ladder-more)')].map((e) => e.getBoundingClientRect());
        const cur = l.querySelector('svg.ww-ladder .ww-arrow.is-current .ww-arrow-line')?.getBoundingClientRect();
        return {
          height: Math.max(...boxes.map((b) => b.bottom)) - Math.min(...boxes.map((b) => b.top)),
          cur: cur && { y: cur.y, height: cur.height },
        };
      }, step);
      expect(m.url, `step ${step} in the URL`).toBeUndefined();
      most = Math.max(most, m.height);
      if (m.cur) {
        seen++;
        expect(m.cur.y, `step ${step}`).toBeGreaterThanOrEqual(0);
        expect(m.cur.y + m.cur.height, `step ${step}`).toBeLessThanOrEqual(PHONE.height);
      }
    }
    expect(seen).toBe(frames);
    expect(most, 'tallest').toBeLessThanOrEqual(520);
    // The end: the last four rows, the frames before them counted, none to come.
    await expect(svg.locator('.ww-arrow')).toHaveCount(4);
    await expect(earlier).toHaveText(w.earlier);
    expect(Number((await earlier.innerText()).match(/\d+/)[0])).toBe(frames - 4);
    await expect(later).toHaveCount(0);
    // "Show all" draws every frame, and takes them away again.
    await ladder.locator('.ww-ladder-all').click();
    await expect(svg.locator('.ww-arrow')).toHaveCount(frames);
    await expect(earlier).toHaveCount(0);
    expect(await overflowsSideways(page)).toBe(false);
    await ladder.locator('.ww-ladder-all').click();
    await expect(svg.locator('.ww-arrow')).toHaveCount(4);
    await page.screenshot({ path: `${SHOTS}/phone-tcp-ladder-end-${lang}-390x844.png`, animations: 'disabled' });
  });
}

test('a loaded capture\'s ladder draws a few rows too, the last frame played on screen (zh and en)', async ({ page }) => {
  for (const [lang, later] of [['zh', /^↓ 后面还有 \d+ 帧$/], ['en', /^↓ \d+ frames? to come$/]]) {
    await open(page, `#/capture?lang=${lang}`);
    await page.locator('#capture-file').setInputFiles('engine/tests/captures/offload.pcap');
    const svg = page.locator('.ww-tcp-ladder svg.ww-ladder');
    await expect(svg.locator('.ww-arrow')).toHaveCount(4);
    await expect(page.locator('.ww-ladder-cue.is-later')).toHaveText(later);
    await svg.evaluate((e) => e.scrollIntoView({ block: 'start' }));
    // The player's keys (the file input keeps them while it has the focus).
    await page.evaluate(() => document.activeElement?.blur());
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
    await expect(svg.locator('.ww-arrow')).toHaveCount(4);
    await expect(page.locator('.ww-ladder-cue.is-earlier')).toHaveCount(1);
    // The last frame played (a step may be a state change, with no current arrow).
    const b = await svg.locator('.ww-arrow:not(.is-future) .ww-arrow-line').last().boundingBox();
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.y + b.height).toBeLessThanOrEqual(PHONE.height);
    expect(await overflowsSideways(page)).toBe(false);
    await page.screenshot({ path: `${SHOTS}/phone-capture-ladder-${lang}-390x844.png`, animations: 'disabled' });
  }
});

// The exports copy the ladder as drawn; on a phone that was the four rows on screen.
test('on a phone the SVG and PNG exports hold every frame, and the page keeps its few rows', async ({ page }) => {
  const { json } = nativeTrace('tcp');
  await open(page, '#/tcp?lang=en&step=14');
  const svg = page.locator('.ww-tcp-ladder svg.ww-ladder');
  await expect(svg.locator('.ww-arrow')).toHaveCount(4);
  const [svgDl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="svg"]').click()]);
  const xml = fs.readFileSync(await svgDl.path(), 'utf8');
  const exported = new Set([...xml.matchAll(/data-frame="(\d+)"/g)].map((m) => m[1]));
  expect(exported.size).toBe(json.frames.length);
  await expect(svg.locator('.ww-arrow')).toHaveCount(4);
  const [pngDl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="png"]').click()]);
  const png = fs.readFileSync(await pngDl.path());
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  // Its height (2× the SVG's units) is the whole ladder's, not the four rows'.
  const whole = Number(xml.match(/viewBox="[^"]*? ([\d.]+)"/)[1]);
  expect(png.readUInt32BE(20)).toBe(Math.round(whole * 2));
  await expect(svg.locator('.ww-arrow')).toHaveCount(4);
  await expect(page.locator('[data-export-error]')).toHaveCount(0);
});

// The few rows start under the host names and addresses: the top row's state name sat
// right under the host's IP (2 px between their boxes, read as one crammed stack); a
// clear gap of at least 6 px.
for (const lang of ['zh', 'en']) {
  test(`the top row's state names stand at least 6 px clear of the host names and addresses, every step (${lang})`, async ({ page }) => {
    test.slow(); // every step of three variants
    const found = [];
    for (const variant of ['tcp', 'tcp_loss_twice', 'tcp_simultaneous_close']) {
      const { json } = nativeTrace(variant);
      await open(page, `#/tcp?lang=${lang}&variant=${variant}&step=0`);
      for (let step = 0; step <= json.events.length; step++) {
        if (step > 0) await page.keyboard.press('ArrowRight');
        // One round trip: wait for the step in the URL, then measure.
        const hits = await page.locator('svg.ww-ladder').evaluate(async (svg, step) => {
          const re = new RegExp(`step=${step}\\b`);
          const t0 = performance.now();
          while (!re.test(location.href)) {
            if (performance.now() - t0 > 5_000) return [`the URL never showed step ${step}: ${location.href}`];
            await new Promise((r) => requestAnimationFrame(r));
          }
          const shown = (t) => Number(getComputedStyle(t).opacity) > 0.05;
          const box = (t) => t.getBoundingClientRect();
          const heads = [...svg.querySelectorAll('.ww-host-name, .ww-host-ip')].map((t) => [t.textContent, box(t)]);
          const out = [];
          for (const m of svg.querySelectorAll('.ww-state-mark')) {
            if (!shown(m)) continue;
            const r = box(m);
            for (const [name, h] of heads) {
              const gap = Math.max(r.top - h.bottom, h.top - r.bottom);
              if (r.left < h.right && h.left < r.right && gap < 6) out.push(`${m.textContent} ${gap.toFixed(1)} px from ${name}`);
            }
          }
          return out;
        }, step);
        for (const h of hits) found.push(`${variant} step ${step}: ${h}`);
      }
    }
    expect(found).toEqual([]);
  });
}

// Review of issue 16: after "show all" the button that takes the rows away again stood
// alone at the ladder box's inner edge, 8 px left of the download buttons under it (which
// sit in a padded row). Its left edge is theirs, and the cue beside it keeps its inset.
test('after "show all" the ladder\'s button lines up with the download buttons (zh, en)', async ({ page }) => {
  const problems = [];
  for (const lang of ['zh', 'en']) {
    await open(page, `#/tcp?lang=${lang}&step=14`);
    const ladder = page.locator('.ww-tcp-ladder');
    const left = (sel) => ladder.locator(sel).first().evaluate((e) => Math.round(e.getBoundingClientRect().left));
    const textLeft = (sel) => ladder.locator(sel).first().evaluate((e) => {
      const r = document.createRange();
      r.selectNodeContents(e);
      return Math.round(r.getClientRects()[0].left);
    });
    // A few rows with frames left out both ways: the cue under the drawing starts where
    // the one above it does.
    for (let i = 0; i < 60 && !(await ladder.locator('.ww-ladder-cue.is-earlier').count()); i++) await page.locator('.ww-pbtn[data-act="next"]').click();
    await expect(ladder.locator('.ww-ladder-cue.is-later')).toHaveCount(1);
    const [earlier, later] = [await textLeft('.ww-ladder-cue.is-earlier'), await textLeft('.ww-ladder-cue.is-later')];
    if (Math.abs(later - earlier) > 1) problems.push(`${lang}: cue under the drawing at ${later}, above it at ${earlier}`);
    await ladder.locator('.ww-ladder-all').click();
    await expect(ladder.locator('.ww-ladder-all')).toHaveAttribute('data-all', 'true');
    const [button, download] = [await left('.ww-ladder-all'), await left('.ww-export .ww-btn')];
    if (Math.abs(button - download) > 1) problems.push(`${lang}: show-only button at ${button}, downloads at ${download}`);
  }
  expect(problems).toEqual([]);
});
