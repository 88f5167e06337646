#!/usr/bin/env bash
# Builds patnav and runs the whole test suite (GoogleTest through ctest).
# Tests that read ../shared/data skip cleanly where it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
cd build
ctest --output-on-failure -j2 --timeout 600
