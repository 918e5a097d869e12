# Sourced by the recommendation benchmarks: signs a fresh user up, rates the catalog's first five
# titles (so "for you" excludes something), writes the first 100 title ids to $work/ids and sets
# $token. Needs $api (the gateway's /api/v1) and $work (a scratch directory), curl and jq.
stamp=$(date +%s)-$$
email="bench-reco-$stamp@example.com"
password="bench-password-$stamp"
curl -fsS -o /dev/null -H 'Content-Type: application/json' "$api/auth/signup" \
  --data "{\"name\":\"Bench $stamp\",\"age\":30,\"gender\":\"other\",\"email\":\"$email\",\"password\":\"$password\"}"
token=$(curl -fsS -H 'Content-Type: application/json' "$api/auth/login" \
  --data "{\"email\":\"$email\",\"password\":\"$password\"}" | jq -r .accessToken)
curl -fsS "$api/movies?limit=100" | jq -r '.items[].id' > "$work/ids"
[ -s "$work/ids" ] || { echo "the catalog is empty: load the demo data" >&2; exit 1; }
head -5 "$work/ids" | while read -r id; do
  curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    "$api/movies/$id/rating" --data '{"rating":4.0}'
done
