#!/usr/bin/env bash
# Benchmark (not a test), issue 14: GET /api/v1/home for signed-in users at a fixed rate through
# the gateway of a running stack, next to a bare gateway endpoint (GET / as JSON, answered by the
# gateway itself) measured in the same run. Signed in, it measures three ways, because the gateway
# reuses a caller's personal rows (gateway.home.reuse-personal-rows-for):
#   - one user for every request (nearly every page reuses: the best case);
#   - USERS users in turn, each with a few ratings (each user's first page loads, later ones reuse
#     and refresh in the background past 5 s);
#   - USERS users asking for fresh rows (Cache-Control: no-cache): every page loads its personal
#     rows, as after a rating or a click (the worst case).
#   bench/home-latency.sh [gateway-url] [seconds] [rate] [users]
#   defaults: http://127.0.0.1:8080, 30 s, 100 requests/s, 100 users
# Open loop (bench/load/LoadGen.java): latency from each request's due time. Start the stack with
# the rate limits off:  GATEWAY_RATE_LIMIT_ENABLED=false MARQUEE_SERVICE_JIT=full ./marquee up
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gateway="${1:-http://127.0.0.1:8080}"
seconds="${2:-30}"
rate="${3:-100}"
users="${4:-100}"
api="$gateway/api/v1"
source "$root/bench/lib/loadgen.sh"

stamp=$(date +%s)-$$
top=$(curl -fsS "$api/charts/top-rated?limit=50" | jq -r '.items[].id')
# A signed-up user with three ratings (from the top 50, varied per user), so the personal rows have
# something to work from. Prints the access token.
new_user() {
  local n=$1 email="bench-home-$stamp-$1@example.com" password="bench-password-$stamp" token
  curl -fsS -o /dev/null -XPOST "$api/auth/signup" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Bench $n\",\"age\":30,\"gender\":\"other\",\"email\":\"$email\",\"password\":\"$password\"}"
  token=$(curl -fsS -XPOST "$api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$password\"}" | jq -r .accessToken)
  for item in $(shuf -n 3 --random-source=<(yes "$n") <<< "$top"); do
    curl -fsS -o /dev/null -XPUT "$api/movies/$item/rating" -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' -d '{"rating":5.0}'
  done
  echo "$token"
}
echo "signing up $users users ..." >&2
: > "$work/users" ; : > "$work/users-fresh"
for n in $(seq 1 "$users"); do
  token=$(new_user "$n")
  printf '%s\tAuthorization: Bearer %s\n' "$api/home" "$token" >> "$work/users"
  printf '%s\tAuthorization: Bearer %s\tCache-Control: no-cache\n' "$api/home" "$token" >> "$work/users-fresh"
done
token=$(head -1 "$work/users" | sed 's/.*Bearer //')
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
measure "home, signed in, one user" "$api/home" "Authorization: Bearer $token"
measure "home, signed in, $users users in turn" "@$work/users"
measure "home, signed in, $users users, fresh rows (\`Cache-Control: no-cache\`)" "@$work/users-fresh"
measure "home, anonymous" "$api/home"
measure "bare gateway endpoint (\`GET /\` as JSON)" "$gateway/" "Accept: application/json"

echo
echo "Command: \`bench/home-latency.sh $gateway $seconds $rate $users\` ($(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end)"
echo
echo "| request | p50 ms @ $rate/s | p99 ms @ $rate/s | errors |"
echo "|---|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
