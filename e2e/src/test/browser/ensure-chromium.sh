#!/usr/bin/env bash
# Makes sure the browser tests have Debian's headless Chromium and its matching ChromeDriver.
# Run by the e2e module's build before its tests (skipped with -DskipTests); safe to run by hand.
# Installs the two Debian packages when they are missing and this user may (root, or sudo
# without a password); otherwise says what to install and fails, so a browser test never
# silently does not run.
set -euo pipefail

chromium=${MARQUEE_CHROMIUM:-/usr/bin/chromium}
driver=${MARQUEE_CHROMEDRIVER:-/usr/bin/chromedriver}
if [ -x "$chromium" ] && [ -x "$driver" ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "ensure-chromium: $chromium or $driver is missing; install Debian's 'chromium' and 'chromium-driver'" \
       "packages (or set MARQUEE_CHROMIUM / MARQUEE_CHROMEDRIVER)" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null; then
  echo "ensure-chromium: no apt-get here; install Chromium and a matching ChromeDriver and set" \
       "MARQUEE_CHROMIUM / MARQUEE_CHROMEDRIVER" >&2
  exit 1
fi
echo "ensure-chromium: installing chromium and chromium-driver (once per machine)"
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
"$chromium" --version
"$driver" --version
