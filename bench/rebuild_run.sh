#!/usr/bin/env bash
# `patnav index --rebuild` timed side by side: for each corpus (generated
# grants, with and without descriptions), each binary and each CPU set, one
# rebuild of the same store, with wall, user and system seconds, documents/s,
# peak RSS and the index's size. See bench/README.md, "Rebuild on both cores".
#
#   bench/rebuild_run.sh [--docs "5000 20000"] [--seed 7] [--cpus "0 0,1"]
#                        [--workdir DIR] [--keep] NAME=BINARY [NAME=BINARY ...]
#
# The store of each corpus is ingested once (`--no-index`, by the first
# binary) and every binary rebuilds the index of that same store. A binary
# given as NAME=BINARY:ARGS passes ARGS (comma-separated) on to
# `patnav index --rebuild`, e.g. after=build/src/cli/patnav:--writers,1.
set -euo pipefail

docs_list="5000 20000"
seed=7
cpus_list="0 0,1"
workdir=""
keep=0
bins=()
while [ $# -gt 0 ]; do
  case "$1" in
    --docs) docs_list="${2:?}"; shift 2 ;;
    --seed) seed="${2:?}"; shift 2 ;;
    --cpus) cpus_list="${2:?}"; shift 2 ;;
    --workdir) workdir="${2:?}"; shift 2 ;;
    --keep) keep=1; shift ;;
    *=*) bins+=("$1"); shift ;;
    *) echo "bench/rebuild_run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ ${#bins[@]} -eq 0 ]; then echo "bench/rebuild_run.sh: give at least one NAME=BINARY" >&2; exit 2; fi
if [ -z "$workdir" ]; then workdir="$(mktemp -d)"; fi
mkdir -p "$workdir"
if [ "$keep" = 0 ]; then trap 'rm -rf "$workdir"' EXIT; fi

first="${bins[0]#*=}"; first="${first%%:*}"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); $(date -u '+%Y-%m-%d %H:%M UTC')"
printf '%-8s %-9s %-14s %-6s %8s %8s %8s %8s %9s %9s %s\n' corpus text binary cpus "wall s" "user s" "sys s" "docs/s" "peak MiB" "index MB" "load"
for docs in $docs_list; do
  for text in titles full; do
    dir="$workdir/$docs-$text"
    if [ ! -f "$dir/patnav.db" ]; then
      flag=(); if [ "$text" = titles ]; then flag=(--no-full-text); fi
      "$first" generate --docs "$docs" --seed "$seed" "${flag[@]}" --out "$workdir/$docs-$text.xml"
      "$first" ingest --db "$dir" --no-index --no-progress "$workdir/$docs-$text.xml" >/dev/null
      rm -f "$workdir/$docs-$text.xml"
    fi
    for spec in "${bins[@]}"; do
      name="${spec%%=*}"; rest="${spec#*=}"; bin="${rest%%:*}"; extra=()
      if [ "$rest" != "$bin" ]; then IFS=, read -r -a extra <<<"${rest#*:}"; fi
      for cpus in $cpus_list; do
        load="$(cut -d' ' -f1 /proc/loadavg)"
        t="$(mktemp)"
        taskset -c "$cpus" /usr/bin/time -f '%e %U %S %M' -o "$t" "$bin" index --rebuild --db "$dir" "${extra[@]}" >/dev/null
        read -r wall user sys rss <"$t"; rm -f "$t"
        size="$(du -sb "$dir/index" | cut -f1)"
        printf '%-8s %-9s %-14s %-6s %8.1f %8.1f %8.1f %8.0f %9.1f %9.1f %s\n' "$docs" "$text" "$name" "$cpus" \
          "$wall" "$user" "$sys" "$(echo "$docs / $wall" | bc -l)" "$(echo "$rss / 1024" | bc -l)" \
          "$(echo "$size / 1000000" | bc -l)" "$load"
      done
    done
  done
done
