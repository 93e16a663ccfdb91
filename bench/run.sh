#!/usr/bin/env bash
# Benchmarks (figures, not pass/fail): builds the release and prints one JSON object
# with dist/ sizes, cold-load timings, TCP-scene playback smoothness, and the engine's
# compute time per scenario (native and wasm).
#   bash bench/run.sh [--runs N]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/setup.sh"
RUNS=5
[ "${1:-}" = "--runs" ] && RUNS="$2"
trunk build --release >&2
size="$(node bench/size.mjs dist)"
load="$(node bench/load.mjs --runs "$RUNS")"
playback="$(node bench/playback.mjs --seconds 10 --runs 3)"
# Engine compute time per scenario: natively, and as wasm32 under Node.
compute_native="$(cargo run -q --release --locked -p wirewalk-engine --example bench_compute)"
cargo build -q --release --target wasm32-unknown-unknown --manifest-path engine/benches/wasm/Cargo.toml >&2
compute_wasm="$(node engine/benches/wasm/run.mjs)"
printf '{"size": %s,\n"load": %s,\n"playback": %s,\n"compute_native": %s,\n"compute_wasm": %s}\n' "$size" "$load" "$playback" "$compute_native" "$compute_wasm"
