#!/usr/bin/env bash
# Benchmark (not a test), issue 14: the web app's first load in headless Chromium against a
# running stack: bytes transferred, first contentful paint, and time until the home page's first
# row is on screen; cold (empty cache) and with the CPU slowed 4x (a slow phone), 5 runs each.
#   bench/webapp-first-load.sh [gateway-url]
# Needs Debian's chromium (e2e/src/test/browser/ensure-chromium.sh installs it) and npm: it installs
# playwright-core (the driver only, it uses the system Chromium) into a temporary directory.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gateway="${1:-http://127.0.0.1:8080}"
# Chromium refuses a few ports outright (ERR_UNSAFE_PORT), 10080 among them: the gateway of a stack
# started with --port-offset 2000. Pick another offset for this benchmark.
case "$gateway" in *:10080|*:10080/*) echo "Chromium refuses port 10080; start the stack with another --port-offset" >&2; exit 2;; esac
"$root/e2e/src/test/browser/ensure-chromium.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund playwright-core@1 >/dev/null)
cp "$root/bench/web/first-load.mjs" "$work/"
(cd "$work" && node first-load.mjs "$gateway")
echo
echo "Command: \`bench/webapp-first-load.sh $gateway\` ($(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end, $(/usr/bin/chromium --version 2>/dev/null))"
