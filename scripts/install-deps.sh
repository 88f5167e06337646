#!/usr/bin/env bash
# Installs what patnav needs to build and test on Debian 12, from Debian's
# packages only. Idempotent: does nothing when everything is present.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libpugixml-dev libsqlite3-dev libzip-dev libzstd-dev zlib1g-dev libicu-dev
  nlohmann-json3-dev libsimdjson-dev libcli11-dev libxapian-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libroaring-dev python3-pandas
)

# The landscape report (issue 4): XLSX workbooks, and the HTML report's charts:
# ECharts from the npm registry, pinned in package-lock.json, which `npm ci`
# installs into node_modules/ and the build inlines into the binary. Chromium
# renders the report headless in the tests (a CJK font for legible screenshots).
PACKAGES+=(libxlsxwriter-dev nodejs chromium fonts-wqy-microhei)
# The platform server (issue 10): Boost.Beast/Asio 1.81 (not the default
# 1.74, whose Asio does not build in C++20 mode with GCC 12), Argon2id
# password hashes (libsodium), TLS (OpenSSL); wrk and hey for
# bench/server_run.sh; curl for the README's examples.
PACKAGES+=(libboost1.81-dev libsodium-dev libssl-dev wrk hey curl)
# Excel workbooks as input (issue 12): legacy .xls through libfreexl (.xlsx
# needs only libzip and pugixml; its tests write workbooks with libxlsxwriter).
PACKAGES+=(libfreexl-dev)
# Monitoring (issue 14): webhooks (and SMTP e-mail) sent with libcurl.
PACKAGES+=(libcurl4-openssl-dev)
# Benchmarks (bench/): the search benchmark's Lucene 8 baseline
# (bench/lucene/LuceneBench.java, compiled by bench/search_run.sh).
PACKAGES+=(liblucene8-java default-jdk-headless)
if ! command -v npm >/dev/null 2>&1; then PACKAGES+=(npm); fi
install_report_assets() {
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  if [ ! -f "$root/node_modules/.package-lock.json" ] ||
     [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
    echo "npm ci (report assets, pinned in package-lock.json)"
    (cd "$root" && npm ci --no-audit --no-fund)
  fi
  # The web app (issue 11): Vue, Element Plus, Vite, Vitest and Playwright,
  # pinned in web/package-lock.json. Playwright drives Debian's chromium, so
  # it downloads no browser of its own.
  if [ ! -f "$root/web/node_modules/.package-lock.json" ] ||
     [ "$root/web/package-lock.json" -nt "$root/web/node_modules/.package-lock.json" ]; then
    echo "npm ci (web app, pinned in web/package-lock.json)"
    (cd "$root/web" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  fi
}

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  install_report_assets
  exit 0
fi
echo "installing: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
install_report_assets
