#!/usr/bin/env bash
# Offline evaluation of personalize-local's recipes against baselines (most popular, item-kNN, EASE,
# recency-weighted EASE):
#   bench/personalize-eval.sh DATA [--format personalize|movielens] [--protocol a|b|both] [--items movies.csv]
#                             [--no-hpo] [--seed N] [--realtime] [--only-up] [--try k=v,k=v]...
# DATA is an interactions CSV (Personalize's or MovieLens's ratings.csv), or a MovieLens 100K
# directory (u.data), which is converted first: ratings become events ordered by user, time, then
# item id (its many same-second ratings need a fixed order). (a) temporal leave-last-one-out,
# (b) Personalize's 90/10 held-out users, (c) with --realtime, the PutEvents path. Prints markdown
# tables. Builds the engine jar when missing. Heap: PERSONALIZE_HEAP (3g).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
engine="$root/personalize-local/engine"
jar="$engine/target/personalize-local-engine-0.1.0-SNAPSHOT.jar"
if [[ ! -f "$jar" || ! -d "$engine/target/lib" ]]; then
  (cd "$root" && ./mvnw -B -q -pl personalize-local/engine package -DskipTests)
fi
data="${1:?usage: bench/personalize-eval.sh DATA [options]}"
shift
if [[ -d "$data" && -f "$data/u.data" ]]; then
  converted="$(mktemp -d)/interactions.csv"
  trap 'rm -rf "$(dirname "$converted")"' EXIT
  { echo "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE"
    awk -F'\t' 'BEGIN { OFS = "," } { print $1, $2, $4, "rating", $3 }' "$data/u.data" \
      | sort -t, -k1,1n -k3,3n -k2,2n; } > "$converted"
  data="$converted"
fi
java -Xmx"${PERSONALIZE_HEAP:-3g}" -cp "$jar:$engine/target/lib/*" \
  io.marquee.personalize.engine.eval.EvaluateMain "$data" "$@"
