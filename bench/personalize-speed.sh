#!/usr/bin/env bash
# Speed of personalize-local's engine (a benchmark, not a test; figures go to docs/benchmarks.md):
#   bench/personalize-speed.sh demo [INTERACTIONS.csv]   train every recipe on the demo data (200k / 3k items;
#                                                          generated into a temp dir when no file is given),
#                                                          then real-time event and recommend latency
#   bench/personalize-speed.sh synthetic [N] [ITEMS]     N synthetic interactions (default 1,000,000) over
#                                                          ITEMS items (default 20,000), -Xmx3g: training time,
#                                                          peak heap, real-time event and recommend latency
# Peak heap is the sum of the heap pools' peaks (an upper bound). Builds the engine when missing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
engine="$root/personalize-local/engine"
jar="$engine/target/personalize-local-engine-0.1.0-SNAPSHOT.jar"
if [[ ! -f "$jar" || ! -d "$engine/target/lib" ]]; then
  (cd "$root" && ./mvnw -B -q -pl personalize-local/engine package -DskipTests)
fi
run() { java -Xmx"${PERSONALIZE_HEAP:-3g}" -cp "$jar:$engine/target/lib/*" io.marquee.personalize.engine.eval.BenchmarkMain "$@"; }
mode="${1:-demo}"
case "$mode" in
  demo)
    file="${2:-}"
    if [[ -z "$file" ]]; then
      dir="$(mktemp -d)"
      trap 'rm -rf "$dir"' EXIT
      java -jar "$root/devstack/target/devstack.jar" generate-demo "$dir" >/dev/null
      file="$dir/interactions.csv"
    fi
    run train "$file" ;;
  synthetic)
    run synthetic "${2:-1000000}" "${3:-20000}" ;;
  *) echo "usage: $0 demo [FILE] | synthetic [N] [ITEMS]" >&2; exit 2 ;;
esac
echo "Command: bench/personalize-speed.sh $*  (java $(java -version 2>&1 | head -1 | cut -d'"' -f2), $(nproc) cores)"
