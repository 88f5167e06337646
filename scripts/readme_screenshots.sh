#!/usr/bin/env bash
# The README's screenshots (docs/images/search-workspace.png and
# docs/images/landscape.png) from the demo data of scripts/setup.sh (2,000
# generated grants, seed 7, and a 500-row Chinese-tool CSV, seed 8): builds
# patnav (build/, or $PATNAV_BUILD), ingests the demo corpus into a scratch
# directory, starts `patnav serve` on 127.0.0.1 and takes both pictures at
# 1366x768 in headless Debian chromium (scripts/readme_screenshots.mjs).
#   scripts/readme_screenshots.sh [--out DIR (default docs/images)] [--query Q]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${PATNAV_BUILD:-$root/build}"
out="$root/docs/images" query='TAC=battery AND PD>=2015'
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --query) query="$2"; shift 2 ;;
    *) echo "usage: scripts/readme_screenshots.sh [--out DIR] [--query Q]" >&2; exit 2 ;;
  esac
done
[ -x "${PATNAV_CHROMIUM:-/usr/bin/chromium}" ] || { echo "scripts/readme_screenshots.sh: chromium is missing" >&2; exit 1; }
ninja -C "$build" patnav > /dev/null
P="$build/src/cli/patnav"
work="$(mktemp -d /tmp/patnav-screenshots-XXXXXX)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
"$P" generate --docs 2000 --seed 7 --format uspto-xml --out "$work/grants.xml" > /dev/null
"$P" generate --docs 500 --seed 8 --format csv --out "$work/cn-export.csv" > /dev/null
"$P" ingest --no-progress --db "$work/data" "$work/grants.xml" "$work/cn-export.csv" > /dev/null
printf '%s\n' patnav-demo-2025 > "$work/password"
"$P" user add analyst --role analyst --password-stdin --db "$work/data" < "$work/password" > /dev/null
"$P" serve --db "$work/data" --listen 127.0.0.1:0 > "$work/serve.out" 2> "$work/serve.err" &
server_pid=$!
for _ in $(seq 1 300); do grep -q "listening on" "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
base="$(sed -n 's/.*listening on \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$work/serve.out")"
[ -n "$base" ] || { cat "$work/serve.err" >&2; exit 1; }
node "$root/scripts/readme_screenshots.mjs" --url "$base" --user analyst --password-file "$work/password" \
     --query "$query" --out "$out" --web "$root/web"
