#!/usr/bin/env bash
# Idempotent, pinned set-up of everything Wirewalk builds and tests with.
# Sourced by scripts/serve.sh, scripts/test.sh and bench/run.sh; a second run on a
# ready machine only checks versions (seconds). Only crates.io, Debian packages, the
# npm registry and `rustup target add` are used: nothing downloads a prebuilt binary.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"   # 0.22.x needs rustc >= 1.96.1
# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
APT_PACKAGES=(chromium chromium-driver tshark fonts-noto-cjk)

log() { printf '[setup] %s\n' "$*" >&2; }
export PATH="$HOME/.cargo/bin:$PATH"

# Debian packages: the browser and its driver (component and end-to-end tests),
# tshark (the frame oracle), a CJK font (so zh screenshots show characters).
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  log "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  log "cargo install trunk $TRUNK_VERSION (about 8 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "^wasm-bindgen $WASM_BINDGEN_VERSION\b"; then
  log "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install --locked wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" \
    || cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# npm: binaryen (wasm-opt 132; Debian's is too old) and Playwright, from the lockfile.
stamp="node_modules/.wirewalk-lock"
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  log "npm ci"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
export PATH="$ROOT/node_modules/.bin:$PATH"

# Trunk builds with --offline: fetch every crate first.
cargo fetch --locked -q

# Chromium for Playwright and the benches.
export WIREWALK_CHROMIUM="${WIREWALK_CHROMIUM:-/usr/bin/chromium}"
