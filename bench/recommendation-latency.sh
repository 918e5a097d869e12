#!/usr/bin/env bash
# Benchmark (not a test), issue 10: "for you" and "similar titles" through the gateway of a running
# devstack at a fixed rate (open loop, measured from each request's due time), catalog enrichment
# included, next to a bare gateway endpoint (GET /, answered by the gateway alone) measured in the
# same run, so the gateway's own share is visible.
#   bench/recommendation-latency.sh [gateway-url] [seconds] [rate]
#   defaults: http://127.0.0.1:8080, 20 s per run, 200 requests/s
# Goal (issue 10): p99 under 25 ms. The gateway's rate limits would refuse a benchmark from one
# address: start the stack with them off, e.g.  GATEWAY_RATE_LIMIT_ENABLED=false MARQUEE_SERVICE_JIT=full ./marquee up
# Prints a markdown table and the command that made it, for docs/benchmarks.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gateway="${1:-http://127.0.0.1:8080}"
seconds="${2:-20}"
rate="${3:-200}"
api="$gateway/api/v1"
source "$root/bench/lib/loadgen.sh"

# A fresh user who rated five titles, so "for you" excludes something.
source "$root/bench/lib/reco-user.sh"
sed "s|^|$api/movies/|; s|$|/similar?limit=25|" "$work/ids" > "$work/similar-urls"
# The first call after a start may run past the gateway's deadline (a cold service): try a few times.
for attempt in 1 2 3 4 5; do
  source=$(curl -fsS -H "Authorization: Bearer $token" "$api/recommendations/for-you" | jq -r .source) && break
  sleep 2
done
echo "for-you source: $source" >&2
[[ $source == campaign:* ]] || echo "WARNING: for-you is answered by the fallback ($source)" >&2

names=("bare gateway (GET /)" "for you" "similar, $(wc -l < "$work/similar-urls") titles")
urls=("$gateway/" "$api/recommendations/for-you?limit=25" "@$work/similar-urls")
auths=("" "Authorization: Bearer $token" "")

field() { tr ' ' '\n' <<< "$1" | awk -F= -v k="$2" '$1 == k {print $2}'; }

for i in "${!names[@]}"; do
  headers=()
  [ -n "${auths[$i]}" ] && headers=("${auths[$i]}")
  echo "${names[$i]}: warming up ..." >&2
  "${loadgen[@]}" closed "${urls[$i]}" 4 5 "${headers[@]}" > /dev/null
done
rows=()
for i in "${!names[@]}"; do
  headers=()
  [ -n "${auths[$i]}" ] && headers=("${auths[$i]}")
  echo "${names[$i]}: open loop at $rate/s for $seconds s ..." >&2
  open=$("${loadgen[@]}" open "${urls[$i]}" "$rate" "$seconds" "${headers[@]}")
  rows+=("| ${names[$i]} | $(field "$open" p50) | $(field "$open" p99) | $(field "$open" errors)/$(field "$open" count) |")
done

echo
echo "Command: \`bench/recommendation-latency.sh $gateway $seconds $rate\` ($(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end, $(java -version 2>&1 | sed -n 1p))"
echo
echo "| endpoint | p50 ms @ $rate/s | p99 ms @ $rate/s | errors |"
echo "|---|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
