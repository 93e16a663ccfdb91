#!/usr/bin/env bash
# Runs every test: format, lints, native tests (engine, tshark oracle, app logic and
# server-side-rendered components), wasm component tests in headless Chromium, and
# Playwright end-to-end tests against the release build served from a sub-path.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

# Each step's heading says how long the run has taken so far (CI's budget is ~30 min).
step() { printf '\n=== %s (at %dm%02ds) ===\n' "$*" $((SECONDS / 60)) $((SECONDS % 60)); }

step "rustfmt"
cargo fmt --all --check

step "clippy (native and wasm32)"
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo clippy -p wirewalk -p wirewalk-tools --target wasm32-unknown-unknown --all-targets --locked -- -D warnings

step "engine compiles for wasm32 on its own (its own features, not the app's)"
cargo check -p wirewalk-engine --target wasm32-unknown-unknown --locked

step "native tests (engine, tshark oracle, app logic, SSR components)"
cargo test --workspace --locked

# Only tests/web.rs holds wasm-bindgen tests; the other test targets are native-only and
# would each be linked into a wasm of their own just to report "no tests to run".
step "component tests in headless Chromium (wasm-bindgen-test)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test -p wirewalk --target wasm32-unknown-unknown --features inline-text --locked --test web

step "release build (and the native trace CLI the end-to-end tests compare against)"
cargo build -p wirewalk-engine --bin wirewalk-trace --locked
trunk build --release

step "byte budget (brotli, per file and on the critical paths: bench/budget.json)"
node bench/budget.mjs dist

step "end-to-end tests (Playwright, release build under /course/wirewalk/)"
npx playwright test --config e2e/playwright.config.mjs
