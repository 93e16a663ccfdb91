// Label collisions (issue 16): in the drawings, no text box overlaps another text, and
// no line or curve runs through a text it does not belong to (geometry.mjs), measured on
// the rendered page at desktop and phone sizes, in zh and en.
import { test, expect, open, wholeLadder } from './fixtures.mjs';
import { blankBlocks, collisions, orphans, touching } from './geometry.mjs';
import { goLan, goTcpFirst, goTcpLast } from './hashnav.mjs';

const SIZES = [[1280, 800], [390, 844]];

for (const lang of ['zh', 'en']) {
  for (const [w, h] of SIZES) {
    test(`TCP state diagram: C and S markers and state names clear of the curves, every step (${lang}, ${w}×${h})`, async ({ page }) => {
      test.slow(); // every step of two variants
      await page.setViewportSize({ width: w, height: h });
      const found = [];
      // The normal exchange passes ten states; a simultaneous close passes CLOSING.
      for (const variant of ['tcp', 'tcp_simultaneous_close']) {
        // One load, then the second variant by its hash (the same scene, not start-up).
        const route = `#/tcp?lang=${lang}&variant=${variant}&step=0`;
        if (variant === 'tcp') await open(page, route);
        else await goTcpFirst(page, route, variant);
        const max = Number((await page.locator('.ww-scrub').getAttribute('max')));
        expect(max).toBeGreaterThan(10);
        const states = new Set();
        for (let step = 0; step <= max; step++) {
          // One round trip per step: press "next" (from step 1 on), wait until the step
          // count shows the step, then read the markers and the states drawn.
          const seen = await page.evaluate(async ({ step, want }) => {
            const count = () => document.querySelector('.ww-step-count').textContent;
            if (step > 0) document.querySelector('.ww-pbtn[data-act="next"]').click();
            const t0 = performance.now();
            while (!count().includes(want)) {
              if (performance.now() - t0 > 5_000) return { timeout: count() };
              await new Promise((r) => requestAnimationFrame(r));
            }
            return {
              marks: document.querySelectorAll('.ww-sd .ww-sd-who').length,
              states: [...document.querySelectorAll('.ww-sd-node.is-client, .ww-sd-node.is-server')].map((e) => e.dataset.state),
            };
          }, { step, want: step === 0 ? '' : lang === 'zh' ? `第 ${step} 步` : `step ${step} of` });
          expect(seen.timeout, `step ${step}: the step count shows it`).toBeUndefined();
          expect(seen.marks, `step ${step}: both markers drawn`).toBe(2);
          for (const st of seen.states) states.add(st);
          for (const c of await collisions(page, '.ww-sd svg')) found.push({ variant, step, ...c });
        }
        if (variant === 'tcp') expect(states.size).toBeGreaterThanOrEqual(10);
        else expect(states.has('CLOSING')).toBe(true);
      }
      expect(found).toEqual([]);
    });

    test(`LAN topology: no label under a box or crossed by a cable (${lang}, ${w}×${h})`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      const found = [];
      for (const route of ['step=0', 'step=14', 'step=1000', 'view=storm&step=60', 'view=storm&step=1000',
        'view=storm&storm.pulled=true&step=12', 'view=router&step=0', 'view=router&step=16', 'view=router&step=1000']) {
        // One load, then the other routes by their hash (the same scene, not start-up).
        if (route === 'step=0') await open(page, `#/lan?lang=${lang}&${route}`);
        else await goLan(page, `#/lan?lang=${lang}&${route}`);
        expect(await page.locator('.ww-lan-topo text').count()).toBeGreaterThan(5);
        // The switch boxes are drawn shapes too: a count or label inside one is covered.
        const boxes = await page.evaluate(() => {
          const texts = [...document.querySelectorAll('.ww-lan-topo .ww-lan-link text, .ww-lan-topo .ww-lan-role')];
          const rects = [...document.querySelectorAll('.ww-lan-topo .ww-lan-node.is-switch rect')].map((r) => r.getBoundingClientRect());
          return texts.flatMap((t) => {
            const b = t.getBoundingClientRect();
            return rects.filter((r) => b.left < r.right - 1 && r.left < b.right - 1 && b.top < r.bottom - 1 && r.top < b.bottom - 1)
              .map(() => ({ what: 'text/box', a: t.textContent }));
          });
        });
        for (const c of [...boxes, ...await collisions(page, '.ww-lan-topo')]) found.push({ route, ...c });
      }
      expect(found).toEqual([]);
    });
  }
}

test('the check sees a collision: a label moved onto a cable is reported', async ({ page }) => {
  await open(page, '#/lan?lang=zh&step=14');
  expect(await collisions(page, '.ww-lan-topo')).toEqual([]);
  // Put the receiver's role label where it used to be, above its screen, on the cable.
  await page.evaluate(() => {
    const t = document.querySelector('.ww-lan-node.is-receiver .ww-lan-role');
    const screen = document.querySelector('.ww-lan-node.is-receiver .ww-lan-screen');
    t.setAttribute('y', String(Number(screen.getAttribute('y')) - 8));
  });
  const found = await collisions(page, '.ww-lan-topo');
  expect(found.some((c) => c.what === 'text/line' && c.a === '接收方')).toBe(true);
});

for (const [w, h] of SIZES) {
  test(`no Chinese character wrapped alone onto a line, no heading broken inside a word, every scene (${w}×${h})`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    const found = [];
    for (const s of ['architecture', 'layers', 'encapsulation', 'addresses', 'lan', 'tcp', 'tcp?step=1000', 'lan?view=storm']) {
      await open(page, `#/${s}${s.includes('?') ? '&' : '?'}lang=zh`);
      for (const o of await orphans(page, 'main', { headings: true })) found.push({ scene: s, ...o });
    }
    expect(found).toEqual([]);
  });
}

// The TCP ladder outside the slide layout: every variant (the loss variants draw a red ✕
// on a lost frame, its payload, "× 丢失" / "RTO … → 重传" notes and the resend arrow), at
// the desktop, the projector and the phone size, with every frame shown. The ✕ is a group
// of its own, so a ✕ on its own frame's payload or label counts too.
const LADDER_VARIANTS = ['tcp', 'tcp_loss', 'tcp_loss_twice', 'tcp_server_close', 'tcp_simultaneous_close', 'refused', 'udp'];
const LADDER_OWN = 'g.ww-drop-x, g[data-frame]';
// The variants whose arrow labels are checked against the lifelines (issue 16).
const LIFELINE_VARIANTS = ['tcp', 'tcp_loss', 'tcp_server_close', 'refused', 'udp'];
for (const lang of ['zh', 'en']) {
  for (const [w, h, theme] of [[1280, 800, ''], [1024, 768, '&theme=projector'], [390, 844, '']]) {
    test(`TCP ladder: no label crossed by an arrow, a ✕ or another label, labels clear of the lifelines, every variant (${lang}, ${w}×${h}${theme ? ', projector' : ''})`, async ({ page }) => {
      test.slow(); // seven variants
      await page.setViewportSize({ width: w, height: h });
      const found = [];
      for (const variant of LADDER_VARIANTS) {
        // One load, then the other variants by their hash (the same scene, not start-up).
        const route = `#/tcp?lang=${lang}&variant=${variant}&step=1000${theme}`;
        if (variant === LADDER_VARIANTS[0]) await open(page, route);
        else await goTcpLast(page, route, variant);
        // The phone's few rows, then all of them.
        for (const c of await collisions(page, '.ww-ladder', { own: LADDER_OWN })) found.push({ variant, rows: 'few', ...c });
        await wholeLadder(page);
        expect(await page.locator('.ww-ladder .ww-arrow:not(.is-future)').count()).toBeGreaterThan(1);
        if (variant.startsWith('tcp_loss')) expect(await page.locator('.ww-ladder .ww-drop-x').count()).toBeGreaterThan(0);
        for (const c of await collisions(page, '.ww-ladder', { own: LADDER_OWN })) found.push({ variant, ...c });
        // Arrow labels clear of the lifelines (was overlaps.spec.mjs, which loaded these
        // same pages again).
        if (LIFELINE_VARIANTS.includes(variant)) {
          expect(await page.locator('.ww-ladder .ww-arrow[data-role="arp_request"] .ww-arrow-label').count(), variant).toBeGreaterThan(0);
          for (const t of await touching(page, '.ww-ladder .ww-arrow-label', '.ww-ladder .ww-lifeline')) found.push({ variant, what: 'label/lifeline', ...t });
        }
        // The phone's ladder keeps "show all" across variants: back to its few rows.
        const fewer = page.locator('.ww-ladder-all[data-all="true"]');
        if (await fewer.count()) {
          await fewer.click();
          await expect(page.locator('.ww-ladder-all')).toHaveAttribute('data-all', 'false');
        }
      }
      expect(found).toEqual([]);
    });
  }
}

test('the ladder check sees a lost frame\'s ✕ on its own payload', async ({ page }) => {
  await open(page, '#/tcp?lang=zh&variant=tcp_loss&step=1000');
  expect(await collisions(page, '.ww-ladder', { own: LADDER_OWN })).toEqual([]);
  // Move the payload of the lost frame onto its ✕.
  await page.evaluate(() => {
    const g = document.querySelector('.ww-ladder .ww-arrow.is-dropped');
    const x = g.querySelector('.ww-drop-x line');
    const p = g.querySelector('.ww-arrow-payload');
    p.setAttribute('x', x.getAttribute('x1'));
    p.setAttribute('y', String(Number(x.getAttribute('y1')) + 10));
  });
  const found = await collisions(page, '.ww-ladder', { own: LADDER_OWN });
  expect(found.some((c) => c.what === 'text/line' && /hello/.test(c.a))).toBe(true);
});

test('the ladder check sees a payload on its own resend arrow (phone)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, '#/tcp?lang=zh&variant=tcp_loss&step=1000');
  await wholeLadder(page);
  expect(await collisions(page, '.ww-ladder', { own: LADDER_OWN })).toEqual([]);
  // The old placement: the resent payload's baseline 4 units under the arrow's end, where
  // its top met the dashed arrow.
  await page.evaluate(() => {
    const g = document.querySelector('.ww-ladder .ww-arrow.is-retrans:not(.is-dropped)');
    const line = g.querySelector('.ww-arrow-line');
    g.querySelector('.ww-arrow-payload').setAttribute('y', String(Number(line.getAttribute('y2')) + 4));
  });
  const found = await collisions(page, '.ww-ladder', { own: LADDER_OWN });
  expect(found.some((c) => c.what === 'text/own line' && /hello/.test(c.a))).toBe(true);
});

// Large blank blocks beside a taller column (issue 16): the architecture lists, the
// refused TCP connection, the storm view and the addresses cards re-laid out so that no
// column ends far above its neighbour, at the desktop and projector sizes, in zh and en.
// The LAN switch view's lesson sits under its short MAC table, beside the drawing.
const BLANK_ROUTES = ['#/architecture', '#/architecture?net=data', '#/tcp?variant=refused&step=1000',
  '#/lan?step=14', '#/lan?view=storm&step=60', '#/lan?view=storm&storm.pulled=true&step=12', '#/addresses'];
for (const lang of ['zh', 'en']) {
  for (const [w, h, theme] of [[1280, 800, ''], [1024, 768, '&theme=projector']]) {
    test(`no large blank block beside a taller column (${lang}, ${w}×${h}${theme ? ', projector' : ''})`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      const found = [];
      for (const route of BLANK_ROUTES) {
        // The LAN's storm views by the hash from its switch view, loaded just before.
        const at = `${route}${route.includes('?') ? '&' : '?'}lang=${lang}${theme}`;
        if (route.startsWith('#/lan?view=storm')) await goLan(page, at);
        else await open(page, at);
        for (const b of await blankBlocks(page)) found.push({ route, ...b });
      }
      expect(found).toEqual([]);
    });
  }
}

test('the blank check sees a short column beside a tall one', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, '#/addresses?lang=en');
  expect(await blankBlocks(page)).toEqual([]);
  // The old layout: the ranges and IPv6 inside the IPv4 card, beside the MAC card.
  await page.evaluate(() => {
    const more = document.querySelector('.ww-addr-more');
    document.querySelector('.ww-addr-ip').append(...more.children);
    more.remove();
  });
  const found = await blankBlocks(page);
  expect(found.some((b) => /ww-addr-mac/.test(b.column))).toBe(true);
});

test('the blank check sees the LAN switch view\'s MAC table alone beside the drawing', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, '#/lan?lang=zh&step=14');
  expect(await blankBlocks(page)).toEqual([]);
  // The old layout: the lesson under the drawing, the side column holding the table only.
  await page.evaluate(() => document.querySelector('.ww-lan-stage').append(document.querySelector('.ww-lan-side > .ww-lan-lesson')));
  const found = await blankBlocks(page);
  expect(found.some((b) => /ww-lan-side/.test(b.column))).toBe(true);
});

// The playground's own programs (its presets) draw their ladders with the same widget.
for (const lang of ['zh', 'en']) {
  for (const [w, h] of SIZES) {
    test(`TCP ladder of every playground preset: no collisions (${lang}, ${w}×${h})`, async ({ page }) => {
      test.slow(); // four programs run in the simulated network
      await page.setViewportSize({ width: w, height: h });
      await open(page, `#/tcp?lang=${lang}`);
      await page.locator('[data-play="toggle"]').click();
      const presets = await page.locator('#play-preset option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
      expect(presets.length).toBeGreaterThanOrEqual(4);
      const found = [];
      for (const p of presets) {
        await page.locator('#play-preset').selectOption(p);
        await expect(page.locator('.ww-play-busy')).toHaveAttribute('data-busy', 'false');
        await expect(page.locator('.ww-arrow').first()).toBeAttached();
        const last = page.locator('.ww-pbtn[data-act="last"]');
        if (await last.isEnabled()) await last.click();
        await wholeLadder(page);
        expect(await page.locator('.ww-ladder .ww-arrow:not(.is-future)').count()).toBeGreaterThan(1);
        for (const c of await collisions(page, '.ww-ladder', { own: LADDER_OWN })) found.push({ preset: p, ...c });
      }
      expect(found).toEqual([]);
    });
  }
}
