// Geometry of a drawing as rendered: which texts overlap each other, and which lines
// or curves run through a text they do not belong to. Used by collisions.spec.mjs.

/**
 * Collisions in the SVG(s) matching `selector`, in CSS px on the page:
 * `[{ what, a, b }]` where `what` is 'text/text', 'text/line' or 'text/own line'. A text
 * belongs to the nearest ancestor group marked by `own` (e.g. one arrow of the ladder);
 * the stroke of a line of its own group may reach at most a `hairline` px into its box
 * (an arrow's payload on its own arrow is reported as 'text/own line'). For other lines
 * and texts, boxes are shrunk by `slack` px on each side first, so boxes that only touch
 * do not count. The part of a stroke under a filled shape drawn after it is hidden, and does
 * not count.
 */
export async function collisions(page, selector, { own = 'g[data-frame], g[data-link], g[data-node], g[data-state]', slack = 1, hairline = 1 } = {}) {
  return page.evaluate(({ selector, own, slack, hairline }) => {
    const out = [];
    for (const svg of document.querySelectorAll(selector)) {
      const visible = (el) => {
        const cs = getComputedStyle(el);
        return cs.visibility !== 'hidden' && cs.display !== 'none' && Number(cs.opacity) > 0.05
          && !el.closest('.is-future');
      };
      const texts = [...svg.querySelectorAll('text')]
        .filter((t) => t.textContent.trim() !== '' && visible(t))
        .map((t) => {
          const r = t.getBoundingClientRect();
          return {
            el: t, name: t.textContent.trim().slice(0, 20), group: t.parentElement.closest(own),
            l: r.left + slack, r: r.right - slack, t: r.top + slack, b: r.bottom - slack,
          };
        })
        .filter((b) => b.r > b.l && b.b > b.t);
      for (let i = 0; i < texts.length; i++) {
        for (let j = i + 1; j < texts.length; j++) {
          const [p, q] = [texts[i], texts[j]];
          if (p.l < q.r && q.l < p.r && p.t < q.b && q.t < p.b) out.push({ what: 'text/text', a: p.name, b: q.name });
        }
      }
      // Lines and curves, sampled every 2 units of their length, in page px.
      const strokes = [...svg.querySelectorAll('line, path, polyline')]
        .filter((s) => visible(s) && getComputedStyle(s).stroke !== 'none'
          && getComputedStyle(s).stroke !== 'transparent' && !/rgba\(.*, 0\)$/.test(getComputedStyle(s).stroke)
          && !s.closest('marker, defs'));
      // Filled shapes hide the parts of the strokes drawn before them (a cable ends
      // under the box of the switch it plugs into).
      const covers = [...svg.querySelectorAll('rect, circle')]
        .filter((c) => visible(c) && getComputedStyle(c).fill !== 'none' && !/rgba\(.*, 0\)$/.test(getComputedStyle(c).fill)
          && Number(getComputedStyle(c).fillOpacity) > 0.5 && !c.closest('marker, defs'))
        .map((c) => ({ el: c, round: c.tagName === 'circle', r: c.getBoundingClientRect() }));
      const hidden = (s, x, y) => covers.some(({ el, round, r }) => {
        if (!(s.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) return false;
        if (round) return Math.hypot(x - (r.left + r.right) / 2, y - (r.top + r.bottom) / 2) < r.width / 2;
        return x > r.left && x < r.right && y > r.top && y < r.bottom;
      });
      for (const s of strokes) {
        const m = s.getScreenCTM();
        if (!m) continue;
        const len = s.getTotalLength();
        const pts = [];
        for (let d = 0; d <= len; d += 2) {
          const p = s.getPointAtLength(d);
          pts.push([m.a * p.x + m.c * p.y + m.e, m.b * p.x + m.d * p.y + m.f]);
        }
        const group = s.closest(own);
        // Half the stroke's width in page px: how far its edge reaches past the sampled centre.
        const half = (Number.parseFloat(getComputedStyle(s).strokeWidth) || 1) * Math.hypot(m.a, m.b) / 2;
        const label = `${s.tagName}${s.getAttribute('class') ? '.' + s.getAttribute('class') : ''} in ${group?.getAttribute('data-frame') ?? group?.getAttribute('data-link') ?? group?.getAttribute('data-node') ?? group?.getAttribute('data-state') ?? 'svg'}`;
        for (const t of texts) {
          const mine = group && t.group === group;
          // Own lines: the centre may come no nearer to the unshrunk box than half the
          // stroke less the hairline.
          const d = mine ? hairline - slack - half : 0;
          if (pts.some(([x, y]) => x > t.l + d && x < t.r - d && y > t.t + d && y < t.b - d && !hidden(s, x, y))) {
            out.push({ what: mine ? 'text/own line' : 'text/line', a: t.name, b: label });
          }
        }
      }
    }
    return out;
  }, { selector, own, slack, hairline });
}

/**
 * Texts on the page (outside drawings) whose last line holds a single CJK character,
 * alone (possibly with closing punctuation): `[{ text, last }]`. Measured per character
 * with Range rects, so it sees the wrapping as rendered. With `headings`, also h1-h3
 * broken between two Chinese characters.
 */
export async function orphans(page, root = 'main', { headings = false } = {}) {
  return page.evaluate(({ root, headings }) => {
    const cjk = /[\u3400-\u9fff]/;
    const out = [];
    const blocks = [...document.querySelectorAll(`${root} :is(p, li, dd, dt, h1, h2, h3, figcaption, button, a, label, td, th, span, div)`)]
      .filter((e) => e.getClientRects().length > 0 && !e.closest('svg')
        && [...e.childNodes].some((n) => n.nodeType === 3 && cjk.test(n.textContent)));
    for (const el of blocks) {
      const chars = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        // Text of nested blocks is measured with them.
        if (n.parentElement !== el && getComputedStyle(n.parentElement).display !== 'inline') continue;
        for (let i = 0; i < n.textContent.length; i++) {
          const c = n.textContent[i];
          if (/\s/.test(c)) continue;
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + 1);
          const rect = r.getClientRects()[0];
          if (rect && rect.width > 0) chars.push({ c, top: Math.round(rect.top), h: rect.height });
        }
      }
      if (chars.length < 3) continue;
      const lines = [];
      for (const ch of chars) {
        const line = lines.find((l) => Math.abs(l.top - ch.top) < ch.h / 2);
        if (line) line.s += ch.c;
        else lines.push({ top: ch.top, s: ch.c });
      }
      if (lines.length < 2) continue;
      lines.sort((a, b) => a.top - b.top);
      // Headings: no line ends and the next starts inside a run of Chinese characters.
      if (headings && /^H[1-3]$/.test(el.tagName)) {
        for (let k = 1; k < lines.length; k++) {
          const [a, b] = [lines[k - 1].s.slice(-1), lines[k].s[0]];
          if (cjk.test(a) && cjk.test(b)) out.push({ text: el.textContent.trim().slice(0, 30), last: `${a}/${b}` });
        }
      }
      // A closing mark alone on the last line ("）" under "32768–60999"): cut off its text.
      if (/^[。，、；：？！）」』”]+$/u.test(lines[lines.length - 1].s)) out.push({ text: el.textContent.trim().slice(0, 30), last: lines[lines.length - 1].s });
      const last = lines[lines.length - 1].s.replace(/[。，、；：？！）」』”.,;:?!)]+$/u, '');
      if ([...last].length === 1 && cjk.test(last)) out.push({ text: el.textContent.trim().slice(0, 30), last: lines[lines.length - 1].s });
    }
    return out;
  }, { root, headings });
}

/**
 * Large blank blocks beside a taller column (issue 16): in every element under `root`
 * that lays out two or more boxes side by side (a grid or flex row), the empty block under
 * a box that ends well before its taller neighbour does, down to the next box under it. `[{ region, column, w, h, share }]` for
 * each block at least `minHeight` px tall and at least `minShare` of the row's height.
 * A sticky column, which travels down beside its neighbour, is never reported.
 */
export async function blankBlocks(page, root = 'main', { minHeight = 200, minShare = 0.25 } = {}) {
  return page.evaluate(({ root, minHeight, minShare }) => {
    const name = (e) => `${e.tagName.toLowerCase()}${[...e.classList].slice(0, 2).map((c) => '.' + c).join('')}`;
    const out = [];
    for (const box of document.querySelectorAll(`${root}, ${root} *`)) {
      if (box.closest('svg')) continue;
      const cs = getComputedStyle(box);
      if (!/grid|flex/.test(cs.display)) continue;
      const kids = [...box.children].filter((k) => {
        const r = k.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(k).position !== 'absolute';
      });
      // A sticky column travels with the reader down its taller neighbour: not a blank.
      const moves = (k) => getComputedStyle(k).position === 'sticky';
      // Rows of boxes side by side: boxes whose vertical extents overlap.
      const rects = kids.map((k) => ({ k, r: k.getBoundingClientRect() }));
      for (const a of rects) {
        if (moves(a.k)) continue;
        const row = rects.filter((b) => b.r.top < a.r.bottom - 1 && a.r.top < b.r.bottom - 1);
        if (row.length < 2) continue;
        const top = Math.min(...row.map((b) => b.r.top));
        const bottom = Math.max(...row.map((b) => b.r.bottom));
        // The blank ends where the next box under this one (in its column) starts.
        const below = rects.filter((b) => b.r.top >= a.r.bottom - 1 && b.r.left < a.r.right - 1 && a.r.left < b.r.right - 1)
          .map((b) => b.r.top);
        const h = Math.min(bottom, ...below) - a.r.bottom;
        const share = h / (bottom - top);
        if (h >= minHeight && share >= minShare) {
          out.push({ region: name(box), column: name(a.k), w: Math.round(a.r.width), h: Math.round(h), share: Math.round(share * 100) / 100 });
        }
      }
    }
    return out;
  }, { root, minHeight, minShare });
}

/**
 * Values and words broken mid-token (issue 16), outside drawings: `[{ text, at }]`, where
 * `at` shows the break as `before/after`. Each block's characters are measured with Range
 * rects, in reading order, so the check sees the wrapping as rendered. A line may end
 * - never between two letters or digits ("Paddi/ng", "5462/2", "11000000.101/01000"), nor
 *   after a dot, colon or en dash between them ("0–/1023", "02:00:00:/00:00:0a"), except
 *   after a colon or dot of a byte string longer than `long` characters (TCP options);
 * - never at a space inside a number ("4.3/× 10⁹", "159 / MB"): between a digit and "×",
 *   a unit or a superscript;
 * - never inside one of the Chinese `terms` ("编/码", "会/话层", "路/由器") in a block of at
 *   most `short` characters (a label, a cell), or where at most `tail` characters (closing
 *   punctuation included) follow the break, so the term's tail alone is the last line.
 */
export async function brokenTokens(page, root = 'main', { long = 23, terms = ZH_TERMS, short = 20, tail = 4 } = {}) {
  return page.evaluate(({ root, long, terms, short, tail }) => {
    const alnum = /[0-9A-Za-z\u00b2\u00b3\u00b9\u2070-\u2079]/;
    const digit = /[0-9\u00b2\u00b3\u00b9\u2070-\u2079]/;
    const unit = /^(MB|KB|GB|kB|B|ms|s|µs|Mbps|kbps|bit|bits|px|%)$/;
    const inline = (e) => getComputedStyle(e).display === 'inline';
    const out = [];
    const blocks = [...document.querySelectorAll(`${root}, ${root} *`)]
      .filter((e) => !e.closest('svg') && !inline(e) && e.getClientRects().length > 0
        && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== ''));
    for (const el of blocks) {
      // The block's own characters (and those of its inline descendants), with their line.
      const chars = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        let p = n.parentElement;
        while (p !== el && inline(p)) p = p.parentElement;
        if (p !== el) continue;
        for (let i = 0; i < n.textContent.length; i++) {
          const c = n.textContent[i];
          if (c === '\u2060' || c === '\u00ad') continue;
          if (/\s/.test(c)) { chars.push({ c: ' ' }); continue; }
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + 1);
          const rect = [...r.getClientRects()].find((x) => x.width > 0);
          if (rect) chars.push({ c, top: rect.top, h: rect.height });
        }
      }
      const seen = chars.filter((x) => x.c !== ' ');
      if (seen.length < 2) continue;
      const text = chars.map((x) => x.c).join('');
      // Index in `chars` of each seen character.
      const idx = [];
      chars.forEach((x, i) => { if (x.c !== ' ') idx.push(i); });
      for (let k = 1; k < seen.length; k++) {
        const [a, b] = [seen[k - 1], seen[k]];
        if (!(b.top > a.top + Math.min(a.h, b.h) / 2)) continue;
        const spaced = idx[k] - idx[k - 1] > 1;
        const prev = seen[k - 2]?.c ?? '';
        const next = seen[k + 1]?.c ?? '';
        // The whitespace-delimited token the break is in.
        let s = idx[k - 1];
        while (s > 0 && chars[s - 1].c !== ' ') s--;
        let e = idx[k];
        while (e < chars.length - 1 && chars[e + 1].c !== ' ') e++;
        const token = text.slice(s, e + 1);
        let bad = false;
        if (!spaced) {
          if (alnum.test(a.c) && alnum.test(b.c)) bad = true;
          else if (/[.:]/.test(a.c) && alnum.test(prev) && alnum.test(b.c) && token.length <= long) bad = true;
          else if (/[\u2013\u2014]/.test(a.c) && digit.test(prev) && digit.test(b.c)) bad = true;
          else if (seen.length <= short || seen.length - k <= tail) {
            // A Chinese term: in running text a line may end between any two characters
            // (Chinese typesetting), but not inside a term in a short label or cell, nor
            // where the term's tail alone makes the last line ("这要靠路" / "由器。").
            const around = text.slice(Math.max(0, idx[k - 1] - 4), idx[k - 1] + 1) + '|' + text.slice(idx[k], idx[k] + 4);
            for (const term of terms) {
              for (let j = 1; j < term.length; j++) {
                if (around.includes(`${term.slice(0, j)}|${term.slice(j)}`)) bad = true;
              }
            }
          }
        } else {
          const after = text.slice(idx[k]).split(' ')[0].replace(/[，。、；：,.;:)）]+$/u, '');
          if (digit.test(a.c) && (b.c === '×' || unit.test(after))) bad = true;
          if (a.c === '×' && digit.test(b.c)) bad = true;
        }
        if (bad) out.push({ text: el.textContent.trim().slice(0, 40), at: `${text.slice(Math.max(0, idx[k - 1] - 8), idx[k - 1] + 1)}/${text.slice(idx[k], idx[k] + 8)}`.replace(/\s+/g, ' ') });
      }
    }
    return out;
  }, { root, long, terms, short, tail });
}

/** Chinese terms a line must not split (layer names, devices, the course's words). */
export const ZH_TERMS = ['应用层', '表示层', '会话层', '传输层', '网络层', '数据链路层', '链路层', '物理层',
  '编码', '加密', '压缩', '路由器', '交换机', '集线器', '服务器', '客户端', '浏览器', '端口', '套接字',
  '三次握手', '四次挥手', '封装', '广播', '单播'];

/**
 * Content that spills sideways out of its box (issue 16), outside drawings: `[what]` for
 * each text run wider than the block it belongs to, and each box (not positioned) whose
 * sides stick out of its parent's by more than `slack` px, unless the parent scrolls or
 * clips sideways (a scroll box has its own cue). A page can spill without scrolling
 * sideways: a grid column squeezed to 16 px left a stack's names hanging over the next one.
 */
export async function spills(page, root = 'main', { slack = 1.5 } = {}) {
  return page.evaluate(({ root, slack }) => {
    const out = [];
    const name = (e) => `${e.tagName.toLowerCase()}${[...e.classList].slice(0, 2).map((c) => '.' + c).join('')}`;
    const range = document.createRange();
    for (const e of document.querySelectorAll(`${root} *`)) {
      if (e.closest('svg, .ww-visually-hidden') || e.getClientRects().length === 0) continue;
      const cs = getComputedStyle(e);
      if (cs.display === 'inline' || cs.display === 'contents') continue;
      const r = e.getBoundingClientRect();
      const clips = /auto|scroll|hidden|clip/.test(cs.overflowX);
      for (const n of e.childNodes) {
        if (n.nodeType !== 3 || !n.textContent.trim() || clips) continue;
        range.selectNodeContents(n);
        const b = [...range.getClientRects()].find((x) => x.right > r.right + slack || x.left < r.left - slack);
        if (b) out.push(`text "${n.textContent.trim().slice(0, 24)}" [${Math.round(b.left)}, ${Math.round(b.right)}] out of ${name(e)} [${Math.round(r.left)}, ${Math.round(r.right)}]`);
      }
      if (clips) continue;
      for (const k of e.children) {
        if (k.closest('svg') && k.tagName.toLowerCase() !== 'svg') continue;
        const kc = getComputedStyle(k);
        if (['absolute', 'fixed'].includes(kc.position) || k.getClientRects().length === 0 || k.classList.contains('ww-visually-hidden')) continue;
        const b = k.getBoundingClientRect();
        if (b.width > 0 && (b.right > r.right + slack || b.left < r.left - slack)) {
          out.push(`${name(k)} [${Math.round(b.left)}, ${Math.round(b.right)}] out of ${name(e)} [${Math.round(r.left)}, ${Math.round(r.right)}]`);
        }
      }
    }
    return [...new Set(out)];
  }, { root, slack });
}

/** Pairs of boxes closer than `gap` px: the first selector's boxes against the second's. */
export async function touching(page, a, b, gap = 2) {
  return page.evaluate(({ a, b, gap }) => {
    const boxes = (sel) => [...document.querySelectorAll(sel)]
      .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
      .map((e) => ({ name: (e.textContent || e.getAttribute('class') || e.tagName).trim().slice(0, 24), r: e.getBoundingClientRect() }));
    const out = [];
    for (const p of boxes(a)) {
      for (const q of boxes(b)) {
        if (p.r.left - gap < q.r.right && q.r.left - gap < p.r.right && p.r.top - gap < q.r.bottom && q.r.top - gap < p.r.bottom) {
          out.push({ a: p.name, b: q.name });
        }
      }
    }
    return out;
  }, { a, b, gap });
}
