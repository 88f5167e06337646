#!/usr/bin/env bash
# One command for a new user on a fresh Debian 12 machine: installs what is
# missing, builds patnav, and runs the main job on a demo corpus (a
# generated set of USPTO full-text grants and a Chinese-tool CSV export):
# ingest, statistics, one record, a canonical export, a search, a landscape
# report (HTML and XLSX), and one period of a patent pool: alliance, members,
# contributions, licence, royalty report, distribution by patent value,
# a member's statement and the ledger check.
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
P=./build/src/cli/patnav
# The first publication numbers of the export (each line starts with its own).
mapfile -t pns < <($P export --db "$DB" --format jsonl | grep '^{"publication_number":"US' | head -6 |
                   sed 's/^{"publication_number":"\([^"]*\)".*/\1/')
$P show --db "$DB" "${pns[0]}"
$P export --db "$DB" --format jsonl --out "$DEMO/export.jsonl"

echo; echo "== search"
$P search --db "$DB" 'TAC=battery AND PD>=2015' --facets --limit 5
echo; echo "== landscape report"
$P landscape '*' --db "$DB" --format html --out "$DEMO/landscape.html"
$P landscape '*' --db "$DB" --format xlsx --out "$DEMO/landscape.xlsx"

echo; echo "== a patent pool, one period"
$P alliance create --db "$DB" "新能源汽车产业知识产权联盟" --form cooperative_organization --address "北京市海淀区"
$P member add --db "$DB" "Acme Battery Co." --type industry --joined 2020-01-01
$P member add --db "$DB" "清华大学" --type university --joined 2020-01-01
$P pool create --db "$DB" EV-Charging --currency USD --fee 10 --scope "EV charging" --standard "GB/T 20234"
$P pool contribute --db "$DB" --pool EV-Charging --member "Acme Battery Co." --date 2024-01-01 --countries CN,DE "${pns[@]:0:4}"
$P pool contribute --db "$DB" --pool EV-Charging --member "清华大学" --date 2024-01-01 --countries CN "${pns[@]:4:2}"
$P pool rescore --db "$DB" --pool EV-Charging
$P programme create --db "$DB" EVC --pool EV-Charging --basis per-unit --rate 0.50 --country-rate CN=0.20 --member-rate 0
$P licensee add --db "$DB" "BYD Auto" --country CN
$P agreement add --db "$DB" --licensee "BYD Auto" --programme EVC --territories CN,US --from 2024-01-01
$P royalty report --db "$DB" --licensee "BYD Auto" --programme EVC --period 2025Q1 --line CN=120000 --line US=8000
$P distribute --db "$DB" --pool EV-Charging --period 2025Q1 --method value --close
$P statement --db "$DB" --member "清华大学" --period 2025Q1 --format csv > "$DEMO/statement-2025Q1.csv"
$P ledger check --db "$DB"
$P value --db "$DB" "${pns[0]}"


DEMO_PASSWORD="patnav-demo-2025"
echo; echo "== demo accounts, one per role (demo only: every password is $DEMO_PASSWORD)"
ALLIANCE="新能源汽车产业知识产权联盟"
add_user() {  # name, then the grant's options
  local name="$1"; shift
  printf '%s\n' "$DEMO_PASSWORD" | $P user add --db "$DB" "$name" --password-stdin "$@"
}
add_user admin --role administrator
add_user operator --role operator --alliance "$ALLIANCE"
add_user acme --role member --alliance "$ALLIANCE" --member "Acme Battery Co."
add_user tsinghua --role member --alliance "$ALLIANCE" --member "清华大学"
add_user byd --role licensee --alliance "$ALLIANCE" --licensee "BYD Auto"
add_user analyst --role analyst
add_user reviewer --role reviewer --province 北京市

echo
echo "demo done: store in $DB, canonical export in $DEMO/export.jsonl,"
echo "  landscape report in $DEMO/landscape.html and $DEMO/landscape.xlsx, a member's statement in $DEMO/statement-2025Q1.csv"
echo "  accounts admin, operator, acme, tsinghua, byd, analyst, reviewer (IP office of 北京市; password $DEMO_PASSWORD)"
if [ "${PATNAV_NO_SERVE:-0}" = 1 ]; then exit 0; fi
echo
echo "== the platform server on http://127.0.0.1:8080 (Ctrl-C stops it; PATNAV_NO_SERVE=1 skips this)"
echo "   sign in: curl -c jar -H 'Content-Type: application/json' -H 'X-Requested-With: patnav' \\"
echo "              -d '{\"username\":\"operator\",\"password\":\"$DEMO_PASSWORD\"}' http://127.0.0.1:8080/api/v1/session"
echo "   then:    curl -b jar http://127.0.0.1:8080/api/v1/alliances"
exec $P serve --db "$DB" --listen 127.0.0.1:8080
