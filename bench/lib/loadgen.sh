# Sourced by the latency benchmarks once $root, $gateway and $api are set: a scratch directory
# ($work, removed on exit), the load generator compiled into it ($loadgen), and the checks that
# jq and curl are there and that a gateway answers at $gateway.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
javac -d "$work" "$root/bench/load/LoadGen.java" "$root/bench/load/KeepAliveConnection.java"
loadgen=(java -XX:+UseSerialGC -Xmx256m -cp "$work" LoadGen)
command -v jq >/dev/null || { echo "needs jq" >&2; exit 1; }
command -v curl >/dev/null || { echo "needs curl" >&2; exit 1; }
curl -fsS "$api/status" > /dev/null || { echo "no gateway at $gateway: start it with ./marquee up" >&2; exit 1; }
