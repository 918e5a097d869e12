#!/usr/bin/env bash
# GetRecommendations latency of personalize-local under a steady open-loop load.
# Starts the built server on a fresh data directory, generates a catalog of ITEMS items with
# INTERACTIONS interactions (long-tailed popularity, taste clusters), imports it, trains
# user-personalization, creates a campaign and the "exclude already rated" filter, then sends
# RATE requests/s for SECONDS seconds (bench/personalize-server-load.java) and prints p50/p99.
#
#   bench/personalize-server-latency.sh                 # 20k items, 300k interactions, 500 req/s, 30 s
#   ITEMS=3000 INTERACTIONS=200000 RATE=200 bench/personalize-server-latency.sh
#   DATA_DIR=/tmp/plbench bench/personalize-server-latency.sh   # keep the trained campaign for the next run
#   SERVER_OPTS="-XX:StartFlightRecording=filename=/tmp/pl.jfr" bench/personalize-server-latency.sh   # profile the server
#   JAR=/other/checkout/personalize-local/server/target/quarkus-app/quarkus-run.jar bench/personalize-server-latency.sh   # another build, same load
#
# Needs a built personalize-local/server/target/quarkus-app, curl, jq, python3. A benchmark,
# not a test: run it on a quiet machine; figures go to docs/benchmarks.md.
set -euo pipefail

ITEMS=${ITEMS:-20000}
USERS=${USERS:-10000}
INTERACTIONS=${INTERACTIONS:-300000}
RATE=${RATE:-500}
SECONDS_=${SECONDS_:-30}
HEAP=${HEAP:-2g}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${JAR:-"$ROOT/personalize-local/server/target/quarkus-app/quarkus-run.jar"}
WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
say() { printf '[latency] %s\n' "$*"; }
[[ -f "$JAR" ]] || { echo "build it first: ./mvnw -B -pl personalize-local/server -am package -DskipTests" >&2; exit 1; }

generate() {
say "generating $ITEMS items, $USERS users, $INTERACTIONS interactions in $WORK"
python3 - "$WORK" "$ITEMS" "$USERS" "$INTERACTIONS" <<'PY'
import random, sys
work, n_items, n_users, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(42)
genres = ["Action", "Comedy", "Drama", "Horror", "Romance", "Sci-Fi", "Thriller", "Documentary"]
item_genre = [rng.randrange(len(genres)) for _ in range(n_items)]
by_genre = {g: [i for i in range(n_items) if item_genre[i] == g] for g in range(len(genres))}
with open(f"{work}/items.csv", "w") as f:
    f.write("ITEM_ID,GENRES\n")
    for i in range(n_items):
        f.write(f"m{i},{genres[item_genre[i]]}\n")
with open(f"{work}/interactions.csv", "w") as f:
    f.write("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n")
    t = 1_600_000_000
    for k in range(n):
        u = rng.randrange(1, n_users + 1)
        g = (u * 7 + (k % 3 == 0) * rng.randrange(len(genres))) % len(genres)
        pool = by_genre[g]
        i = pool[min(len(pool) - 1, int(rng.paretovariate(1.2)) - 1)] if rng.random() < 0.7 else rng.choice(pool)
        t += rng.randrange(1, 30)
        if rng.random() < 0.2:
            f.write(f"u{u},m{i},{t},rate,{rng.randrange(1, 6)}\n")
        else:
            f.write(f"u{u},m{i},{t},watch,\n")
PY
}

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
EP="http://127.0.0.1:$PORT"
say "starting personalize-local on $EP (-Xmx$HEAP)"
DATA=${DATA_DIR:-$WORK/data}
PERSONALIZE_DATA_DIR="$DATA" QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_HOST=127.0.0.1 \
  java -Xmx"$HEAP" ${SERVER_OPTS:-} -jar "$JAR" > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do curl -fs "$EP/q/health/ready" > /dev/null 2>&1 && break; sleep 0.5; done

# call <Operation> <json>: the control plane's json protocol, as the SDKs send it.
call() {
  curl -sS -H "X-Amz-Target: AmazonPersonalize.$1" -H 'Content-Type: application/x-amz-json-1.1' -d "$2" "$EP/"
}
await() { # await <Describe op> <arn member> <arn> <wrapper>
  local s
  while true; do
    s=$(call "$1" "{\"$2\":\"$3\"}" | jq -r ".$4.status")
    [[ "$s" == ACTIVE ]] && return 0
    [[ "$s" == *FAILED* ]] && { call "$1" "{\"$2\":\"$3\"}"; exit 1; }
    sleep 0.5
  done
}

setup() {
generate
GROUP=$(call CreateDatasetGroup '{"name":"bench"}' | jq -r .datasetGroupArn); await DescribeDatasetGroup datasetGroupArn "$GROUP" datasetGroup
SI=$(call CreateSchema "$(jq -nc --arg s '{"type":"record","name":"Interactions","fields":[{"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"},{"name":"TIMESTAMP","type":"long"},{"name":"EVENT_TYPE","type":"string"},{"name":"EVENT_VALUE","type":["null","float"]}]}' '{name:"bench-i",schema:$s}')" | jq -r .schemaArn)
ST=$(call CreateSchema "$(jq -nc --arg s '{"type":"record","name":"Items","fields":[{"name":"ITEM_ID","type":"string"},{"name":"GENRES","type":["null","string"],"categorical":true}]}' '{name:"bench-t",schema:$s}')" | jq -r .schemaArn)
DI=$(call CreateDataset "{\"name\":\"bench-i\",\"datasetGroupArn\":\"$GROUP\",\"datasetType\":\"Interactions\",\"schemaArn\":\"$SI\"}" | jq -r .datasetArn)
DT=$(call CreateDataset "{\"name\":\"bench-t\",\"datasetGroupArn\":\"$GROUP\",\"datasetType\":\"Items\",\"schemaArn\":\"$ST\"}" | jq -r .datasetArn)
await DescribeDataset datasetArn "$DI" dataset; await DescribeDataset datasetArn "$DT" dataset
for pair in "$DT:items" "$DI:interactions"; do
  J=$(call CreateDatasetImportJob "{\"jobName\":\"bench-${pair##*:}\",\"datasetArn\":\"${pair%:*}\",\"dataSource\":{\"dataLocation\":\"file://$WORK/${pair##*:}.csv\"}}" | jq -r .datasetImportJobArn)
  await DescribeDatasetImportJob datasetImportJobArn "$J" datasetImportJob
done
say "imported"
F=$(call CreateFilter "{\"name\":\"bench-exclude-rated\",\"datasetGroupArn\":\"$GROUP\",\"filterExpression\":\"EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\\\"rate\\\")\"}" | jq -r .filterArn)
await DescribeFilter filterArn "$F" filter
S=$(call CreateSolution "{\"name\":\"bench\",\"datasetGroupArn\":\"$GROUP\",\"recipeArn\":\"arn:aws:personalize:::recipe/aws-user-personalization-v2\"}" | jq -r .solutionArn)
await DescribeSolution solutionArn "$S" solution
T0=$(date +%s)
V=$(call CreateSolutionVersion "{\"solutionArn\":\"$S\"}" | jq -r .solutionVersionArn)
await DescribeSolutionVersion solutionVersionArn "$V" solutionVersion
say "trained in $(( $(date +%s) - T0 )) s (wall clock, including status steps)"
C=$(call CreateCampaign "{\"name\":\"bench\",\"solutionVersionArn\":\"$V\"}" | jq -r .campaignArn)
await DescribeCampaign campaignArn "$C" campaign
}

C=$(call ListCampaigns '{}' | jq -r '.campaigns[] | select(.name=="bench") | .campaignArn')
if [[ -n "$C" ]]; then
  F=$(call ListFilters '{}' | jq -r '.Filters[] | select(.name=="bench-exclude-rated") | .filterArn')
  say "reusing the campaign in $DATA"
else
  setup
fi

# The load generator shares the cores with the server: a small serial-GC heap keeps it out of the way.
LOAD=(java -XX:+UseSerialGC -Xms64m -Xmx256m "$ROOT/bench/personalize-server-load.java")
# server_cpu: the server's CPU seconds so far (user + system), to say what each phase cost it.
server_cpu() { awk -v t="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / t}' "/proc/$SERVER_PID/stat"; }
phase() {
  local before after
  before=$(server_cpu)
  "${LOAD[@]}" "$@"
  after=$(server_cpu)
  say "server CPU in this run (warm-up included): $(python3 -c "print(round($after - $before, 2))") s"
}
say "GetRecommendations one at a time for 10 s (service time, no queueing)"
phase "$EP" "$C" 0 10 "$USERS"

say "GetRecommendations, $RATE/s for $SECONDS_ s, no filter"
phase "$EP" "$C" "$RATE" "$SECONDS_" "$USERS"
say "GetRecommendations, $RATE/s for $SECONDS_ s, with the exclude-rated filter"
phase "$EP" "$C" "$RATE" "$SECONDS_" "$USERS" "$F"
