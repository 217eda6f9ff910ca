#!/usr/bin/env bash
# Scale benchmark: a synthetic whole-market data set (src/bench/generate) screened and replayed
# (90 days, --min-gain 7d=20) by privscreen and by the same as one DuckDB SQL query each
# (src/bench/java/DuckScreen.java, DuckReplay.java; DuckDB is used by this benchmark only, never
# by the product); then the replay with every field as NDJSON (--forward 7d), against a DuckDB
# query that computes and writes the same fields (DuckReplayAll.java; the same lines, compared by
# count, as DuckDB's numbers are not privscreen's shortest decimals). Checks both return the same rows and prints both wall times, their ratio and
# privscreen's peak RSS, at 1/2x, 1x and 2x the size. Each time
# is the median of RUNS runs (default 3; a shared machine's noise is large), measured in
# alternation so both tools see the same machine.
#   mvn -B -q package -DskipTests && src/bench/run.sh [scales...]
set -euo pipefail
cd "$(dirname "$0")/../.."
scales=("${@:-0.5 1 2}")
[ -x target/privscreen ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }

duck_version=2.0.0.1
duck="$HOME/.m2/repository/org/duckdb/duckdb_jdbc/$duck_version/duckdb_jdbc-$duck_version.jar"
[ -f "$duck" ] || mvn -B -q dependency:get -Dartifact=org.duckdb:duckdb_jdbc:$duck_version >/dev/null
mkdir -p target/bench/classes
javac -d target/bench/classes src/bench/java/DuckScreen.java src/bench/java/DuckReplay.java \
  src/bench/java/DuckReplayAll.java

runs=${RUNS:-3}
# one run first: the launcher makes its class-data archive then, not during a timed run
target/privscreen screen --from examples/privacy-2025-11-07 >/dev/null 2>&1

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

rules=(--min-gain 7d=20 --oi-breakout --volume-spike 1.5 --listed-within 30d --match any)
rstart=2025-08-10
rend=2025-11-07

# one line of the table: median times of both, their ratio, privscreen's peak RSS, the row count
report() {
  local pt prss dt
  pt=$(cut -d' ' -f1 "$2" | median)
  prss=$(cut -d' ' -f2 "$2" | sort -n | tail -1)
  dt=$(cut -d' ' -f1 "$3" | median)
  printf '%-12s %11.2fs %11.2fs %7.2fx %11d MiB %10d\n' "$1" "$pt" "$dt" \
    "$(awk -v a="$pt" -v b="$dt" 'BEGIN {print a / b}')" $((prss / 1024)) "$(wc -l <"$4")"
}

printf '%-12s %12s %12s %8s %14s %10s\n' run privscreen duckdb ratio "peak RSS" rows
for scale in ${scales[*]}; do
  dir="target/bench/market-$scale"
  [ -f "$dir/snapshot.json" ] || python3 src/bench/generate --out "$dir" --scale "$scale"
  : >target/bench/ps.times
  : >target/bench/duck.times
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -a -o target/bench/ps.times \
      target/privscreen screen --from "$dir" "${rules[@]}" --format csv --fields symbol \
      | tail -n +2 | sort >target/bench/ps.txt
    /usr/bin/time -f "%e %M" -a -o target/bench/duck.times \
      java -cp "$duck:target/bench/classes" DuckScreen "$dir" 2025-11-07 | sort >target/bench/duck.txt
  done
  if ! cmp -s target/bench/ps.txt target/bench/duck.txt; then
    echo "scale $scale: privscreen and DuckDB disagree:" >&2
    diff target/bench/ps.txt target/bench/duck.txt | head >&2
    exit 1
  fi
  report "screen $scale" target/bench/ps.times target/bench/duck.times target/bench/ps.txt

  # the replay of the issue: 90 days, --min-gain 7d=20, every passing (day, symbol)
  : >target/bench/ps.times
  : >target/bench/duck.times
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -a -o target/bench/ps.times \
      target/privscreen replay --from "$dir" --start "$rstart" --end "$rend" --min-gain 7d=20 \
      --format csv --fields date,symbol | tail -n +2 | sort >target/bench/ps.txt
    /usr/bin/time -f "%e %M" -a -o target/bench/duck.times \
      java -cp "$duck:target/bench/classes" DuckReplay "$dir" "$rstart" "$rend" | sort >target/bench/duck.txt
  done
  if ! cmp -s target/bench/ps.txt target/bench/duck.txt; then
    echo "replay $scale: privscreen and DuckDB disagree:" >&2
    diff target/bench/ps.txt target/bench/duck.txt | head >&2
    exit 1
  fi
  report "replay $scale" target/bench/ps.times target/bench/duck.times target/bench/ps.txt

  # the same replay with every field, as NDJSON
  : >target/bench/ps.times
  : >target/bench/duck.times
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -a -o target/bench/ps.times \
      target/privscreen replay --from "$dir" --start "$rstart" --end "$rend" --min-gain 7d=20 \
      --forward 7d --format ndjson >target/bench/ps.txt
    /usr/bin/time -f "%e %M" -a -o target/bench/duck.times \
      java -cp "$duck:target/bench/classes" DuckReplayAll "$dir" "$rstart" "$rend" >target/bench/duck.txt
  done
  if [ "$(wc -l <target/bench/ps.txt)" != "$(wc -l <target/bench/duck.txt)" ]; then
    echo "replay ndjson $scale: privscreen and DuckDB print different numbers of lines" >&2
    exit 1
  fi
  report "ndjson $scale" target/bench/ps.times target/bench/duck.times target/bench/ps.txt
done
