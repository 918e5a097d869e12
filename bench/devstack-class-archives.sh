#!/usr/bin/env bash
# Benchmark (not a test): what the children's class archives (ADR 0035) save at start-up.
#   bench/devstack-class-archives.sh [starts]      (default 3; needs built jars)
# Removes this build's archives, then starts a stack without demo data (`--no-data`) `starts` times
# on one home: the first stop writes the archives, later starts map them. For each start: seconds to
# READY, CPU seconds each process had used by READY (the launcher, which also runs DynamoDB Local and
# Kafka, and each child), and how long `./marquee down` took (the first one writes the archives). CPU seconds move less with the machine's load than wall-clock seconds do.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
starts="${1:-3}"
offset=${BENCH_PORT_OFFSET:-4000}
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT

source "$root/bench/lib/processes.sh"
archives() { find "$root" -path '*/target/quarkus-app/devstack-classes-*.jsa' | wc -l; }

echo "command: bench/devstack-class-archives.sh $starts   ($(nproc) cores, $(java -version 2>&1 | head -1))"
find "$root" -path '*/target/quarkus-app/devstack-classes-*' -delete
for ((i = 1; i <= starts; i++)); do
  log="$home/up-$i.log"
  start=$(date +%s.%N)
  "$root/marquee" up --no-build --no-data --home "$home" --port-offset "$offset" > "$log" 2>&1 &
  pid=$!
  until grep -q "DEVSTACK READY" "$log"; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$log" >&2; exit 1; }
    sleep 0.2
  done
  echo "start $i: READY after $(since "$start") s, load average $(cut -d' ' -f1 /proc/loadavg), archives mapped: $(archives)"
  echo "  CPU s by READY: $(cpu_report "$pid")"
  stopping=$(date +%s.%N)
  "$root/marquee" down --home "$home" > /dev/null
  wait "$pid" 2>/dev/null || true
  echo "  ./marquee down took $(since "$stopping") s; $(grep -o 'class archives: .*' "$log" || echo 'no class archives written')"
done
