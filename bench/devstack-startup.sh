#!/usr/bin/env bash
# Benchmark (not a test): devstack start-up time from built jars to all-ready, and the resident
# memory of the whole stack at that moment.
#   bench/devstack-startup.sh [runs]        (default 3 runs)
# Each run starts twice on a fresh home: a first start (engines formatted, demo data generated and
# loaded) and a restart (data already there). Uses --port-offset 10000 so a running devstack is
# left alone. Needs built jars: ./mvnw package -DskipTests
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
offset=10000

[ -f "$root/devstack/target/devstack.jar" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }

# Resident memory (kB) of a process and all its descendants.
tree_rss_kb() {
  local pid=$1 total=0 child
  total=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
  for child in $(pgrep -P "$pid" || true); do
    total=$((total + $(tree_rss_kb "$child")))
  done
  echo "$total"
}

# Starts the stack, prints "seconds rss_mb" once it is ready, then stops it.
start_once() {
  local home=$1 log="$1/bench-up.log" start ready pid
  start=$(date +%s.%N)
  "$root/marquee" up --no-build --home "$home" --port-offset "$offset" > "$log" 2>&1 &
  pid=$!
  until grep -q "^DEVSTACK READY" "$log" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "devstack failed, see $log" >&2; tail -20 "$log" >&2; exit 1; fi
    sleep 0.1
  done
  ready=$(date +%s.%N)
  local rss_kb; rss_kb=$(tree_rss_kb "$pid")
  "$root/marquee" down --home "$home" > /dev/null
  wait "$pid" 2>/dev/null || true
  echo "$(awk -v a="$start" -v b="$ready" 'BEGIN {printf "%.1f", b - a}') $((rss_kb / 1024))"
}

echo "command: bench/devstack-startup.sh $runs   ($(nproc) cores, $(java -version 2>&1 | head -1))"
printf '%-7s %-16s %-16s %-20s %-20s\n' run "first start (s)" "restart (s)" "RSS first (MB)" "RSS restart (MB)"
firsts=(); restarts=(); rss_firsts=(); rsss=()
for ((i = 1; i <= runs; i++)); do
  home=$(mktemp -d)
  read -r first rss_first < <(start_once "$home")
  read -r again rss < <(start_once "$home")
  rm -rf "$home"
  printf '%-7s %-16s %-16s %-20s %-20s\n' "$i" "$first" "$again" "$rss_first" "$rss"
  firsts+=("$first"); restarts+=("$again"); rss_firsts+=("$rss_first"); rsss+=("$rss")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf '%-7s %-16s %-16s %-20s %-20s\n' median "$(median "${firsts[@]}")" "$(median "${restarts[@]}")" \
  "$(median "${rss_firsts[@]}")" "$(median "${rsss[@]}")"
