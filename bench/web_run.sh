#!/usr/bin/env bash
# The one command for the web benchmark (issue 11): builds `patnav` with its
# web bundle (into build-bench, or $PATNAV_BENCH_BUILD), prints the machine,
# date, commit and load, and measures:
#   - the built bundle: every file's bytes and gzip bytes (gzip -9, as the
#     server's pre-compressed copies), the total, and each chunk the entry
#     page loads (index.html's script and modulepreload/stylesheet links);
#   - in headless Debian chromium (/usr/bin/chromium) on 127.0.0.1, against
#     `patnav serve` on a store of N generated patents (default 100,000,
#     without descriptions): first contentful paint and time to interactive
#     of the search workspace on cold loads (bench/web_measure.mjs says how),
#     and the time from pressing Search to the results shown, per query.
# Targets: interactive under 1.5 s on first load; results under 300 ms after
# the query is sent.
#   bench/web_run.sh [--docs N] [--loads N] [--queries N] [--data DIR] [--keep]
# --data DIR keeps the prepared data directory there and, when it already
# holds a store, measures without generating and ingesting again (about 17
# minutes at 100,000 on two cores).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${PATNAV_BENCH_BUILD:-$root/build-bench}"
case "$build" in /*) ;; *) build="$root/$build" ;; esac
docs=100000 loads=5 nqueries=20 keep=0 data=
while [ $# -gt 0 ]; do
  case "$1" in
    --docs) docs="$2"; shift 2 ;;
    --loads) loads="$2"; shift 2 ;;
    --queries) nqueries="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "usage: bench/web_run.sh [--docs N] [--loads N] [--queries N] [--data DIR] [--keep]" >&2; exit 2 ;;
  esac
done
chromium="${PATNAV_CHROMIUM:-/usr/bin/chromium}"
for tool in node gzip python3 curl; do
  command -v "$tool" >/dev/null || { echo "bench/web_run.sh: $tool is missing (scripts/install-deps.sh installs it)" >&2; exit 1; }
done
[ -x "$chromium" ] || { echo "bench/web_run.sh: $chromium is missing (apt-get install chromium)" >&2; exit 1; }
[ -d "$root/web/node_modules/@playwright/test" ] || { echo "bench/web_run.sh: run 'npm ci' in web/ first" >&2; exit 1; }

log="$(mktemp)"
configure=true
[ -f "$build/CMakeCache.txt" ] && configure=false
if ! { { ! $configure || cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPATNAV_TESTS=OFF; } &&
       ninja -C "$build" patnav; } >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  echo "bench/web_run.sh: the build failed (above)" >&2
  exit 1
fi
P="$build/src/cli/patnav"
dist="$build/web-dist"
work="$(mktemp -d /tmp/patnav-web-bench-XXXXXX)"
db="${data:-$work/data}"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -f "$log"
  if [ "$keep" = 0 ]; then rm -rf "$work"; else echo "kept $work"; fi
}
trap cleanup EXIT

echo "== patnav web benchmark"
echo "date:    $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "commit:  $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet HEAD -- src web bench 2>/dev/null || echo ' (with uncommitted changes)'), $(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$build/CMakeCache.txt") build"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo)"
echo "system:  $(. /etc/os-release && echo "$PRETTY_NAME"), Node.js $(node --version), $("$chromium" --version 2>/dev/null | head -1)"
echo "load:    $(cut -d" " -f1-3 /proc/loadavg) (1/5/15-min load average before the run; other work on the machine skews the figures)"
echo

echo "-- the built bundle ($dist)"
python3 - "$dist" <<'PY'
import gzip, os, re, sys
dist = sys.argv[1]
def sizes(p):
    data = open(p, "rb").read()
    return len(data), len(gzip.compress(data, 9, mtime=0))
rows = []
for d, _, files in os.walk(dist):
    for f in files:
        p = os.path.join(d, f)
        rows.append((os.path.relpath(p, dist),) + sizes(p))
raw = sum(r[1] for r in rows); gz = sum(r[2] for r in rows)
print(f"   all files:   {len(rows):3d} files  {raw/1024:9.1f} KiB  gzip {gz/1024:8.1f} KiB")
html = open(os.path.join(dist, "index.html")).read()
entry = ["index.html"] + [m.lstrip("/") for m in re.findall(r'(?:src|href)="(/assets/[^"]+)"', html)]
er = eg = 0
for name in entry:
    r, g = sizes(os.path.join(dist, name))
    er += r; eg += g
    print(f"   entry chunk: {name:42s} {r/1024:9.1f} KiB  gzip {g/1024:8.1f} KiB")
print(f"   entry total: {len(entry):3d} files  {er/1024:9.1f} KiB  gzip {eg/1024:8.1f} KiB (what the first load of any screen fetches)")
PY
echo

if "$P" stats --db "$db" > /dev/null 2>&1; then
  echo "-- corpus: $("$P" stats --db "$db" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["publications"])') patents already in $db"
else
  echo "-- corpus: $docs generated patents (no descriptions)"
  "$P" generate --docs "$docs" --seed 42 --no-full-text --format uspto-xml --out "$work/corpus.xml" > /dev/null
  /usr/bin/time -f "   ingest + index: %e s, peak %M KiB" "$P" ingest --no-progress --db "$db" "$work/corpus.xml" > /dev/null
  rm -f "$work/corpus.xml"
fi
printf '%s\n' web-bench-password-1 > "$work/password"
"$P" user add webbench --role analyst --password-stdin --db "$db" < "$work/password" > /dev/null 2>&1 || true

# Queries: two words from the titles of records spread over the corpus, and
# a few with fields and facets' shapes.
set +o pipefail
{ "$P" export --db "$db" --format jsonl || true; } | awk 'NR % 211 == 1' | head -"$nqueries" | python3 -c '
import json, sys
for line in sys.stdin:
    words = [w for w in json.loads(line)["title"].get("en", "").lower().split() if w.isalpha() and len(w) > 3]
    if len(words) >= 2: print(words[0] + " " + words[1])
' > "$work/queries.txt"
set -o pipefail
printf '%s\n' 'PD>=2015' 'TAC=battery AND PD>=2018' 'IPC=H01M' >> "$work/queries.txt"
echo "   $(wc -l < "$work/queries.txt") search queries (the first is the warm-up)"

"$P" serve --db "$db" --listen 127.0.0.1:0 --rate-limit 0 > "$work/serve.out" 2> "$work/serve.err" &
server_pid=$!
for _ in $(seq 1 300); do grep -q "listening on" "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
base="$(sed -n 's/.*listening on \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$work/serve.out")"
[ -n "$base" ] || { cat "$work/serve.err" >&2; echo "bench/web_run.sh: patnav serve did not start" >&2; exit 1; }
echo "   server RSS after start: $(awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$server_pid/status")"
echo

node "$root/bench/web_measure.mjs" --url "$base" --user webbench --password-file "$work/password" \
     --queries "$work/queries.txt" --loads "$loads" --web "$root/web" > "$work/measure.json"
python3 - "$work/measure.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
print(f"-- search workspace, {len(m['cold_loads'])} cold loads (fresh context, signed in); ms from navigation start")
for i, l in enumerate(m["cold_loads"], 1):
    print(f"   load {i}: FCP {l['fcp']:7.1f}  DOMContentLoaded {l['dcl']:7.1f}  load {l['load']:7.1f}  TTI {l['tti']:7.1f}  long tasks {l['long_tasks']}  transferred {l['transfer_bytes']/1024:.0f} KiB")
s = m["load_median"]
print(f"   median: FCP {s['fcp']:.1f}  TTI {s['tti']:.1f} (max {s['tti_max']:.1f}; target < 1500)")
print()
t = m["search_summary"]
print(f"-- pressing Search to the results shown, {t['n']} queries after a warm-up; ms")
for q in m["searches"]:
    print(f"   {q['shown']:7.1f}  (API {q['api']:6.1f})  {q['q'][:40]:40s} {q['total']}")
print(f"   shown p50 {t['shown_p50']:.1f}  p90 {t['shown_p90']:.1f}  max {t['shown_max']:.1f} (target < 300); API p50 {t['api_p50']:.1f}  p90 {t['api_p90']:.1f}")
PY
echo "   server RSS at the end: $(awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$server_pid/status")"
echo "load:    $(cut -d" " -f1-3 /proc/loadavg) after the run"
