// Moving a page already open on a scene to another route of the same scene by its hash
// (as a link or back/forward does, no new document), for the walks over many routes of
// one scene that are about the drawing, not start-up: a load costs about a second of CPU.
import { expect } from './fixtures.mjs';

/** Moves a page open on the LAN scene to another of its routes (`#/lan?…&view=…&step=…`)
 *  by its hash, as a link or back/forward does, without a new document; waits until the
 *  scene shows that view, step (a step past the end: the last) and pulled cable, then a
 *  frame more for the app's effects and for its CSS transitions to end. Measured against
 *  fresh loads of the same routes: every box, stroke, fill and visibility in the drawing
 *  and the scene's text the same. A load costs about a second of CPU; this a few ms. */
export async function goLan(page, route) {
  const p = new URLSearchParams(route.split('?')[1]);
  const want = { view: p.get('view') ?? 'switch', step: true, pulled: p.get('storm.pulled') === 'true' };
  const got = await page.evaluate(async ({ hash, step, want }) => {
    location.hash = hash;
    const read = () => {
      const scrub = document.querySelector('.ww-scrub');
      const pull = document.querySelector('#lan-pull');
      return {
        view: document.querySelector('.ww-lan')?.dataset.view,
        step: !!scrub && Math.min(step, Number(scrub.max)) === Number(scrub.value),
        pulled: pull?.getAttribute('aria-pressed') === 'true',
      };
    };
    const got = await window.__wwUntil(read, (g) => g.view === want.view && g.step && g.pulled === want.pulled);
    await new Promise((r) => requestAnimationFrame(r));
    await Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished.catch(() => {})));
    return got;
  }, { hash: route.slice(1), step: Number(p.get('step')), want });
  expect(got, `${route} shown`).toEqual(want);
}

/** Moves a page open on the TCP scene at its last step to another variant's last step by
 *  the hash (`route` ends in `variant=…&step=1000…`), without a new document; waits until
 *  the scene shows that variant at its last step with the phone's few rows (as a fresh
 *  load draws them), then a frame more and the end of CSS transitions. Measured against
 *  fresh loads of every variant, at the three sizes: the ladder's every box, stroke, fill
 *  and visibility the same, few rows and all (the page may be scrolled differently, which
 *  moves every box alike). */
export async function goTcpLast(page, route, variant) {
  const got = await page.evaluate(async ({ hash, variant }) => {
    location.hash = hash;
    const read = () => {
      const scrub = document.querySelector('.ww-scrub');
      return {
        variant: document.querySelector('.ww-tcp')?.dataset.variant,
        last: !!scrub && scrub.value === scrub.max,
        few: !document.querySelector('.ww-ladder-all[data-all="true"]'),
      };
    };
    const got = await window.__wwUntil(read, (g) => g.variant === variant && g.last && g.few);
    await new Promise((r) => requestAnimationFrame(r));
    await Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished.catch(() => {})));
    return got;
  }, { hash: route.slice(1), variant });
  expect(got, `${route} shown`).toEqual({ variant, last: true, few: true });
}

/** Moves a page open on the TCP scene to `variant` at its first step by the hash
 *  (`route` ends in `variant=…&step=0…`), without a new document; waits until the scene
 *  shows that variant at step 0, then a frame more and the end of CSS transitions.
 *  Measured against fresh loads at both sizes in zh and en: the state diagram's every
 *  box, stroke, fill and visibility the same. */
export async function goTcpFirst(page, route, variant) {
  const got = await page.evaluate(async ({ hash, variant }) => {
    location.hash = hash;
    const read = () => ({
      variant: document.querySelector('.ww-tcp')?.dataset.variant,
      first: document.querySelector('.ww-scrub')?.value === '0',
    });
    const got = await window.__wwUntil(read, (g) => g.variant === variant && g.first);
    await new Promise((r) => requestAnimationFrame(r));
    await Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished.catch(() => {})));
    return got;
  }, { hash: route.slice(1), variant });
  expect(got, `${route} shown`).toEqual({ variant, first: true });
}

/** Moves a page open on a scene to another route of the same scene by its hash, without a
 *  new document, where the route names every parameter that differs from the page's
 *  (`#/tcp?variant=refused&step=6&lang=en` after `#/tcp?step=14&lang=en`): waits until the
 *  scene shows each of net, model, proto, variant and view that the route gives (the
 *  scenes' `data-*` attributes), its step (a step past the end: the last) and its lang (the
 *  root's `lang`), then a frame more and the end of CSS transitions. Measured against fresh
 *  loads of every second route of a scene in routes.mjs, at 1280×800 and 390×844 in zh and
 *  en: the document (attributes in any order) and every element's colour, background,
 *  opacity, visibility, display, fill, stroke and box the same. */
export async function goSameScene(page, route) {
  const p = new URLSearchParams(route.split('?')[1] ?? '');
  const want = {};
  for (const k of ['net', 'model', 'proto', 'variant', 'view', 'lang']) if (p.has(k)) want[k] = p.get(k);
  const step = p.has('step') ? Number(p.get('step')) : null;
  const got = await page.evaluate(async ({ hash, want, step }) => {
    location.hash = hash;
    const read = () => {
      const g = {};
      for (const k of Object.keys(want)) {
        g[k] = k === 'lang' ? document.documentElement.lang.slice(0, 2) : document.querySelector(`main [data-${k}]`)?.dataset[k];
      }
      const scrub = document.querySelector('.ww-scrub');
      g.step = step === null || (!!scrub && Math.min(step, Number(scrub.max)) === Number(scrub.value));
      return g;
    };
    const got = await window.__wwUntil(read, (g) => g.step && Object.keys(want).every((k) => g[k] === want[k]));
    await new Promise((r) => requestAnimationFrame(r));
    await Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished.catch(() => {})));
    return got;
  }, { hash: route.slice(1), want, step });
  expect(got, `${route} shown`).toEqual({ ...want, step: true });
}
