# Sourced by the start-up benchmarks: seconds since a `date +%s.%N` mark, and the CPU seconds
# (user + system) each process of a stack has used so far.

# Seconds since $1 (a `date +%s.%N` value), one decimal.
since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}'; }

# "name=CPU-seconds" for the launcher ($1, which also runs DynamoDB Local and Kafka) and each child
# JVM, named by its jar's module (personalize-local's is "server").
cpu_report() {
  local pid=$1 p name ticks hz
  hz=$(getconf CLK_TCK)
  for p in "$pid" $(pgrep -P "$pid" || true); do
    ticks=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null) || continue
    name=$(tr '\0' '\n' < "/proc/$p/cmdline" | grep -m1 'quarkus-run.jar\|devstack.jar' | sed 's#/target/.*##; s#.*/##')
    printf '%s=%s ' "${name:-$p}" "$(awk -v t="$ticks" -v h="$hz" 'BEGIN {printf "%.1f", t / h}')"
  done
}
