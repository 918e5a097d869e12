#!/usr/bin/env bash
# Benchmark (not a test), issue 10: where the CPU of a "for you" answer goes. Against a running
# devstack of this checkout, sends GET /recommendations/for-you at a fixed rate (open loop) and
# reads the CPU time (user + system, /proc/<pid>/task/*/stat) of every JVM of the stack before and
# after; prints the CPU milliseconds per request of each, with the JIT compiler threads' share
# apart (still compiling after the warm-up) and the launcher JVM split into its Kafka broker threads
# and the rest (DynamoDB Local). The load generator is left out.
#   bench/recommendation-cpu.sh [gateway-url] [seconds] [rate] [warm-up seconds]
#   defaults: http://127.0.0.1:8080, 15 s, 50 requests/s (a rate the stack keeps up with, so the
#   figures are per request, not a queue's), 30 s of closed-loop warm-up first
# Start the stack as for bench/recommendation-latency.sh (rate limits off, full JIT), quiet machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gateway="${1:-http://127.0.0.1:8080}"
seconds="${2:-15}"
rate="${3:-50}"
warmup="${4:-30}"
api="$gateway/api/v1"
source "$root/bench/lib/loadgen.sh"
source "$root/bench/lib/reco-user.sh"
url="$api/recommendations/for-you?limit=25"
auth="Authorization: Bearer $token"

# One line per JVM of this checkout's stack and kind of thread: "name/kind ticks".
snapshot() {
  local p cmd name
  for p in /proc/[0-9]*; do
    cmd=$(tr '\0' ' ' < "$p/cmdline" 2>/dev/null) || continue
    case "$cmd" in
      *"$root/"*quarkus-run.jar*)
        name=$(sed 's#personalize-local/server#personalize-local#; s#/target/quarkus-app.*##; s#.*/##' <<< "${cmd##*-jar }") ;;
      *"-Dmarquee.root=$root "*devstack.jar*) name=launcher ;;
      *) continue ;;
    esac
    cat "$p"/task/*/stat 2>/dev/null | awk -v n="$name" '
      { line = $0; comm = line; sub(/^[^(]*\(/, "", comm); sub(/\).*$/, "", comm); sub(/^.*\) /, "", line)
        split(line, f, " "); t = f[12] + f[13]
        if (comm ~ /^C[12] CompilerThre/) jit += t
        else if (n == "launcher" && comm ~ /[Kk]afka|broker|controller|raft|data-plane|[Qq]uorum|ReplicaFetcher|group-coordinator|ExpirationReaper|metadata|share-/) kafka += t
        else rest += t }
      END { if (n == "launcher") { printf "kafka-broker %d 0\nDynamoDB-Local %d %d\n", kafka, rest, jit } else printf "%s %d %d\n", n, rest, jit }'
  done | sort
}

for attempt in 1 2 3 4 5; do
  source=$(curl -fsS -H "$auth" "$url" | jq -r .source) && break
  sleep 2
done
echo "for-you source: $source; warming up for $warmup s ..." >&2
"${loadgen[@]}" closed "$url" 4 "$warmup" "$auth" > /dev/null
snapshot > "$work/before"
echo "open loop at $rate/s for $seconds s ..." >&2
"${loadgen[@]}" open "$url" "$rate" "$seconds" "$auth" > "$work/load"
snapshot > "$work/after"
sent=$((rate * seconds))

echo
echo "Command: \`bench/recommendation-cpu.sh $gateway $seconds $rate $warmup\` ($(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end); load: $(cat "$work/load")"
echo
echo "| process | CPU ms per request | of which JIT compiling |"
echo "|---|---:|---:|"
join "$work/before" "$work/after" | awk -v tck="$(getconf CLK_TCK)" -v n="$sent" '
  { app = ($4 - $2) * 1000 / tck / n; jit = ($5 - $3) * 1000 / tck / n; total += app; jits += jit
    printf "| %s | %.2f | %.2f |\n", $1, app + jit, jit }
  END { printf "| **the stack** | **%.2f** | %.2f |\n", total + jits, jits }'
echo
echo "($sent requests in $seconds s; CPU of each JVM's threads over the run divided by them)"
