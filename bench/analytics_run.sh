#!/usr/bin/env bash
# The one command for the analytics benchmark: builds Release into
# build-analytics-bench (or uses $BUILD_DIR when set, e.g. an existing build),
# prints the machine and the date, and runs analytics_bench (arguments are
# passed on; default 1,000,000 patents, a 100,000-patent set and the pandas
# baseline with Debian's /usr/bin/python3 and python3-pandas). See
# bench/README.md ("Analytics").
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build-analytics-bench}"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if [ -z "${BUILD_DIR:-}" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPATNAV_BENCH=ON >"$log" 2>&1 || { tail -n 40 "$log" >&2; exit 1; }
fi
if ! cmake --build "$build" --target analytics_bench >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  echo "bench/analytics_run.sh: the build failed (above)" >&2
  exit 1
fi
if ! /usr/bin/python3 -c 'import pandas' 2>/dev/null; then
  echo "bench/analytics_run.sh: pandas is missing: apt-get install -y python3-pandas (or pass --no-pandas)" >&2
fi

echo "== patnav analytics benchmark"
echo "date:    $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "commit:  $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet HEAD -- src bench 2>/dev/null || echo ' (with uncommitted changes)')"
echo "build:   $build ($(grep -m1 CMAKE_BUILD_TYPE: "$build/CMakeCache.txt" | cut -d= -f2))"
echo "machine: $(nproc --all) CPUs ($(nproc) allowed to this run), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo)"
echo "system:  $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r), $(c++ --version | head -1), CRoaring $(dpkg-query -W -f='${Version}' libroaring-dev 2>/dev/null), pandas $(/usr/bin/python3 -c 'import pandas; print(pandas.__version__)' 2>/dev/null || echo absent)"
echo "load:    $(cut -d" " -f1-3 /proc/loadavg) (1/5/15-min load average before the run; other work on the machine skews the figures)"
echo
"$build/bench/analytics_bench" "$@"
