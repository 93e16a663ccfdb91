// The socket playground (issue 13): the TCP scene's programs become editors; every edit
// runs the student's Python on the simulated network again. Checked here: an edit changes
// the ladder, a syntax error is marked at its line (the last good run stays), a preset,
// the 粘包 moment, the programs surviving a reload through the URL, the link's size limit,
// a bad value in the link, and the phone layout.
import { test, expect, open, overflowsSideways } from './fixtures.mjs';

const roles = (page) => page.locator('.ww-arrow').evaluateAll((els) => els.map((e) => e.dataset.role));
const idle = (page) => expect(page.locator('.ww-play-busy')).toHaveAttribute('data-busy', 'false');

async function openPlayground(page, query = 'lang=en') {
  await open(page, `#/tcp?${query}`);
  await page.locator('[data-play="toggle"]').click();
  await expect(page.locator('#play-client')).toBeVisible();
  await idle(page);
  await expect(page.locator('.ww-arrow').first()).toBeVisible();
}

// A client that connects to a port where nobody listens.
const REFUSED_CLIENT = `import socket

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try:
    s.connect(('192.168.1.20', 9999))
except ConnectionRefusedError:
    print('refused')
s.close()
`;

test('editing the client program changes the ladder, and the output pane shows its print', async ({ page }) => {
  await openPlayground(page);
  const before = await roles(page);
  expect(before).toContain('syn');
  expect(before).not.toContain('rst');
  await page.locator('#play-client').fill(REFUSED_CLIENT);
  await expect.poll(() => roles(page)).toContain('rst');
  await idle(page);
  await page.locator('#play-client').blur();
  await page.keyboard.press('End');
  await expect(page.locator('.ww-output-body')).toContainText('refused');
  // The line of the last call is lit in the editor as the player moves.
  await expect(page.locator('.ww-editor .ww-code-line.is-current').first()).toBeVisible();
});

test('a syntax error is marked at its line with a message, and the last good run stays', async ({ page }) => {
  await openPlayground(page);
  const arrows = await page.locator('.ww-arrow').count();
  await page.locator('#play-server').fill('import socket\n\nserver = socket.socket(\nprint("never")\n');
  const err = page.locator('[data-side="server"] .ww-editor-errors li');
  await expect(err.first()).toBeVisible();
  const line = await err.first().getAttribute('data-error-line');
  expect(Number(line)).toBeGreaterThanOrEqual(3);
  await expect(page.locator(`[data-side="server"] .ww-code-line[data-line="${line}"]`)).toHaveClass(/has-error/);
  await expect(err.first()).toContainText(`Line ${line}:`);
  await expect(page.locator('[data-play-errors]')).toBeVisible();
  // One status for the run on screen: the last one that worked, never "the latest run".
  await idle(page);
  await expect(page.locator('.ww-play-busy')).toHaveAttribute('data-status', 'play.kept');
  await expect(page.locator('.ww-play-busy')).toHaveText('Showing the last run that worked');
  await expect(page.getByText('Showing the latest run')).toHaveCount(0);
  await expect(page.locator('.ww-arrow')).toHaveCount(arrows);
  await expect(page.locator('#play-server')).toHaveAttribute('aria-invalid', 'true');
});

// FIXME: on the merged build no step showed .ww-narration .is-sticky in the browser (the
// native model test sticky_packets_mark_the_servers_recv_line passes); to be looked into.
test('the 粘包 preset highlights the recv that returned two sends', async ({ page }) => {
  await openPlayground(page);
  await page.locator('#play-preset').selectOption('program.preset.sticky_packets');
  await expect(page.locator('#play-client')).toHaveValue(/send\(b'two'\)/);
  await idle(page);
  const first = page.locator('.ww-pbtn[data-act="first"]');
  if (await first.isEnabled()) await first.click();
  const count = await page.locator('.ww-scrub, input[type="range"]').first().getAttribute('max');
  let found = false;
  // The player's own button, not arrow keys: keys go to whichever control has the focus.
  for (let i = 0; i < Number(count ?? 200) && !found; i++) {
    await page.locator('.ww-pbtn[data-act="next"]').click();
    found = await page.locator('.ww-narration .is-sticky').first().isVisible();
  }
  expect(found, 'a step narrates 粘包').toBe(true);
  await expect(page.locator('[data-side="server"] .ww-code-line.is-marked')).toHaveCount(1);
  // The server prints what it got a few steps later; the output pane shows up to the step.
  await page.locator('.ww-pbtn[data-act="last"]').click();
  await expect(page.locator('.ww-output-body')).toContainText("b'onetwo'");
  // Reset brings the preset back after an edit.
  await page.locator('#play-client').fill('import socket\n');
  await page.locator('[data-play="reset"]').click();
  await expect(page.locator('#play-client')).toHaveValue(/send\(b'two'\)/);
});

test('the programs live in the URL: a reload keeps the edited code', async ({ page }) => {
  await openPlayground(page);
  await expect.poll(() => new URL(page.url()).hash).toMatch(/client=[A-Za-z0-9_-]+/);
  const first = new URL(page.url()).hash;
  await page.locator('#play-client').fill(REFUSED_CLIENT);
  // The link is written after the debounce and the browser's compression, and the step
  // may move in between: wait until the hash has changed and then stays put.
  await expect.poll(async () => {
    const a = new URL(page.url()).hash;
    await page.waitForTimeout(500);
    return a !== first && a === new URL(page.url()).hash;
  }).toBe(true);
  const url = page.url();
  expect(url.length).toBeLessThan(4096 * 2 + 200);
  await page.goto('about:blank');
  await page.goto(url);
  await page.locator('main[data-ready="true"]').waitFor();
  await expect(page.locator('#play-client')).toHaveValue(REFUSED_CLIENT);
  await expect.poll(() => roles(page)).toContain('rst');
  await expect(page.locator('[data-play="toggle"]')).toHaveAttribute('aria-pressed', 'true');
});

test('a program too long for the link gets a message beside its editor, and still runs', async ({ page }) => {
  await openPlayground(page);
  // Comments of pseudo-random letters: valid Python that DEFLATE cannot shrink enough.
  let x = 12345;
  const rnd = () => { x = (x * 1103515245 + 12345) % 2147483648; return x; };
  const lines = Array.from({ length: 90 }, () => '# ' + Array.from({ length: 70 }, () => String.fromCharCode(97 + (rnd() % 26))).join(''));
  await page.locator('#play-client').fill(`${lines.join('\n')}\n${REFUSED_CLIENT}`);
  await expect(page.locator('[data-share-error="client"]')).toContainText('too long for the link');
  await expect.poll(() => roles(page)).toContain('rst');
});

test('an undecodable program in the link gets a message, and the example runs instead', async ({ page }) => {
  await open(page, '#/tcp?lang=en&client=AAAAAAAA');
  await expect(page.locator('[data-share-error="client"]')).toContainText('cannot be read');
  await expect(page.locator('#play-client')).toHaveValue(/import socket/);
  await expect(page.locator('.ww-arrow').first()).toBeVisible();
});

test.describe('screenshots', () => {
  for (const [w, h] of [[1280, 800], [390, 844]]) {
    for (const lang of ['zh', 'en']) {
      test(`playground ${lang} ${w}x${h}`, async ({ page }) => {
        await page.setViewportSize({ width: w, height: h });
        await openPlayground(page, `lang=${lang}`);
        await page.locator('#play-server').fill('import socket\n\nserver = socket.socket(\n');
        await expect(page.locator('[data-side="server"] .ww-editor-errors li').first()).toBeVisible();
        await page.locator('#play-server').blur();
        await page.keyboard.press('End');
        expect(await overflowsSideways(page), 'no sideways scroll of the page').toBe(false);
        const font = await page.locator('#play-client').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
        expect(font).toBeGreaterThanOrEqual(14);
        const toggle = await page.locator('[data-play="toggle"]').boundingBox();
        expect(toggle.height).toBeGreaterThanOrEqual(44);
        await page.screenshot({ path: `e2e/artifacts/screens/playground-${lang}-${w}x${h}.png`, fullPage: true, animations: 'disabled' });
      });
    }
  }
});
