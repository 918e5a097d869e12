#!/usr/bin/env bash
# Review sentiment commands (figures go to docs/benchmarks.md; see sentiment/README.md):
#   bench/sentiment.sh train    DATASETS   fit the shipped model on both development sets and write it to
#                                          sentiment/src/main/resources/io/marquee/sentiment/model.tsv
#   bench/sentiment.sh evaluate DATASETS   accuracy, macro-F1 and confusion matrix per set: the valence
#                                          rules alone, cross-domain (trained on the other set), 5-fold CV
#   bench/sentiment.sh speed    DATASETS [ROUNDS]   microseconds to label one review with the shipped model
# DATASETS is the folder holding amazon_cells_labelled.txt and yelp_labelled.txt (Kotzias et al.,
# KDD 2015); it is never copied into the repository. Builds the module when its classes are missing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
classes="$root/sentiment/target/classes"
model="$root/sentiment/src/main/resources/io/marquee/sentiment/model.tsv"
cmd="${1:-}"
data="${2:-}"
if [[ -z "$cmd" || -z "$data" ]]; then
  sed -n '2,9p' "$0" >&2
  exit 2
fi
if [[ ! -f "$classes/io/marquee/sentiment/eval/SentimentBench.class" ]]; then
  (cd "$root" && ./mvnw -B -q -o -pl sentiment process-classes)
fi
run() { java -Xmx256m -cp "$classes" io.marquee.sentiment.eval.SentimentBench "$@"; }
case "$cmd" in
  train)
    run train "$data" "$model"
    # The next build copies it into target/classes; do it now so speed/evaluate see the new weights.
    cp "$model" "$classes/io/marquee/sentiment/model.tsv" ;;
  evaluate) run evaluate "$data" ;;
  speed) run speed "$data" "${3:-20}" ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
echo "Command: bench/sentiment.sh $cmd DATASETS${3:+ $3}  (java $(java -version 2>&1 | head -1 | cut -d'"' -f2), $(nproc) cores)"
