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
for (let i = 0; i < x.scenario_count(); i++) {
  let name = '';
  for (let j = 0; j < x.scenario_name_len(i); j++) name += String.fromCharCode(x.scenario_name_byte(i, j));
  x.median_us(i, 50, 1); // warm-up: let the JIT tier up
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
  x.preset_median_us(i, 50, 1);
  results.push({
    preset: presets[i] ?? String(i),
    runs,
    median_us: Number(x.preset_median_us(i, runs, 1).toFixed(1)),
    net_only_median_us: Number(x.preset_median_us(i, runs, 0).toFixed(1)),
  });
}
console.log(JSON.stringify({ target: 'wasm32 (node ' + process.version + ')', wasm_bytes: bytes.length, results }, null, 2));
