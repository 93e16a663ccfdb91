#!/usr/bin/env bash
# Benchmarks (figures, not pass/fail): builds the release and prints one JSON object
# with dist/ sizes, cold-load timings, and the engine's compute time per scenario.
#   bash bench/run.sh [--runs N]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/setup.sh"
RUNS=5
[ "${1:-}" = "--runs" ] && RUNS="$2"
trunk build --release >&2
size="$(node bench/size.mjs dist)"
load="$(node bench/load.mjs --runs "$RUNS")"
compute="null"
if [ -f engine/examples/bench_compute.rs ]; then
  compute="$(cargo run -q --release -p wirewalk-engine --example bench_compute)"
fi
printf '{"size": %s,\n"load": %s,\n"compute": %s}\n' "$size" "$load" "$compute"
