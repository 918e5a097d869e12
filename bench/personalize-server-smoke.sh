#!/usr/bin/env bash
# Smoke test of personalize-local with the AWS CLI: create → import → train → campaign →
# get-recommendations → put-events → the next answer reflects the event. Exactly the calls a
# setup tool makes against Amazon Personalize, only with --endpoint-url.
#
#   bench/personalize-server-smoke.sh            # against a running server (PERSONALIZE_ENDPOINT, default :9380)
#   bench/personalize-server-smoke.sh --start    # start the built jar on a fresh data dir, stop it at the end
#
# Needs: aws (v1 or v2), jq; for --start a built personalize-local/server/target/quarkus-app.
set -euo pipefail

ENDPOINT=${PERSONALIZE_ENDPOINT:-http://127.0.0.1:9380}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
SERVER_PID=
export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""

cleanup() {
  if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

say() { printf '[smoke] %s\n' "$*"; }
fail() { printf '[smoke] FAILED: %s\n' "$*" >&2; exit 1; }
p() { aws --endpoint-url "$ENDPOINT" --output json "$@"; }

if [[ "${1:-}" == "--start" ]]; then
  JAR="$ROOT/personalize-local/server/target/quarkus-app/quarkus-run.jar"
  [[ -f "$JAR" ]] || fail "build it first: ./mvnw -B -pl personalize-local/server -am package -DskipTests"
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  ENDPOINT="http://127.0.0.1:$PORT"
  say "starting personalize-local on $ENDPOINT (data in $WORK/data)"
  PERSONALIZE_DATA_DIR="$WORK/data" QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_HOST=127.0.0.1 \
    java -Xmx1g -jar "$JAR" > "$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do
    curl -fs "$ENDPOINT/q/health/ready" > /dev/null 2>&1 && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log"; fail "the server died"; }
    sleep 0.5
  done
fi

# wait_for <what> <jq path to status> <aws args...>: polls a Describe* call until ACTIVE.
wait_for() {
  local what=$1 path=$2; shift 2
  local status
  for _ in $(seq 1 600); do
    status=$(p "$@" | jq -r "$path")
    case "$status" in
      ACTIVE) say "$what is ACTIVE"; return 0 ;;
      *FAILED*) fail "$what: $status: $(p "$@" | jq -r "${path%.status}.failureReason")" ;;
    esac
    sleep 0.5
  done
  fail "$what is still $status"
}

RUN=smoke$(date +%s)
say "dataset files in $WORK"
{
  echo "ITEM_ID,GENRES"
  for i in $(seq 1 40); do if (( i <= 20 )); then echo "i$i,Comedy"; else echo "i$i,Drama"; fi; done
} > "$WORK/items.csv"
{
  echo "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE"
  t=1700000000
  for u in $(seq 1 30); do
    for k in $(seq 0 7); do
      if (( u <= 15 )); then item=$(( 1 + (u * 3 + k * 7) % 20 )); else item=$(( 21 + (u * 3 + k * 7) % 20 )); fi
      t=$(( t + 60 )); echo "u$u,i$item,$t,watch,"
    done
  done
} > "$WORK/interactions.csv"

GROUP=$(p personalize create-dataset-group --name "$RUN" | jq -r .datasetGroupArn)
wait_for "dataset group" .datasetGroup.status personalize describe-dataset-group --dataset-group-arn "$GROUP"

SCHEMA_I=$(p personalize create-schema --name "$RUN-interactions" --schema '{"type":"record","name":"Interactions","namespace":"com.amazonaws.personalize.schema","fields":[{"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"},{"name":"TIMESTAMP","type":"long"},{"name":"EVENT_TYPE","type":"string"},{"name":"EVENT_VALUE","type":["null","float"]}],"version":"1.0"}' | jq -r .schemaArn)
SCHEMA_T=$(p personalize create-schema --name "$RUN-items" --schema '{"type":"record","name":"Items","namespace":"com.amazonaws.personalize.schema","fields":[{"name":"ITEM_ID","type":"string"},{"name":"GENRES","type":["null","string"],"categorical":true}],"version":"1.0"}' | jq -r .schemaArn)
DS_I=$(p personalize create-dataset --name "$RUN-interactions" --dataset-group-arn "$GROUP" --dataset-type Interactions --schema-arn "$SCHEMA_I" | jq -r .datasetArn)
DS_T=$(p personalize create-dataset --name "$RUN-items" --dataset-group-arn "$GROUP" --dataset-type Items --schema-arn "$SCHEMA_T" | jq -r .datasetArn)
wait_for "interactions dataset" .dataset.status personalize describe-dataset --dataset-arn "$DS_I"
wait_for "items dataset" .dataset.status personalize describe-dataset --dataset-arn "$DS_T"

for pair in "$DS_T:items" "$DS_I:interactions"; do
  ds=${pair%:*}; name=${pair##*:}
  JOB=$(p personalize create-dataset-import-job --job-name "$RUN-$name" --dataset-arn "$ds" \
        --role-arn arn:aws:iam::000000000000:role/import \
        --data-source "dataLocation=file://$WORK/$name.csv" | jq -r .datasetImportJobArn)
  wait_for "import of $name.csv" .datasetImportJob.status personalize describe-dataset-import-job --dataset-import-job-arn "$JOB"
done

TRACKER=$(p personalize create-event-tracker --name "$RUN-tracker" --dataset-group-arn "$GROUP")
TRACKING_ID=$(jq -r .trackingId <<< "$TRACKER")
wait_for "event tracker" .eventTracker.status personalize describe-event-tracker --event-tracker-arn "$(jq -r .eventTrackerArn <<< "$TRACKER")"

FILTER=$(p personalize create-filter --name "$RUN-exclude-rated" --dataset-group-arn "$GROUP" \
         --filter-expression 'EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("rate")' | jq -r .filterArn)
wait_for "filter" .filter.status personalize describe-filter --filter-arn "$FILTER"

SOLUTION=$(p personalize create-solution --name "$RUN-for-you" --dataset-group-arn "$GROUP" \
           --recipe-arn arn:aws:personalize:::recipe/aws-user-personalization-v2 | jq -r .solutionArn)
wait_for "solution" .solution.status personalize describe-solution --solution-arn "$SOLUTION"
VERSION=$(p personalize create-solution-version --solution-arn "$SOLUTION" | jq -r .solutionVersionArn)
wait_for "training" .solutionVersion.status personalize describe-solution-version --solution-version-arn "$VERSION"
say "metrics: $(p personalize get-solution-metrics --solution-version-arn "$VERSION" | jq -c .metrics)"
CAMPAIGN=$(p personalize create-campaign --name "$RUN-for-you" --solution-version-arn "$VERSION" --min-provisioned-tps 1 | jq -r .campaignArn)
wait_for "campaign" .campaign.status personalize describe-campaign --campaign-arn "$CAMPAIGN"

BEFORE=$(p personalize-runtime get-recommendations --campaign-arn "$CAMPAIGN" --user-id u1 --num-results 10 \
         --filter-arn "$FILTER" | jq -r '[.itemList[].itemId] | join(",")')
say "u1 before: $BEFORE"
TOP=${BEFORE%%,*}
[[ -n "$TOP" ]] || fail "no recommendations for u1"
p personalize-events put-events --tracking-id "$TRACKING_ID" --user-id u1 --session-id "$RUN-session" \
  --event-list "[{\"eventType\":\"rate\",\"itemId\":\"$TOP\",\"eventValue\":5,\"sentAt\":$(date +%s)}]" > /dev/null
AFTER=$(p personalize-runtime get-recommendations --campaign-arn "$CAMPAIGN" --user-id u1 --num-results 10 \
        --filter-arn "$FILTER" | jq -r '[.itemList[].itemId] | join(",")')
say "u1 after rating $TOP: $AFTER"
[[ ",$AFTER," != *",$TOP,"* ]] || fail "the rated item $TOP is still recommended"

if p personalize-runtime get-recommendations --campaign-arn "$CAMPAIGN" --num-results 501 --user-id u1 > "$WORK/err" 2>&1; then
  fail "numResults 501 was accepted"
fi
grep -q InvalidInputException "$WORK/err" || fail "numResults 501: $(cat "$WORK/err")"
say "numResults 501 → InvalidInputException"

say "cleaning up"
p personalize delete-campaign --campaign-arn "$CAMPAIGN"
p personalize delete-filter --filter-arn "$FILTER"
say "OK"
