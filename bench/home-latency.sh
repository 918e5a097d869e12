#!/usr/bin/env bash
# Benchmark (not a test), issue 14: GET /api/v1/home for a signed-in user at a fixed rate through
# the gateway of a running stack, next to a bare gateway endpoint (GET / as JSON, answered by the
# gateway itself) measured in the same run.
#   bench/home-latency.sh [gateway-url] [seconds] [rate]
#   defaults: http://127.0.0.1:8080, 30 s, 100 requests/s
# Open loop (bench/load/LoadGen.java): latency from each request's due time. Start the stack with
# the rate limits off:  GATEWAY_RATE_LIMIT_ENABLED=false MARQUEE_SERVICE_JIT=full ./marquee up
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gateway="${1:-http://127.0.0.1:8080}"
seconds="${2:-30}"
rate="${3:-100}"
api="$gateway/api/v1"
source "$root/bench/lib/loadgen.sh"

stamp=$(date +%s)-$$
email="bench-home-$stamp@example.com"
password="bench-password-$stamp"
curl -fsS -o /dev/null -XPOST "$api/auth/signup" -H 'Content-Type: application/json' \
  -d "{\"name\":\"Bench $stamp\",\"age\":30,\"gender\":\"other\",\"email\":\"$email\",\"password\":\"$password\"}"
token=$(curl -fsS -XPOST "$api/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$password\"}" | jq -r .accessToken)
# A user with a history, so the personal rows have something to work from.
for item in $(curl -fsS "$api/charts/top-rated?limit=5" | jq -r '.items[].id'); do
  curl -fsS -o /dev/null -XPUT "$api/movies/$item/rating" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d '{"rating":5.0}'
done
home=$(curl -fsS "$api/home" -H "Authorization: Bearer $token")
echo "rows: $(jq -r '[.sections[].id] | join(", ")' <<< "$home"); omitted: $(jq -c '.omitted' <<< "$home")" >&2

field() { tr ' ' '\n' <<< "$1" | awk -F= -v k="$2" '$1 == k {print $2}'; }
rows=()
measure() {
  local name=$1 url=$2; shift 2
  "${loadgen[@]}" closed "$url" 4 5 "$@" > /dev/null   # warm-up, not measured
  echo "$name: open loop at $rate/s for $seconds s ..." >&2
  local open
  open=$("${loadgen[@]}" open "$url" "$rate" "$seconds" "$@")
  rows+=("| $name | $(field "$open" p50) | $(field "$open" p99) | $(field "$open" errors)/$(field "$open" count) |")
}
measure "home, signed in (\`GET /api/v1/home\`)" "$api/home" "Authorization: Bearer $token"
measure "home, anonymous" "$api/home"
measure "bare gateway endpoint (\`GET /\` as JSON)" "$gateway/" "Accept: application/json"

echo
echo "Command: \`bench/home-latency.sh $gateway $seconds $rate\` ($(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end)"
echo
echo "| request | p50 ms @ $rate/s | p99 ms @ $rate/s | errors |"
echo "|---|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
