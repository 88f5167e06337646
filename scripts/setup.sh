#!/usr/bin/env bash
# One command for a new user on a fresh Debian 12 machine: installs what is
# missing, builds patnav, and runs the main job on a demo corpus (a
# generated set of USPTO full-text grants and a Chinese-tool CSV export):
# ingest, statistics, one record, and a canonical export.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh

DEMO=demo
DB="$DEMO/patnav-data"
mkdir -p "$DEMO"
rm -rf "$DB"
./build/src/cli/patnav generate --docs 2000 --seed 7 --format uspto-xml --out "$DEMO/grants.xml"
./build/src/cli/patnav generate --docs 500 --seed 8 --format csv --out "$DEMO/cn-export.csv"
./build/src/cli/patnav ingest --db "$DB" "$DEMO/grants.xml" "$DEMO/cn-export.csv"
./build/src/cli/patnav stats --db "$DB"
first=$(./build/src/cli/patnav export --db "$DB" --format jsonl | head -1 | sed 's/.*"publication_number":"\([^"]*\)".*/\1/')
./build/src/cli/patnav show --db "$DB" "$first"
./build/src/cli/patnav export --db "$DB" --format jsonl --out "$DEMO/export.jsonl"
echo
echo "demo done: store in $DB, canonical export in $DEMO/export.jsonl"
echo "try: ./build/src/cli/patnav --help"
