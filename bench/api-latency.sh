#!/usr/bin/env bash
# Benchmark (not a test), issue 3: latency and throughput of the public API through the gateway
# of a running devstack, for: get item, search, top rated, most viewed, my rating.
#   bench/api-latency.sh [gateway-url] [seconds] [rate] [connections]
#   defaults: http://127.0.0.1:8080, 20 s per run, 300 requests/s, 16 connections
# Per endpoint: p50/p99 at a fixed rate, open-loop (requests are scheduled by time and measured
# from their due time, so a stall counts against every request it delayed), then the maximum
# throughput with N connections sending back to back (closed-loop). Prints a markdown table and
# the command that made it, for docs/benchmarks.md.
#
# The gateway's rate limits would refuse a benchmark from one address: start the stack with them
# off, e.g.  GATEWAY_RATE_LIMIT_ENABLED=false MARQUEE_SERVICE_JIT=full ./marquee up
# The load generator is bench/load/LoadGen.java, compiled here into a temporary directory (Java 17).
# Besides one hot title and word per endpoint, "spread" rows rotate over 1,000 titles and 200
# search words, so caches are measured on a realistic spread of keys too.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gateway="${1:-http://127.0.0.1:8080}"
seconds="${2:-20}"
rate="${3:-300}"
connections="${4:-16}"
api="$gateway/api/v1"
source "$root/bench/lib/loadgen.sh"

# One JSON request; dies with the answer unless the status matches the expected pattern (e.g. 20[01]).
call() {
  local expect=$1 method=$2 path=$3 body=${4:-} auth=${5:-} out status args=()
  [ -n "$auth" ] && args+=(-H "Authorization: Bearer $auth")
  [ -n "$body" ] && args+=(--data "$body")
  out=$(mktemp)
  status=$(curl -sS -o "$out" -w '%{http_code}' -X "$method" "$api$path" \
    -H 'Content-Type: application/json' "${args[@]}")
  if ! [[ $status =~ ^($expect)$ ]]; then
    echo "$method $path answered $status, expected $expect:" >&2; cat "$out" >&2; echo >&2
    [ "$status" = 429 ] && echo "rate limited: start the stack with GATEWAY_RATE_LIMIT_ENABLED=false" >&2
    rm -f "$out"; exit 1
  fi
  cat "$out"; rm -f "$out"
}

# A fresh bench user, its token, an item it rated, a search word from that item's title.
stamp=$(date +%s)-$$
email="bench-$stamp@example.com"
password="bench-password-$stamp"
call 201 POST /auth/signup "{\"name\":\"Bench $stamp\",\"age\":30,\"gender\":\"other\",\"email\":\"$email\",\"password\":\"$password\"}" > /dev/null
token=$(call 200 POST /auth/login "{\"email\":\"$email\",\"password\":\"$password\"}" | jq -r .accessToken)
item=$(call 200 GET '/movies?limit=1' | jq -r '.items[0].id')
[ -n "$item" ] && [ "$item" != null ] || { echo "the catalog is empty: load the demo data" >&2; exit 1; }
word=$(call 200 GET "/movies/$item" | jq -r '.title' | tr -cs '[:alnum:]' '\n' | awk 'length > 2 { print; exit }')
call '20[01]' PUT "/movies/$item/rating" '{"rating":4.5,"review":"benchmark"}' "$token" > /dev/null

# 1,000 titles from the listing, and a search word from each of the first 200 titles.
cursor=""
: > "$work/items"
while [ "$(wc -l < "$work/items")" -lt 1000 ]; do
  page=$(call 200 GET "/movies?limit=100${cursor:+&cursor=$cursor}")
  jq -r '.items[] | "\(.id)\t\(.title)"' <<< "$page" >> "$work/items"
  cursor=$(jq -r '.nextCursor // empty' <<< "$page")
  [ -n "$cursor" ] || break
done
head -n 1000 "$work/items" | cut -f1 | sed "s|^|$api/movies/|" > "$work/item-urls"
head -n 200 "$work/items" | cut -f2 | tr -cs '[:alnum:]\n' ' ' \
  | awk '{ for (i = 1; i <= NF; i++) if (length($i) > 2) { print tolower($i); next } }' \
  | sed "s|^|$api/movies/search?limit=20\&q=|" > "$work/search-urls"

names=("get item" "search" "top rated" "most viewed" "my rating"
       "get item, $(wc -l < "$work/item-urls") titles" "search, $(wc -l < "$work/search-urls") words")
paths=("/movies/$item" "/movies/search?q=${word:-the}&limit=20" "/charts/top-rated?limit=20"
       "/charts/most-viewed?limit=20" "/movies/$item/rating" "@$work/item-urls" "@$work/search-urls")

# "key=value ..." -> value of key
field() { tr ' ' '\n' <<< "$1" | awk -F= -v k="$2" '$1 == k {print $2}'; }

# Warm up every route first (JIT, connection pools, caches), 5 s each, not measured: a freshly
# started service compiles its request path during the first thousands of requests.
for i in "${!names[@]}"; do
  url="$api${paths[$i]}" auth=()
  [[ ${paths[$i]} == @* ]] && url=${paths[$i]}
  [ "${names[$i]}" = "my rating" ] && auth=("Authorization: Bearer $token")
  echo "${names[$i]}: warming up ..." >&2
  "${loadgen[@]}" closed "$url" 4 5 "${auth[@]}" > /dev/null
done

rows=()
for i in "${!names[@]}"; do
  url="$api${paths[$i]}" route="GET ${paths[$i]%%\?*}"
  if [[ ${paths[$i]} == @* ]]; then
    url=${paths[$i]}
    route="GET $(head -1 "${url#@}" | sed "s|^$api||; s|?.*||") …"
  fi
  headers=() curl_headers=()
  if [ "${names[$i]}" = "my rating" ]; then
    headers=("Authorization: Bearer $token")
    curl_headers=(-H "${headers[0]}")
  fi
  # Every endpoint must answer 200 before it is measured.
  first=$url
  [[ $url == @* ]] && first=$(head -1 "${url#@}")
  curl -fsS -o /dev/null "${curl_headers[@]}" "$first" || { echo "${names[$i]}: $first fails" >&2; exit 1; }
  echo "${names[$i]}: open loop at $rate/s for $seconds s ..." >&2
  open=$("${loadgen[@]}" open "$url" "$rate" "$seconds" "${headers[@]}")
  echo "${names[$i]}: closed loop, $connections connections, $seconds s ..." >&2
  closed=$("${loadgen[@]}" closed "$url" "$connections" "$seconds" "${headers[@]}")
  rows+=("| ${names[$i]} | \`$route\` | $(field "$open" p50) | $(field "$open" p99) | $(field "$open" errors)/$(field "$open" count) | $(field "$closed" rps) | $(field "$closed" p99) | $(field "$closed" errors)/$(field "$closed" count) |")
done

echo
# The load average tells whether the figures are the stack's or a busy machine's.
echo "Command: \`bench/api-latency.sh $gateway $seconds $rate $connections\` ($(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end, $(java -version 2>&1 | sed -n 1p))"
echo
echo "| endpoint | route | p50 ms @ $rate/s | p99 ms @ $rate/s | errors @ $rate/s | max req/s ($connections conn.) | p99 ms at max | errors at max |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
