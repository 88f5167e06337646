#!/usr/bin/env bash
# The one command for the search benchmark: builds (Release, into build-bench,
# or $PATNAV_BENCH_BUILD with $PATNAV_BENCH_BUILD_TYPE), compiles the Lucene
# baseline (bench/lucene/LuceneBench.java, into the build dir), prints the
# machine and the date, runs search_bench (arguments are passed on, e.g.
# --docs 20000 --descriptions; default 1,000,000 documents), then times
# `patnav ingest` end to end, with its default index update, on generated
# full-text grants on one core and on two (--ingest-docs N, default the
# --docs value up to 100,000; 0 skips it). See bench/README.md, "Search".
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${PATNAV_BENCH_BUILD:-$root/build-bench}"
case "$build" in /*) ;; *) build="$root/$build" ;; esac
build_type="${PATNAV_BENCH_BUILD_TYPE:-Release}"

docs=1000000
seed=42
ingest_docs=""
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --ingest-docs) ingest_docs="${2:?--ingest-docs needs a number}"; shift 2 ;;
    --docs) docs="${2:?--docs needs a number}"; args+=("$1" "$2"); shift 2 ;;
    --seed) seed="${2:?--seed needs a number}"; args+=("$1" "$2"); shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
if [ -z "$ingest_docs" ]; then ingest_docs=$(( docs < 100000 ? docs : 100000 )); fi
case "$ingest_docs" in ''|*[!0-9]*) echo "bench/search_run.sh: --ingest-docs is a number" >&2; exit 2 ;; esac

log="$(mktemp)"
ingest_dir=""
trap 'rm -f "$log"; if [ -n "$ingest_dir" ]; then rm -rf "$ingest_dir"; fi' EXIT
if ! { cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" -DPATNAV_BENCH=ON &&
       ninja -C "$build" search_bench patnav; } >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  echo "bench/search_run.sh: the build failed (above)" >&2
  exit 1
fi

# Lucene 8 from Debian's liblucene8-java, compiled against with the JDK's javac.
. "$root/bench/lucene/classpath.sh" "$root" "$build" "$log"
core="$lucene_core"

echo "== patnav search benchmark"
echo "date:    $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "commit:  $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet HEAD -- src bench 2>/dev/null || echo ' (with uncommitted changes)')"
echo "build:   $build_type ($build)"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo)"
echo "system:  $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r), $(c++ --version | head -1), Xapian $(pkg-config --modversion xapian-core), SQLite $(pkg-config --modversion sqlite3) (FTS5)"
if [ "${lucene[0]}" = "--lucene" ]; then
  echo "lucene:  $(basename "$core" .jar) ($(dpkg-query -W -f='liblucene8-java ${Version}' liblucene8-java 2>/dev/null || echo 'package version unknown')), $(java -version 2>&1 | head -1)"
fi
echo "disk:    $(df -h /tmp | awk 'NR==2 {print $4 " free in /tmp"}')"
echo "load:    $(cut -d" " -f1-3 /proc/loadavg) (1/5/15-min load average before the run; other work on the machine skews the figures)"
echo
status=0
"$build/bench/search_bench" "${args[@]}" "${lucene[@]}" || status=$?

[ "$ingest_docs" -gt 0 ] || exit "$status"

# `patnav ingest` end to end: one file of generated full-text grants, a fresh
# store each time, its default index update included.
patnav="$build/src/cli/patnav"
ingest_dir="$(mktemp -d /tmp/patnav-ingest-XXXXXX)"
echo
echo "== patnav ingest end to end (default index update), $ingest_docs generated full-text grants, seed $seed"
"$patnav" generate --docs "$ingest_docs" --seed "$seed" --out "$ingest_dir/grants.xml" >/dev/null
bytes=$(stat -c %s "$ingest_dir/grants.xml")
echo "  corpus: $(awk -v b="$bytes" -v n="$ingest_docs" 'BEGIN {printf "%.1f MB, %.1f KB/doc", b/1e6, b/n/1e3}') (read from the page cache: just written)"
printf '  %-22s %9s %9s %9s %9s %10s  %s\n' "cores (taskset -c)" "wall s" "user s" "sys s" "docs/s" "peak MiB" "patnav ingest said"
cores_list=("0")
if [ "$(nproc)" -ge 2 ]; then cores_list+=("0,1"); fi
for cores in "${cores_list[@]}"; do
  rm -rf "$ingest_dir/db"
  echo "load before: $(cut -d" " -f1-3 /proc/loadavg)" >"$ingest_dir/load"
  if ! taskset -c "$cores" /usr/bin/time -f '%e %U %S %M' -o "$ingest_dir/time" \
       "$patnav" ingest --db "$ingest_dir/db" "$ingest_dir/grants.xml" >"$ingest_dir/out" 2>&1; then
    echo "  $cores: patnav ingest failed: $(tail -n 3 "$ingest_dir/out" | tr '\n' ' ')"
    status=1
    continue
  fi
  read -r wall user sys peak_kib <"$ingest_dir/time"
  said=$(grep -E '^(ingest|  index):' "$ingest_dir/out" | sed 's/^ *//' | paste -sd ';' -)
  printf '  %-22s %9.1f %9.1f %9.1f %9.0f %10.1f  %s (%s)\n' "$cores" "$wall" "$user" "$sys" \
    "$(awk -v n="$ingest_docs" -v w="$wall" 'BEGIN {print (w > 0 ? n / w : 0)}')" \
    "$(awk -v k="$peak_kib" 'BEGIN {print k / 1024}')" "$said" "$(cat "$ingest_dir/load")"
done
echo "  (wall = the whole command: parse, store, index update; peak = its maximum RSS; target of issue 13: 2,000 docs/s on two cores)"
exit "$status"
