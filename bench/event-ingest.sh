#!/usr/bin/env bash
# Benchmark (not a test), issue 11: the clickstream through the gateway of a running devstack.
#   bench/event-ingest.sh [gateway-url] [seconds] [connections] [ingest-url] [personalize-url] [home]
#   defaults: http://127.0.0.1:8080, 20 s, 16 connections, http://127.0.0.1:8185 (its management port),
#             http://127.0.0.1:9380, ./.marquee
# Measures, in one run:
#   1. accepted events/s and accept latency (p50/p99) for POST /api/v1/events in batches of 100
#      (closed loop, N connections, after a warm-up as long and the relay caught up after it): the
#      most the route accepts and the latency at that saturation; the relay's lag during and after
#      that load, and the relay's catch-up throughput (events delivered per second from the load's
#      end until it caught up);
#   1b. accept latency at the goal's rate (BENCH_EVENTS_PER_SECOND, default 20,000 events/s, i.e.
#      200 batches a second on a fixed schedule, at most N at a time), each latency counted from when
#      its batch was due: the p99 a client sees at 20,000 events/s, which the goal is about;
#   2. the same route with one malformed event per batch (the service reads and checks all 100,
#      answers 400, no Kafka): the bare gateway + service path for comparison;
#   3. freshness: a signed-in user's view accepted by the gateway until Personalize's "for you"
#      answer for that user changes (personalize-local, campaign from the devstack's resources),
#      once on the quiet stack before the load and once right after it (when the engine may still
#      be absorbing the load's events).
# Every load runs 5 s more at its start that are not counted (EventLoad's warmup=5): a fresh load
# generator JVM sends its first requests late, which counted as the service's latency.
# Prints a markdown table and the command, for docs/benchmarks.md.
#
# The gateway's rate limits would refuse a benchmark from one address: start the stack with them
# off:  GATEWAY_RATE_LIMIT_ENABLED=false MARQUEE_SERVICE_JIT=full ./marquee up
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gateway="${1:-http://127.0.0.1:8080}"
seconds="${2:-20}"
connections="${3:-16}"
ingest="${4:-http://127.0.0.1:8185}"
personalize="${5:-http://127.0.0.1:9380}"
home="${6:-$root/.marquee}"
api="$gateway/api/v1"
work=$(mktemp -d)
trap 'rm -rf "$work"; [ -n "${sampler:-}" ] && kill "$sampler" 2>/dev/null || true' EXIT
command -v jq >/dev/null || { echo "needs jq" >&2; exit 1; }
curl -fsS "$api/status" > /dev/null || { echo "no gateway at $gateway: start it with ./marquee up" >&2; exit 1; }
javac -d "$work" "$root/bench/load/EventLoad.java" "$root/bench/load/KeepAliveConnection.java" "$root/bench/load/Freshness.java"
java_run=(java -XX:+UseSerialGC -Xmx512m -cp "$work")

metric() { curl -fsS "$ingest/q/metrics" | awk -v n="$1" '$1 == n { print $2 }'; }

# Freshness, for a fresh user each time: prints "rounds changed p50 p95 max".
freshness() {
  local stamp email user token campaign
  stamp=$(date +%s%N)-$$
  email="bench-clicks-$stamp@example.com"
  curl -fsS -X POST "$api/auth/signup" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Bench\",\"age\":30,\"gender\":\"other\",\"email\":\"$email\",\"password\":\"bench-password\"}" > "$work/user"
  user=$(jq -r .id "$work/user")
  token=$(curl -fsS -X POST "$api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"bench-password\"}" | jq -r .accessToken)
  campaign=$(awk -F= '$1 == "PERSONALIZE_CAMPAIGNS_FOR_YOU_ARN" { print $2 }' "$home/data/personalize-local-resources.env")
  "${java_run[@]}" Freshness "$api/events" "$token" "$personalize" "$campaign" "$user" 20
}

caught_up() { for _ in $(seq 1 600); do [ "$(metric marquee_ingest_relay_lag_events)" = "0.0" ] && return 0; sleep 0.5; done; return 1; }

# 0. Freshness on the quiet stack (the relay caught up first: a click waits behind any backlog).
caught_up || echo "relay still behind after 300 s; freshness below waits behind it" >&2
read -r q_rounds q_changed q50 q95 qmax < <(freshness)

# Warm-up, as long as the load and as wide (BENCH_WARMUP_SECONDS, default the load's seconds), so the
# JIT has compiled the accept path at the measured concurrency; then the relay catches up, so the
# load starts from no backlog. (A 5 s warm-up at 4 connections gave about the same figure.)
read -r _ _ w_events_per_s _ w_p99 _ _ < <("${java_run[@]}" EventLoad "$api/events" "$connections" \
  "${BENCH_WARMUP_SECONDS:-$seconds}" 100)
for _ in $(seq 1 600); do [ "$(metric marquee_ingest_relay_lag_events)" = "0.0" ] && break; sleep 0.5; done

# 1. Events through the gateway, sampling the relay's lag every second meanwhile.
: > "$work/lag"
( while true; do echo "$(metric marquee_ingest_relay_lag_seconds) $(metric marquee_ingest_relay_lag_events)" >> "$work/lag"; sleep 1; done ) &
sampler=$!
read -r requests accepted events_per_s p50 p99 max other < <("${java_run[@]}" EventLoad "$api/events" "$connections" "$seconds" 100 warmup=5)
load_end=$(date +%s%N)
delivered_at_end=$(metric marquee_ingest_relay_delivered_total)
drained=""
for _ in $(seq 1 600); do
  if [ "$(metric marquee_ingest_relay_lag_events)" = "0.0" ]; then drained=$(( ($(date +%s%N) - load_end) / 1000000 )); break; fi
  sleep 0.5
done
# Catch-up throughput: events the relay delivered from the load's end until it caught up (or gave up waiting).
catchup=$(awk -v a="$delivered_at_end" -v b="$(metric marquee_ingest_relay_delivered_total)" \
  -v ns="$(( $(date +%s%N) - load_end ))" 'BEGIN { printf "%.0f", (b - a) / (ns / 1e9) }')
kill "$sampler" 2>/dev/null || true
sampler=""
max_lag_s=$(awk '{ if ($1 > m) m = $1 } END { printf "%.1f", m }' "$work/lag")
max_lag_events=$(awk '{ if ($2 > m) m = $2 } END { printf "%d", m }' "$work/lag")

# 1b. The goal's rate on a fixed schedule (open loop), once the relay caught up again.
caught_up || true
goal_rate="${BENCH_EVENTS_PER_SECOND:-20000}"
read -r _ r_accepted r_events_per_s r50 r99 rmax r_other < <("${java_run[@]}" EventLoad "$api/events" "$connections" \
  "$seconds" 100 "rate=$(( goal_rate / 100 ))" warmup=5)

# The relay catches up on 1b's events too, so freshness (3) measures the engine, not that backlog.
rb_end=$(date +%s%N)
rb_drained=""
if caught_up; then rb_drained=$(( ($(date +%s%N) - rb_end) / 1000000 )); fi

# 2. The same route, no Kafka: every batch refused after checking it.
read -r b_requests _ _ b_p50 b_p99 b_max _ < <("${java_run[@]}" EventLoad "$api/events" "$connections" "$seconds" 100 invalid warmup=5)
b_rps=$(awk -v r="$b_requests" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }')
rps=$(awk -v r="$requests" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }')

# 3. Freshness again, right after the load.
read -r rounds changed f50 f95 fmax < <(freshness)

echo
echo "| measure | result | goal |"
echo "|---|---|---|"
echo "| accepted events/s, POST /api/v1/events, batches of 100, $connections connections, ${seconds} s | $events_per_s ($rps requests/s; $other not 202) | ≥ 20,000 |"
echo "| accept latency at that saturation, p50 / p99 / max | $p50 / $p99 / $max ms | — |"
echo "| accept latency at $goal_rate events/s (fixed schedule of $(( goal_rate / 100 )) batches/s, ${seconds} s; $r_events_per_s accepted/s, $r_other not 202), p50 / p99 / max | $r50 / $r99 / $rmax ms | p99 < 50 ms |"
echo "| warm-up before it (same connections): accepted events/s, p99 | $w_events_per_s, $w_p99 ms | — |"
echo "| same route, batch refused after checking (no Kafka): requests/s, p50 / p99 | $b_rps; $b_p50 / $b_p99 ms | — |"
echo "| relay lag during the load: max age / max events behind | $max_lag_s s / $max_lag_events | — |"
caught_up_after=${drained:+$drained ms}
echo "| relay caught up after the load ended | ${caught_up_after:-not within 300 s} | — |"
rb_caught_up_after=${rb_drained:+$rb_drained ms}
echo "| relay caught up after the load at $goal_rate events/s ended | ${rb_caught_up_after:-not within 300 s} | — |"
echo "| relay catch-up throughput after the load (delivered_total over that time) | $catchup events/s | — |"
echo "| freshness on the quiet stack, click accepted → changed \"for you\" (personalize-local), $q_changed of $q_rounds changed: p50 / p95 / max | $q50 / $q95 / $qmax ms | p95 < 1 s |"
echo "| freshness after the loads (the relay caught up), $changed of $rounds changed: p50 / p95 / max | $f50 / $f95 / $fmax ms | p95 < 1 s |"
echo
echo "command: bench/event-ingest.sh $gateway $seconds $connections $ingest $personalize $home"
