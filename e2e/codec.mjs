// The tools worker's message format (engine/src/job/codec.rs), written again from its
// description so the e2e tests can speak to the worker without the page: a version byte,
// then fields in declaration order; numbers as LEB128, u8/bool as one byte, strings and
// lists with a LEB128 length, Option/Result/enums with a tag byte. Only what the tests send
// is written; answers are read in full (every byte accounted for), so a format change on
// one side only fails here.

export const VERSION = 1;

// ScenarioName in declaration order.
const SCENARIO_NAMES = ['tcp', 'tcp_loss', 'tcp_loss_twice', 'tcp_server_close',
  'tcp_simultaneous_close', 'refused', 'udp', 'switch', 'router', 'storm'];

class Writer {
  constructor() { this.bytes = [VERSION]; }
  u8(b) { this.bytes.push(b); return this; }
  num(n) {
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a small unsigned number: ${n}`);
    while (n >= 0x80) { this.bytes.push((n % 0x80) | 0x80); n = Math.floor(n / 0x80); }
    this.bytes.push(n);
    return this;
  }
  bool(b) { return this.u8(b ? 1 : 0); }
  str(s) { const b = new TextEncoder().encode(s); this.num(b.length); this.bytes.push(...b); return this; }
  opt(v, f) { if (v === null || v === undefined) return this.u8(0); this.u8(1); f(v); return this; }
}

/** Scenario, from the CLI JSON's serde form. */
function scenario(w, s) {
  const name = SCENARIO_NAMES.indexOf(s.name);
  if (name < 0) throw new Error(`unknown scenario ${s.name}`);
  const p = s.params;
  w.u8(name).str(p.client_mac).str(p.client_ip).opt(p.client_port, (v) => w.num(v))
    .str(p.server_mac).str(p.server_ip).num(p.server_port)
    .str(p.client_payload).str(p.server_payload).str(p.loss)
    .num(p.client_think_ms).num(p.server_think_ms).bool(p.delayed_ack).num(p.seed).num(p.latency_us)
    .u8(p.client_switch_port).u8(p.server_switch_port).bool(p.storm_pulled).bool(p.router_udp);
}

/** Job messages, as arrays of byte values. */
export const job = {
  run(s) { const w = new Writer().u8(0); scenario(w, s); return w.bytes; },
  programs(s, client, server) { const w = new Writer().u8(1); scenario(w, s); w.str(client).str(server); return w.bytes; },
  readCapture() { return new Writer().u8(2).bytes; },
  captureTrace(n) { return new Writer().u8(3).num(n).bytes; },
};

class Reader {
  constructor(bytes) { this.b = bytes; this.at = 0; }
  u8() { if (this.at >= this.b.length) throw new Error('message cut short'); return this.b[this.at++]; }
  num() {
    let n = 0; let scale = 1;
    for (;;) {
      const b = this.u8();
      n += (b & 0x7f) * scale; scale *= 0x80;
      if (!(b & 0x80)) return n;
    }
  }
  bool() { const b = this.u8(); if (b > 1) throw new Error(`bool ${b}`); return b === 1; }
  str() { const n = this.num(); const s = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(this.b.slice(this.at, this.at + n))); this.at += n; return s; }
  vec(f) { const n = this.num(); const out = []; for (let i = 0; i < n; i++) out.push(f()); return out; }
  opt(f) { const t = this.u8(); if (t > 1) throw new Error(`option tag ${t}`); return t ? f() : null; }
  result(ok, err) { const t = this.u8(); if (t > 1) throw new Error(`result tag ${t}`); return t ? { Err: err() } : { Ok: ok() }; }
}

function field(r) {
  return { id: r.str(), offset: r.num(), len: r.num(), mask: r.num(), show: r.str(), meaning: r.str(), children: r.vec(() => field(r)) };
}

function annotated(r) {
  const len = r.num();
  const layers = r.vec(() => ({ id: r.u8(), offset: r.num(), len: r.num(), fields: r.vec(() => field(r)) }));
  const n = () => r.num(); const o = (f) => r.opt(f);
  const summary = {
    protocol: r.u8(), src_mac: r.str(), dst_mac: r.str(), ethertype: n(), broadcast: r.bool(),
    src_ip: o(() => r.str()), dst_ip: o(() => r.str()), ttl: o(() => r.u8()),
    ip_checksum_ok: o(() => r.bool()), l4_checksum_ok: o(() => r.bool()),
    src_port: o(n), dst_port: o(n), tcp_flags: n(), tcp_flags_text: r.str(),
    seq: o(n), ack: o(n), seq_raw: o(n), ack_raw: o(n), next_seq: o(n), payload_len: n(),
    window: o(n), mss: o(n), wscale: o(() => r.u8()), sack_perm: r.bool(), arp_op: o(n),
    arp_text: o(() => r.str()), info: r.str(), captured: r.bool(),
  };
  return { len, layers, summary };
}

function event(r) {
  const time_us = r.num();
  const tag = r.u8();
  const s = () => r.str(); const n = () => r.num();
  const kinds = [
    () => ({ frame: n() }),
    () => ({ host: s(), call: s(), line: n(), phase: r.u8(), result: s(), args: s(), nbytes: r.opt(n) }),
    () => ({ host: s(), line: n(), text: s() }),
    () => ({ host: s(), line: n(), name: s(), message: s(), traceback: s() }),
    () => ({ host: s(), line: n(), limit: r.u8() }),
    () => ({ host: s(), from: r.u8(), to: r.u8() }),
    () => ({ switch: s(), mac: s(), port: n() }),
    () => ({ router: s(), reason: r.u8() }),
    () => ({ key: r.u8() }),
  ];
  if (!kinds[tag]) throw new Error(`event tag ${tag}`);
  return { time_us, tag, ...kinds[tag]() };
}

function trace(r) {
  const s = () => r.str(); const n = () => r.num();
  return {
    hosts: r.vec(() => ({ name: s(), kind: r.u8(), macs: r.vec(s), ips: r.vec(s), gateway: r.opt(s), ports: n(), code: r.vec(s) })),
    links: r.vec(() => ({ index: n(), a: s(), a_port: n(), b: s(), b_port: n(), latency_us: n() })),
    frames: r.vec(() => ({
      index: n(), time_us: n(), arrive_us: n(), link: n(), from: s(), to: s(), dropped: r.bool(),
      bytes: r.vec(() => r.u8()), annotated: r.opt(() => annotated(r)), annotation_error: r.opt(s), role: r.opt(() => r.u8()),
    })),
    events: r.vec(() => event(r)),
    end_us: n(), tick_us: n(), frames_per_tick: r.vec(n), capped: r.bool(),
  };
}

/** An error of the engine, read only as far as its tag: the tests check which kind it is. */
function skipError(kind) {
  return (r) => {
    const tag = r.u8();
    const s = () => r.str(); const n = () => r.num();
    if (kind === 'capture') {
      if (tag > 6) throw new Error(`capture error tag ${tag}`);
      if (tag !== 1) n();
      return { tag };
    }
    const scenarioError = (t) => {
      const fields = [[s], [s], [s, s, () => r.u8()], [s, s, () => { if (r.u8() === 1) n(); }], [s, s], [s, n, n], [s],
        [s, s, s], [s, s], [s, s], [s, s], [s, s, n, n], [s, s], [s, s], [s]][t];
      if (!fields) throw new Error(`scenario error tag ${t}`);
      fields.forEach((f) => f());
      return { tag: t };
    };
    if (kind === 'scenario') return scenarioError(tag);
    // ProgramsError
    if (tag === 0) return { Programs: r.vec(() => ({ side: r.u8(), line: n(), column: n(), kind: r.u8(), detail: s() })) };
    if (tag === 1) return { Scenario: scenarioError(r.u8()) };
    throw new Error(`programs error tag ${tag}`);
  };
}

/** An output message (array of byte values) as { Run | Programs | ReadCapture |
 * CaptureTrace: {Ok|Err}, or NoCapture: true, or Unreadable: why }. */
export function readOutput(bytes) {
  const r = new Reader(bytes);
  const version = r.u8();
  if (version !== VERSION) throw new Error(`format version ${version}`);
  const tag = r.u8();
  const t = () => trace(r);
  let out;
  if (tag === 0) out = { Run: r.result(t, () => skipError('scenario')(r)) };
  else if (tag === 1) out = { Programs: r.result(t, () => skipError('programs')(r)) };
  else if (tag === 2) {
    out = {
      ReadCapture: r.result(() => ({
        format: r.u8(), frames: r.num(),
        conversations: r.vec(() => ({ transport: r.u8(), client_ip: r.str(), client_port: r.num(), server_ip: r.str(), server_port: r.num(), frames: r.vec(() => r.num()), bytes: r.num() })),
      }), () => skipError('capture')(r)),
    };
  } else if (tag === 3) out = { CaptureTrace: r.result(t, () => skipError('capture')(r)) };
  else if (tag === 4) out = { NoCapture: true };
  else if (tag === 5) out = { Unreadable: r.str() };
  else throw new Error(`output tag ${tag}`);
  if (r.at !== bytes.length) throw new Error(`${bytes.length - r.at} bytes after the output`);
  return out;
}
