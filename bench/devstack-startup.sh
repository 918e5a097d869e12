#!/usr/bin/env bash
# Benchmark (not a test): devstack start-up from built jars.
#   bench/devstack-startup.sh [runs]        (default 1 run; on an otherwise quiet machine)
# Each run starts twice on a fresh home:
#   first start  engines formatted, demo data generated, movies loaded; then in the background the
#                models train, the campaigns are created and the catalog absorbs the demo history
#   restart      the same home again: nothing to load or train; the children map the class archives
#                the first start's stop wrote (ADR 0035)
# and reports, for each: seconds to READY (the API usable), the HTTP status and seconds of a sign-up,
# login and rating sent right after READY (writes must work at once), seconds to the campaigns being
# ACTIVE, and on the first start (with BENCH_WAIT_ABSORBED=1) seconds until the catalog has absorbed
# the demo history. Also the load average before and after, since the figures mean little without it.
# Where the time went goes to stderr: the launcher's lines with the second each was printed, when each
# child logged "started in", and the CPU seconds each process had used by READY.
# Uses --port-offset 4000 (BENCH_PORT_OFFSET) so a running devstack is left alone; never one that puts
# the gateway on 10080, a port browsers refuse. Needs built jars: ./mvnw package -DskipTests
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-1}"
offset=${BENCH_PORT_OFFSET:-4000}
gateway="http://127.0.0.1:$((8080 + offset))/api/v1"
# How long the background work may take before the run gives up on it.
background_limit=${BENCH_BACKGROUND_LIMIT:-1200}

[ -f "$root/devstack/target/devstack.jar" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }

source "$root/bench/lib/processes.sh"

# Resident memory (kB) of a process and all its descendants.
tree_rss_kb() {
  local pid=$1 total=0 child
  total=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
  for child in $(pgrep -P "$pid" || true); do
    total=$((total + $(tree_rss_kb "$child")))
  done
  echo "$total"
}

# A visitor right after READY: sign up, log in, rate movie 1. Prints "status seconds".
first_write() {
  local t email token code
  t=$(date +%s.%N)
  email="bench-$(date +%s%N)@example.org"
  curl -s -o /dev/null -m 30 -XPOST "$gateway/auth/signup" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Bench\",\"age\":30,\"gender\":\"female\",\"email\":\"$email\",\"password\":\"correct horse\"}"
  token=$(curl -s -m 30 -XPOST "$gateway/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"correct horse\"}" | jq -r .accessToken)
  code=$(curl -s -o /dev/null -w '%{http_code}' -m 30 -XPUT "$gateway/movies/1/rating" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"rating":4.5}')
  echo "$code $(since "$t")"
}

# Prefixes each line of stdin with the seconds since $1.
stamp() {
  local line
  while IFS= read -r line; do printf '%7s %s\n' "$(since "$1")" "$line"; done
}

# Seconds after $2 (epoch) at which each child last logged "started in" (Quarkus' own line).
started_report() {
  local logs=$1 start=$2 f line at
  for f in "$logs"/*.log; do
    line=$(grep ' started in ' "$f" 2>/dev/null | tail -1) || continue
    [ -n "$line" ] || continue
    at=$(date -d "$(cut -c1-23 <<<"$line" | tr , .)" +%s.%N 2>/dev/null) || continue
    printf '%s@%s(%s) ' "$(basename "$f" .log)" "$(awk -v a="$start" -v b="$at" 'BEGIN {printf "%.1f", b - a}')" \
      "$(grep -o 'started in [0-9.]*s' <<<"$line" | cut -d' ' -f3)"
  done
}

# The children's class archives (ADR 0035): recorded on a build's first run, mapped on later starts.
class_archives() {
  find "$root" -path '*/target/quarkus-app/devstack-classes-*' 2>/dev/null
}

# Whether the status file says a background entry ($1) is done.
background_done() {
  jq -e --arg n "$1" '.background[] | select(.name == $n and .state == "done")' "$home/status.json" >/dev/null 2>&1
}

# Starts the stack and prints: ready_s rss_mb write_status write_s campaigns_s absorbed_s
start_once() {
  local home=$1 log="$1/bench-up.log" start pid ready rss write campaigns="-" absorbed="-"
  # The restart's log is the first start's file: emptied here, before the wait below reads it (the
  # stamping process truncates it only once it runs, and the old READY line would be found first).
  : > "$log"
  start=$(date +%s.%N)
  "$root/marquee" up --no-build --home "$home" --port-offset "$offset" > >(stamp "$start" > "$log") 2>&1 &
  pid=$!
  until grep -q " DEVSTACK READY" "$log" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "devstack failed, see $log" >&2; tail -20 "$log" >&2; exit 1; fi
    sleep 0.1
  done
  ready=$(since "$start")
  rss=$(( $(tree_rss_kb "$pid") / 1024 ))
  local cpu; cpu=$(cpu_report "$pid")
  write=$(first_write)
  echo "  $2 start: READY after $ready s, first write (sign-up, login, rating) answered $write s" >&2
  echo "  CPU s used by READY: $cpu" >&2
  echo "  children 'started in' (s after up): $(started_report "$home/logs" "$start")" >&2
  while [ "$campaigns" = "-" ] || { [ "$2" = first ] && [ "${BENCH_WAIT_ABSORBED:-0}" = 1 ] && [ "$absorbed" = "-" ]; }; do
    if [ "$campaigns" = "-" ] && grep -q "campaigns are active" "$log"; then campaigns=$(since "$start"); fi
    if [ "$absorbed" = "-" ] && background_done "demo history" && background_done "consumer catalog-service"; then
      absorbed=$(since "$start")
    fi
    if awk -v s="$(since "$start")" -v l="$background_limit" 'BEGIN {exit !(s > l)}'; then break; fi
    sleep 1
  done
  echo "  launcher's lines (s after up):" >&2
  grep '\[devstack\]\|DEVSTACK' "$log" | sed 's/^/    /' >&2
  local stopping; stopping=$(date +%s.%N)
  "$root/marquee" down --home "$home" > /dev/null
  wait "$pid" 2>/dev/null || true
  echo "  stopped in $(since "$stopping") s; class archives now: $(class_archives | wc -l)" >&2
  echo "$ready $rss $write $campaigns $absorbed"
}

echo "command: bench/devstack-startup.sh $runs   ($(nproc) cores, $(java -version 2>&1 | head -1))"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-4s %-8s %-9s %-8s %-14s %-13s %-12s\n' run start "READY(s)" "RSS(MB)" "write(status s)" "campaigns(s)" "absorbed(s)"
for ((i = 1; i <= runs; i++)); do
  home=$(mktemp -d)
  # A first start is a freshly built tree's: no class archive yet (BENCH_KEEP_CLASS_ARCHIVES=1 keeps them).
  [ "${BENCH_KEEP_CLASS_ARCHIVES:-0}" = 1 ] || class_archives | xargs -r rm -f
  read -r r m ws wt c a < <(start_once "$home" first)
  printf '%-4s %-8s %-9s %-8s %-14s %-13s %-12s\n' "$i" first "$r" "$m" "$ws $wt" "$c" "$a"
  read -r r m ws wt c a < <(start_once "$home" restart)
  printf '%-4s %-8s %-9s %-8s %-14s %-13s %-12s\n' "$i" restart "$r" "$m" "$ws $wt" "$c" "$a"
  rm -rf "$home"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
