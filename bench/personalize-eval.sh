#!/usr/bin/env bash
# Offline evaluation of personalize-local's recipes against baselines (most popular, item-kNN, EASE):
#   bench/personalize-eval.sh INTERACTIONS.csv [--format personalize|movielens] [--protocol a|b|both]
#                             [--items movies.csv] [--no-hpo] [--seed N]
# (a) temporal leave-last-one-out, (b) Personalize's 90/10 held-out users. Prints markdown tables.
# Builds the engine jar and its runtime classpath (target/lib) when missing. Heap: PERSONALIZE_HEAP (3g).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
engine="$root/personalize-local/engine"
jar="$engine/target/personalize-local-engine-0.1.0-SNAPSHOT.jar"
if [[ ! -f "$jar" || ! -d "$engine/target/lib" ]]; then
  (cd "$root" && ./mvnw -B -q -pl personalize-local/engine package -DskipTests)
fi
exec java -Xmx"${PERSONALIZE_HEAP:-3g}" -cp "$jar:$engine/target/lib/*" \
  io.marquee.personalize.engine.eval.EvaluateMain "$@"
