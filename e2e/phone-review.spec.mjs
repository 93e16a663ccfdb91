// Phones (issue 16, the last phone review's leftovers), at 390×844 in zh and en: the TCP
// code pane after a move by hash, the LAN view switcher, the layers' tall cells and the
// addresses' bit grid.
import { test, expect, open, overflowsSideways } from './fixtures.mjs';
import { goTcpFirst } from './hashnav.mjs';

test.use({ viewport: { width: 390, height: 844 } });

/** Each pane's code lines as read (textContent, the line number left out). */
const codeLines = (page) => page.locator('.ww-code').evaluateAll((panes) => panes.map((p) =>
  [...p.querySelectorAll('.ww-code-line')].map((l) => [...l.childNodes]
    .filter((n) => !n.classList?.contains('ww-code-num')).map((n) => n.textContent).join(''))));

test('TCP code pane: a move by hash to the udp variant reads as a fresh load of it', async ({ page }) => {
  await open(page, '#/tcp?lang=en');
  await goTcpFirst(page, '#/tcp?variant=udp&step=0&lang=en', 'udp');
  const moved = await codeLines(page);
  await open(page, '#/tcp?variant=udp&step=0&lang=en');
  const fresh = await codeLines(page);
  // Both panes, with the udp program's blank line in each.
  expect(fresh.length).toBe(2);
  expect(fresh.every((p) => p.includes(''))).toBe(true);
  expect(moved).toEqual(fresh);
});

for (const lang of ['zh', 'en']) {
  test(`LAN view switcher: one row of 44 px targets in every view (${lang})`, async ({ page }) => {
    for (const view of ['switch', 'storm', 'router']) {
      await open(page, `#/lan?view=${view}&lang=${lang}`);
      const boxes = await page.locator('.ww-lan-tab').evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().toJSON()));
      expect(boxes.length).toBe(3);
      expect(boxes.map((b) => Math.round(b.top)), view).toEqual(boxes.map(() => Math.round(boxes[0].top)));
      expect(boxes.filter((b) => b.height < 44 || b.width < 44), view).toEqual([]);
      expect(await overflowsSideways(page), view).toBe(false);
    }
  });

  test(`layers: no cell left blank inside, both models (${lang})`, async ({ page }) => {
    for (const model of ['5', '4']) {
      await open(page, `#/layers?model=${model}&lang=${lang}`);
      // Blank inside a cell: its content box's height less its children's and the gaps
      // between them, wherever the blank sits (centred, spread or at the end).
      const blank = await page.locator('.ww-layer-cell').evaluateAll((cells) => cells.map((c) => {
        const cs = getComputedStyle(c);
        const inner = c.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom);
        const kids = [...c.children].filter((k) => k.getClientRects().length && getComputedStyle(k).position !== 'absolute');
        const used = kids.reduce((sum, k) => sum + k.getBoundingClientRect().height, 0) + (kids.length - 1) * (parseFloat(cs.rowGap) || 0);
        return { layer: `${c.classList.contains('col-osi') ? 'osi' : 'tcpip'} ${c.dataset.layer}`, blank: Math.round(inner - used) };
      }));
      expect(blank.length, model).toBe(model === '5' ? 12 : 11);
      // Not yet: OSI's network cell beside the 4-layer model's two-line "internet" (21 px
      // zh, 40 px en).
      const known = model === '4' ? ['osi network'] : [];
      expect(blank.filter((b) => b.blank > 16 && !known.includes(b.layer)), `model ${model}`).toEqual([]);
      expect(await overflowsSideways(page), model).toBe(false);
    }
  });

  test(`addresses: the bit grid's digits at least 13 px type and box, no sideways scroll (${lang})`, async ({ page }) => {
    await open(page, `#/addresses?lang=${lang}`);
    const small = await page.locator('.ww-ipbit').evaluateAll((bs) => bs.map((b) => {
      const r = document.createRange();
      r.selectNodeContents(b);
      return { box: r.getBoundingClientRect().height, type: parseFloat(getComputedStyle(b).fontSize) };
    }));
    expect(small.length).toBe(32);
    expect(small.filter((s) => s.box < 13 || s.type < 13)).toEqual([]);
    expect(await overflowsSideways(page)).toBe(false);
  });
}
