#!/usr/bin/env bash
# Benchmarks (figures, not pass/fail): builds the release and prints one JSON object
# with dist/ sizes (and the byte budget check), cold-load timings (also on an emulated
# slow link and low-end laptop), TCP-scene playback smoothness, and the engine's
# compute time per scenario (native and wasm).
#   bash bench/run.sh [--runs N]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/setup.sh"
RUNS=5
[ "${1:-}" = "--runs" ] && RUNS="$2"
trunk build --release >&2
size="$(node bench/size.mjs dist)"
node bench/budget.mjs dist >&2
load="$(node bench/load.mjs --runs "$RUNS")"
# The first-paint issue's two emulated conditions: a slow link, and a low-end laptop.
load_slow="$(node bench/load.mjs --runs 3 --condition slow)"
load_lowend="$(node bench/load.mjs --runs 3 --condition lowend)"
playback="$(node bench/playback.mjs --seconds 10 --runs 3)"
# Engine compute time per scenario: natively, and as wasm32 under Node.
compute_native="$(cargo run -q --release --locked -p wirewalk-engine --example bench_compute)"
cargo build -q --release --target wasm32-unknown-unknown --manifest-path engine/benches/wasm/Cargo.toml >&2
compute_wasm="$(node engine/benches/wasm/run.mjs)"
printf '{"size": %s,\n"load": %s,\n"load_slow": %s,\n"load_lowend": %s,\n"playback": %s,\n"compute_native": %s,\n"compute_wasm": %s}\n' \
  "$size" "$load" "$load_slow" "$load_lowend" "$playback" "$compute_native" "$compute_wasm"
