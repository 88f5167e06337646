#!/usr/bin/env bash
# The one command for the server benchmark (issue 10): builds Release (into
# build-bench, or $PATNAV_BENCH_BUILD), generates N patents (default 100,000,
# without descriptions), sets up an alliance with a pool and a closed period,
# starts `patnav serve` on 127.0.0.1 and measures, each beside its baseline:
#   - search with facets, patent detail and a member's statement at a fixed
#     offered rate from 50 clients (hey -q), and search at full speed with
#     rotating queries (wrk): throughput, p50/p95/p99/max, errors, server RSS;
#   - the same search queries through the application layer in-process
#     (server_floor): the floor HTTP adds to;
#   - /healthz latency alone and while 100 event streams are open.
# Targets: search with facets p99 < 50 ms at 200 req/s from 50 clients;
# patent detail p99 < 10 ms at 1,000 req/s; no errors; idle streams do not
# raise ping p99.
#   bench/server_run.sh [--docs N] [--seconds S] [--keep] [--data DIR]
# --data DIR keeps the prepared data directory there and, when it is already
# prepared (a previous run with the same --docs), measures without generating
# and ingesting again (about 17 minutes at 100,000 on two cores).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${PATNAV_BENCH_BUILD:-$root/build-bench}"
case "$build" in /*) ;; *) build="$root/$build" ;; esac
docs=100000 seconds=20 keep=0 data=
while [ $# -gt 0 ]; do
  case "$1" in
    --docs) docs="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --data) data="$2"; shift 2 ;;
    *) echo "usage: bench/server_run.sh [--docs N] [--seconds S] [--keep] [--data DIR]" >&2; exit 2 ;;
  esac
done
for tool in wrk hey curl python3; do
  command -v "$tool" >/dev/null || { echo "bench/server_run.sh: $tool is missing (scripts/install-deps.sh installs it)" >&2; exit 1; }
done

log="$(mktemp)"
# A build directory that exists already (PATNAV_BENCH_BUILD=build) is used with
# its own configuration; a new one is configured Release.
configure=true
[ -f "$build/CMakeCache.txt" ] && configure=false
if ! { { ! $configure || cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPATNAV_BENCH=ON -DPATNAV_TESTS=OFF; } &&
       ninja -C "$build" patnav server_floor; } >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  echo "bench/server_run.sh: the build failed (above)" >&2
  exit 1
fi
P="$build/src/cli/patnav"
work="$(mktemp -d /tmp/patnav-server-bench-XXXXXX)"
db="${data:-$work/data}"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  jobs -p | xargs -r kill 2>/dev/null || true
  rm -f "$log"
  if [ "$keep" = 0 ]; then rm -rf "$work"; else echo "kept $work"; fi
}
trap cleanup EXIT

echo "== patnav server benchmark"
echo "date:    $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "commit:  $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown), $(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$build/CMakeCache.txt") build"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo)"
echo "system:  $(. /etc/os-release && echo "$PRETTY_NAME"), $(c++ --version | head -1), wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'), hey"
echo "load:    $(cut -d" " -f1-3 /proc/loadavg) before the run"
echo

ready="$db/bench-ready-$docs"
set +o pipefail  # `head` ends the export early on purpose
if "$P" stats --db "$db" > /dev/null 2>&1; then
  echo "-- corpus: $("$P" stats --db "$db" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["publications"])') patents already in $db (an earlier run or ingest)"
else
  echo "-- corpus: $docs generated patents (no descriptions)"
  "$P" generate --docs "$docs" --seed 42 --no-full-text --format uspto-xml --out "$work/corpus.xml"
  /usr/bin/time -f "   ingest + index: %e s, peak %M KiB" "$P" ingest --no-progress --db "$db" "$work/corpus.xml" > /dev/null
fi
mapfile -t pns < <("$P" export --db "$db" --format jsonl | head -6 | sed 's/^{"publication_number":"\([^"]*\)".*/\1/')
if [ ! -f "$ready" ]; then  # users, an alliance, a pool and a closed period, once
printf '%s\n' benchmark-password-1 | "$P" user add bench --role administrator --password-stdin --db "$db" > /dev/null
{
  "$P" alliance create --db "$db" "Bench Alliance" --form cooperative_organization
  "$P" member add --db "$db" "Acme" --type industry --joined 2020-01-01
  "$P" pool create --db "$db" P1 --currency USD --fee 10
  "$P" pool contribute --db "$db" --pool P1 --member Acme --date 2024-01-01 --countries CN "${pns[@]:0:4}"
  "$P" pool rescore --db "$db" --pool P1
  "$P" programme create --db "$db" G1 --pool P1 --basis per-unit --rate 0.50
  "$P" licensee add --db "$db" "BYD" --country CN
  "$P" agreement add --db "$db" --licensee BYD --programme G1 --territories CN --from 2024-01-01
  "$P" royalty report --db "$db" --licensee BYD --programme G1 --period 2025Q1 --line CN=120000
  "$P" distribute --db "$db" --pool P1 --period 2025Q1 --method value --close
} > /dev/null
touch "$ready"
fi

# Queries: two words from the titles of records spread over the corpus.
{ "$P" export --db "$db" --format jsonl || true; } | awk 'NR % 97 == 1' | head -200 | python3 -c '
import json, sys, urllib.parse
for line in sys.stdin:
    words = [w for w in json.loads(line)["title"].get("en", "").lower().split() if w.isalpha() and len(w) > 3]
    if len(words) >= 2: print(words[0] + " " + words[1])
' > "$work/queries.txt"
set -o pipefail
echo "   $(wc -l < "$work/queries.txt") search queries (two title words each)"

"$P" serve --db "$db" --listen 127.0.0.1:0 --access-log - --rate-limit 0 > "$work/serve.out" 2> "$work/serve.err" &
server_pid=$!
for _ in $(seq 1 300); do grep -q "listening on" "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
port="$(sed -n 's/.*listening on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$work/serve.out")"
base="http://127.0.0.1:$port"
curl -s -c "$work/jar" -H 'Content-Type: application/json' -H 'X-Requested-With: patnav' \
     -d '{"username":"bench","password":"benchmark-password-1"}' "$base/api/v1/session" > /dev/null
cookie="Cookie: patnav_session=$(awk '$6 == "patnav_session" {print $7}' "$work/jar")"
q1="$(head -1 "$work/queries.txt" | python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.stdin.read().strip()))')"
# Warm the searcher's columns up before timing.
while read -r q; do
  curl -s -o /dev/null -H "$cookie" "$base/api/v1/search?facets=true&q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$q")"
done < <(head -20 "$work/queries.txt")

rss() { awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$server_pid/status"; }
hey_run() {  # label rate url
  local label="$1" rate="$2" url="$3" per=$(( $2 / 50 ))
  hey -z "${seconds}s" -c 50 -q "$per" -H "$cookie" "$url" > "$work/hey.txt"
  python3 - "$label" "$rate" "$work/hey.txt" <<'PY'
import re, sys
label, rate, text = sys.argv[1], sys.argv[2], open(sys.argv[3]).read()
def grab(p):
    m = re.search(p, text); return float(m.group(1)) if m else float("nan")
rps = grab(r"Requests/sec:\s+([\d.]+)")
pct = {p: grab(rf"{p}% in ([\d.]+) secs") * 1000 for p in (50, 95, 99)}
slow = grab(r"Slowest:\s+([\d.]+) secs") * 1000
codes = dict(re.findall(r"\[(\d+)\]\s+(\d+) responses", text))
ok = int(codes.get("200", 0)); bad = sum(int(v) for k, v in codes.items() if k != "200")
errors = len(re.findall(r"^\s+\[\d+\]\s+Get", text, re.M))
print(f"{label:34s} offered {rate:>5s}/s  got {rps:8.1f}/s  p50 {pct[50]:7.2f}  p95 {pct[95]:7.2f}  p99 {pct[99]:7.2f}  max {slow:8.2f} ms  non-200 {bad}  errors {errors}")
PY
}

echo
echo "-- fixed offered rate, 50 clients, ${seconds} s each (hey -q); latencies in ms"
hey_run "search, facets (target p99 < 50)" 200 "$base/api/v1/search?facets=true&limit=20&q=$q1"
echo "   server RSS $(rss)"
hey_run "patent detail (target p99 < 10)" 1000 "$base/api/v1/patents/${pns[0]}"
hey_run "member statement" 200 "$base/api/v1/alliances/Bench%20Alliance/members/Acme/statement?period=2025Q1"
echo "   server RSS $(rss)"

echo
echo "-- full speed, rotating queries, 50 connections, ${seconds} s (wrk)"
python3 - "$work/queries.txt" "$cookie" > "$work/queries.lua" <<'PY'
import sys, urllib.parse
qs = [l.strip() for l in open(sys.argv[1]) if l.strip()]
print("local paths = {" + ",".join('"/api/v1/search?facets=true&limit=20&q=%s"' % urllib.parse.quote(q) for q in qs) + "}")
print('wrk.headers["Cookie"] = "%s"' % sys.argv[2].split(": ", 1)[1])
print("local i = 0\nrequest = function() i = i % #paths + 1; return wrk.format(nil, paths[i]) end")
PY
wrk -t 2 -c 50 -d "${seconds}s" --latency -s "$work/queries.lua" "$base" | grep -E "Requests/sec|  50%|  99%|Non-2xx|Socket errors" | sed 's/^/   /'
echo "   server RSS $(rss)"

echo
echo "-- the floor: the same queries in-process (no HTTP), one thread"
"$build/bench/server_floor" --db "$db" --queries "$work/queries.txt" --facets --rounds 2 | sed 's/^/   /'

echo
echo "-- /healthz at 200/s: alone, then with 100 idle event streams open"
# Both pings run while the same ingest job A works (one core busy), so they
# differ only by the streams: 100 streams follow job B, queued behind A, so
# they stay open and idle (no event until B starts). Both jobs are cancelled.
# A's records must be new to the store (re-ingesting known records is too
# quick to keep it busy), so its seed follows the store's size; what A
# committed before its cancellation stays (batches are transactions): with
# --data, each run leaves the corpus up to 20,000 patents larger, after the
# measurements above.
upload() {  # file -> job id
  curl -s -H "$cookie" -H 'X-Requested-With: patnav' -H 'Content-Type: application/octet-stream' \
       --data-binary @"$1" "$base/api/v1/ingest?filename=$(basename "$1")" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
stored="$("$P" stats --db "$db" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["publications"])')"
"$P" generate --docs 20000 --seed "$((1000 + stored))" --no-full-text --format uspto-xml --out "$work/job-a.xml" > /dev/null
"$P" generate --docs 200 --seed 10 --format uspto-xml --out "$work/job-b.xml" > /dev/null
job_a="$(upload "$work/job-a.xml")"
job_b="$(upload "$work/job-b.xml")"
sleep 2
hey_run "ping alone (job A running)" 200 "$base/healthz"
for _ in $(seq 1 100); do curl -s -N -o /dev/null -H "$cookie" "$base/api/v1/jobs/$job_b/events" & done
sleep 1
hey_run "ping, 100 idle streams (A running)" 200 "$base/healthz"
state_a="$(curl -s -H "$cookie" "$base/api/v1/jobs/$job_a" | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')"
echo "   server RSS $(rss), threads $(ls /proc/$server_pid/task | wc -l); job A still $state_a at the end (must be running)"
for j in "$job_b" "$job_a"; do curl -s -o /dev/null -X DELETE -H "$cookie" -H 'X-Requested-With: patnav' "$base/api/v1/jobs/$j"; done
