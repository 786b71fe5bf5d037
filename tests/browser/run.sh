#!/usr/bin/env bash
# Browser end-to-end test of the dyad dashboard.
#
#   tests/browser/run.sh            (from anywhere; needs cargo, node, npm)
#
# Installs Chromium (Debian package) if missing, installs playwright-core,
# builds the dyad binary, loads fixtures/events.jsonl into a fresh store,
# serves it on a free loopback port, runs dashboard.test.mjs against it and
# stops the server. Writes docs/dashboard.png.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if ! command -v chromium >/dev/null 2>&1; then
  echo "run.sh: installing chromium" >&2
  apt-get update && apt-get install -y chromium
fi

cd "$here"
if [ ! -d node_modules/playwright-core ]; then
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi

cd "$root"
# DYAD_BIN: a dyad binary already built (the cargo test that drives this script sets it).
if [ -n "${DYAD_BIN:-}" ]; then
  dyad="$DYAD_BIN"
else
  cargo build -p dyad-cli
  dyad="$root/target/debug/dyad"
fi

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$dyad" load "$here/fixtures/events.jsonl" --store "$work/fixture.db"
# The seed article, coded by the real coder into the same store.
seed="$root/../shared/corpus/seed/000_dda12a8a62aa801c.txt"
"$dyad" code --quiet --store "$work/fixture.db" "$seed" >/dev/null

# Port 0: the server picks a free port and prints its address.
"$dyad" serve --store "$work/fixture.db" --bind 127.0.0.1:0 >"$work/serve.log" 2>&1 &
server_pid=$!
url=""
for _ in $(seq 1 100); do
  url="$(sed -n 's/^dyad serving \(http:[^ ]*\)$/\1/p' "$work/serve.log")"
  [ -n "$url" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/serve.log" >&2; exit 1; fi
  sleep 0.1
done
if [ -z "$url" ]; then echo "run.sh: server did not start" >&2; cat "$work/serve.log" >&2; exit 1; fi

mkdir -p "$root/docs"
DYAD_URL="$url" SCREENSHOT="$root/docs/dashboard.png" node "$here/dashboard.test.mjs"
