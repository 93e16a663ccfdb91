// Time every catalogue scenario in WebAssembly under Node and print JSON.
//   cargo build --release --target wasm32-unknown-unknown --manifest-path engine/benches/wasm/Cargo.toml
//   node engine/benches/wasm/run.mjs [path/to/wirewalk_bench_wasm.wasm] [runs]
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const target = process.env.CARGO_TARGET_DIR ?? new URL('./target', import.meta.url).pathname;
const path = process.argv[2] ?? `${target}/wasm32-unknown-unknown/release/wirewalk_bench_wasm.wasm`;
const runs = Number(process.argv[3] ?? 300);
const bytes = readFileSync(path);
const { instance } = await WebAssembly.instantiate(bytes, { env: { now: () => performance.now() } });
const x = instance.exports;
const results = [];
// The first run of all, cold: what a page's first trace costs, compilation included.
const coldFirstUs = Number(x.median_us(0, 1, 1).toFixed(1));
// Warm-up: V8 runs new wasm code in its baseline tier and recompiles hot functions with its
// optimising tier in the background. A per-scenario warm-up of 50 runs left the first
// scenario (the default `tcp`) measured partly before that: it read about twice its later
// figure when timed again after the others. So every scenario and preset runs first, in
// three rounds, and only then is anything timed.
for (let round = 0; round < 3; round++) {
  for (let i = 0; i < x.scenario_count(); i++) { x.median_us(i, 50, 1); x.median_us(i, 20, 0); }
  for (let i = 0; i < x.preset_count(); i++) { x.preset_median_us(i, 20, 1); x.preset_median_us(i, 10, 0); }
}
for (let i = 0; i < x.scenario_count(); i++) {
  let name = '';
  for (let j = 0; j < x.scenario_name_len(i); j++) name += String.fromCharCode(x.scenario_name_byte(i, j));
  results.push({
    scenario: name,
    runs,
    median_us: Number(x.median_us(i, runs, 1).toFixed(1)),
    net_only_median_us: Number(x.median_us(i, runs, 0).toFixed(1)),
  });
}
// Socket playground presets: one re-simulation per (debounced) edit.
const presets = ['one_request', 'echo_loop', 'sticky_packets', 'udp'];
for (let i = 0; i < x.preset_count(); i++) {
  results.push({
    preset: presets[i] ?? String(i),
    runs,
    median_us: Number(x.preset_median_us(i, runs, 1).toFixed(1)),
    net_only_median_us: Number(x.preset_median_us(i, runs, 0).toFixed(1)),
  });
}
console.log(JSON.stringify({ target: 'wasm32 (node ' + process.version + ')', wasm_bytes: bytes.length, cold_first_run_us: coldFirstUs, results }, null, 2));
