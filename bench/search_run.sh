#!/usr/bin/env bash
# The one command for the search benchmark: builds Release (into build-bench,
# or $PATNAV_BENCH_BUILD), prints the machine and the date, and runs
# search_bench (arguments are passed on, e.g. --docs 20000; default 1,000,000
# documents). See bench/README.md, "Search".
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${PATNAV_BENCH_BUILD:-$root/build-bench}"
case "$build" in /*) ;; *) build="$root/$build" ;; esac

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! { cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPATNAV_BENCH=ON &&
       ninja -C "$build" search_bench; } >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  echo "bench/search_run.sh: the build failed (above)" >&2
  exit 1
fi

echo "== patnav search benchmark"
echo "date:    $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "commit:  $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet HEAD -- src bench 2>/dev/null || echo ' (with uncommitted changes)')"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo)"
echo "system:  $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r), $(c++ --version | head -1), Xapian $(pkg-config --modversion xapian-core), SQLite $(pkg-config --modversion sqlite3) (FTS5)"
echo "disk:    $(df -h /tmp | awk 'NR==2 {print $4 " free in /tmp"}')"
echo "load:    $(cut -d" " -f1-3 /proc/loadavg) (1/5/15-min load average before the run; other work on the machine skews the figures)"
echo
"$build/bench/search_bench" "$@"
