#!/usr/bin/env bash
# Manners at the edges (issue 23), timed: a replay whose reader leaves after one line, against the
# same replay to /dev/null; and terminal charts of growing width, whose time must grow no faster
# than the width. Each figure is the median of RUNS runs (default 3), wall seconds and peak RSS.
#   mvn -B -q package -DskipTests && src/bench/manners.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x target/privscreen ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }
runs=${RUNS:-3}
dir=target/bench/market-1
[ -f "$dir/snapshot.json" ] || python3 src/bench/generate --out "$dir" --scale 1
target/privscreen screen --from examples/privacy-2025-11-07 >/dev/null 2>&1 # the cache, untimed

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
# one line: the median wall time and the largest peak RSS of $runs runs of a shell command
timed() {
  local label="$1" cmd="$2" f
  f=$(mktemp)
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -a -o "$f" bash -c "$cmd" >/dev/null 2>&1 || true
  done
  printf '%-44s %7.2f s %8d MiB\n' "$label" "$(cut -d' ' -f1 "$f" | median)" \
    $(($(cut -d' ' -f2 "$f" | sort -n | tail -1) / 1024))
  rm -f "$f"
}

replay="target/privscreen replay --from $dir --start 2025-08-10 --format ndjson"
timed "replay, every asset, 90 days > /dev/null" "$replay > /dev/null"
timed "the same | head -1" "$replay | head -1"
for w in 100 500 1000 2000; do
  timed "chart ZEC --width $w" "target/privscreen chart ZEC --from examples/privacy-2025-11-07 --width $w"
done
