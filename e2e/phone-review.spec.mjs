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
