#!/usr/bin/env bash
# Builds the release app and serves it on http://127.0.0.1:${PORT:-8080}/ (Ctrl-C stops it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
trunk build --release
echo "Wirewalk: http://127.0.0.1:${PORT:-8080}/"
exec node scripts/static-server.mjs --dir dist --port "${PORT:-8080}"
