#!/usr/bin/env bash
# The one command for the pool benchmark (issue 5): builds Release (into
# build-bench, or $PATNAV_BENCH_BUILD), prints the machine and the date, and
# runs pool_bench: 50,000 patents, 200 members, 500 licensees, 100 countries,
# 1,000,000 royalty lines for one period (arguments are passed on, e.g.
# --patents 5000 --lines 100000). Target: the period closes in under 2 s.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${PATNAV_BENCH_BUILD:-$root/build-bench}"
case "$build" in /*) ;; *) build="$root/$build" ;; esac

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! { cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPATNAV_BENCH=ON &&
       ninja -C "$build" pool_bench; } >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  echo "bench/pool_run.sh: the build failed (above)" >&2
  exit 1
fi

echo "== patnav pool benchmark"
echo "date:    $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "commit:  $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet HEAD -- src bench 2>/dev/null || echo ' (with uncommitted changes)')"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo)"
echo "system:  $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r), $(c++ --version | head -1), SQLite $(pkg-config --modversion sqlite3)"
echo "load:    $(cut -d" " -f1-3 /proc/loadavg) (1/5/15-min load average before the run; other work on the machine skews the figures)"
echo "one thread; operations.db in $(dirname "$(mktemp -u)") with synchronous=FULL"
echo
"$build/bench/pool_bench" "$@"
