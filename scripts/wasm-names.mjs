// Short import names for a scene bundle (scripts/bundles.mjs), issue 9.
//
// wasm-bindgen names each import after its Rust binding plus a 16-hex-digit hash
// (`__wbg_set_innerHTML_a9d3a267967b5117`) from the module `./ww-<scene>_bg.js`, and the
// JS glue holds the same names as the keys of its import object. Hashes do not compress:
// 148 imports cost the architecture bundle 2.2 KB of brotli in the wasm and 1.6 KB in the
// glue. This renames every import to a short name (`a`, `b`, … `ab`, …) from the module
// `a`, in the wasm's import section and in the glue, and refuses (throws) whenever the
// glue does not hold each old name exactly once as an object key, so a wasm-bindgen
// upgrade that changes the glue's shape stops the build instead of breaking the page.

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The `i`-th short name: a … Z, aa, ba, … (bijective base 52). */
export function shortName(i) {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    n -= 1;
    s += ALPHABET[n % ALPHABET.length];
    n = Math.floor(n / ALPHABET.length);
  }
  return s;
}

function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  for (let i = 0; i < 5; i++) {
    const b = bytes[at++];
    if (b === undefined) throw new Error('wasm-names: truncated LEB128');
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return [value, at];
  }
  throw new Error('wasm-names: LEB128 longer than 5 bytes');
}

function u32(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

function str(s) {
  const b = Buffer.from(s, 'utf8');
  return [...u32(b.length), ...b];
}

/**
 * Renames the imports of `wasm` (a Buffer; all functions from one module) to short names
 * from module `a`. Returns the new wasm, the old module name and the map old → new name.
 */
export function shortenImports(wasm) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('wasm-names: not a wasm module');
  const parts = [wasm.subarray(0, 8)];
  const names = new Map();
  let module;
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = readU32(wasm, at + 1);
    const end = start + size;
    if (id !== 2) {
      parts.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    let [count, p] = readU32(wasm, start);
    const body = [...u32(count)];
    for (let i = 0; i < count; i++) {
      let len;
      [len, p] = readU32(wasm, p);
      const mod = wasm.subarray(p, p + len).toString('utf8');
      p += len;
      [len, p] = readU32(wasm, p);
      const name = wasm.subarray(p, p + len).toString('utf8');
      p += len;
      const kind = wasm[p++];
      if (kind !== 0) throw new Error(`wasm-names: import ${name} is not a function`);
      let type;
      [type, p] = readU32(wasm, p);
      if (module !== undefined && mod !== module) throw new Error(`wasm-names: imports from ${module} and ${mod}`);
      module = mod;
      if (names.has(name)) throw new Error(`wasm-names: ${name} imported twice`);
      const short = shortName(i);
      names.set(name, short);
      body.push(...str('a'), ...str(short), 0, ...u32(type));
    }
    if (p !== end) throw new Error('wasm-names: import section length does not add up');
    parts.push(Buffer.from([2, ...u32(body.length), ...body]));
    at = end;
  }
  if (at !== wasm.length) throw new Error('wasm-names: section runs past the end');
  return { wasm: Buffer.concat(parts), module, names };
}

/** Puts the short names into the glue: each old name must be an object key, exactly once. */
export function renameInGlue(js, module, names) {
  const key = (name) => new RegExp(`(?<=[{,\\s])${name.replace(/\$/g, '\\$')}(?=\\s*[:(])`, 'g');
  let out = js;
  for (const [old, short] of names) {
    const seen = out.split(old).length - 1;
    const keys = out.match(key(old))?.length ?? 0;
    if (seen !== 1 || keys !== 1) throw new Error(`wasm-names: the glue has ${old} ${seen} times (${keys} as a key)`);
    out = out.replace(key(old), JSON.stringify(short));
  }
  const moduleKey = `${JSON.stringify(module)}:`;
  if (out.split(moduleKey).length !== 2) throw new Error(`wasm-names: the glue's import object has no key ${module}`);
  return out.replace(moduleKey, '"a":');
}
