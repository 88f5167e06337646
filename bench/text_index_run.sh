#!/usr/bin/env bash
# The one command for the text-segment benchmark (issue 13, "an index writer
# of our own"): builds text_index_bench (Release, into build-bench, or
# $PATNAV_BENCH_BUILD with $PATNAV_BENCH_BUILD_TYPE), compiles the Lucene
# baseline, prints the machine and the date, and runs the benchmark pinned
# to one core. Arguments are passed on, e.g. --docs 20000 --description.
# See bench/README.md, "An inverter of our own".
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${PATNAV_BENCH_BUILD:-$root/build-bench}"
case "$build" in /*) ;; *) build="$root/$build" ;; esac
build_type="${PATNAV_BENCH_BUILD_TYPE:-Release}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! { cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" -DPATNAV_BENCH=ON &&
       ninja -C "$build" text_index_bench; } >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  echo "bench/text_index_run.sh: the build failed (above)" >&2
  exit 1
fi
. "$root/bench/lucene/classpath.sh" "$root" "$build" "$log"

core=$(( $(nproc) > 1 ? 1 : 0 ))
echo "== patnav text-segment benchmark (one core: taskset -c $core)"
echo "date:    $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "commit:  $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet HEAD -- src bench 2>/dev/null || echo ' (with uncommitted changes)')"
echo "build:   $build_type ($build)"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo)"
echo "system:  $(. /etc/os-release && echo "$PRETTY_NAME"), $(c++ --version | head -1), Xapian $(pkg-config --modversion xapian-core)"
if [ "${lucene[0]}" = "--lucene" ]; then
  echo "lucene:  $(basename "$lucene_core" .jar), $(java -version 2>&1 | head -1)"
fi
echo "load:    $(cut -d" " -f1-3 /proc/loadavg) (1/5/15-min load average before the run)"
echo
taskset -c "$core" "$build/bench/text_index_bench" "$@" "${lucene[@]}"
