#!/usr/bin/env bash
# Scale benchmark: a synthetic whole-market data set (src/bench/generate) screened by privscreen
# and by the same screen as one DuckDB SQL query (src/bench/java/DuckScreen.java; DuckDB is used
# by this benchmark only, never by the product). Checks both return the same symbols and prints
# both wall times, their ratio and privscreen's peak RSS, at 1/2x, 1x and 2x the size.
#   mvn -B -q package -DskipTests && src/bench/run.sh [scales...]
set -euo pipefail
cd "$(dirname "$0")/../.."
scales=("${@:-0.5 1 2}")
[ -x target/privscreen ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }

duck_version=2.0.0.1
duck="$HOME/.m2/repository/org/duckdb/duckdb_jdbc/$duck_version/duckdb_jdbc-$duck_version.jar"
[ -f "$duck" ] || mvn -B -q dependency:get -Dartifact=org.duckdb:duckdb_jdbc:$duck_version >/dev/null
mkdir -p target/bench/classes
javac -d target/bench/classes src/bench/java/DuckScreen.java

rules=(--min-gain 7d=20 --oi-breakout --volume-spike 1.5 --listed-within 30d --match any)
printf '%-6s %12s %12s %8s %14s %10s\n' scale privscreen duckdb ratio "peak RSS" symbols
for scale in ${scales[*]}; do
  dir="target/bench/market-$scale"
  [ -f "$dir/snapshot.json" ] || python3 src/bench/generate --out "$dir" --scale "$scale"
  /usr/bin/time -f "%e %M" -o target/bench/ps.time \
    target/privscreen screen --from "$dir" "${rules[@]}" --format csv --fields symbol \
    | tail -n +2 | sort >target/bench/ps.txt
  /usr/bin/time -f "%e %M" -o target/bench/duck.time \
    java -cp "$duck:target/bench/classes" DuckScreen "$dir" 2025-11-07 | sort >target/bench/duck.txt
  if ! cmp -s target/bench/ps.txt target/bench/duck.txt; then
    echo "scale $scale: privscreen and DuckDB disagree:" >&2
    diff target/bench/ps.txt target/bench/duck.txt | head >&2
    exit 1
  fi
  read -r pt prss <target/bench/ps.time
  read -r dt _ <target/bench/duck.time
  printf '%-6s %11.2fs %11.2fs %7.2fx %11d MiB %10d\n' "$scale" "$pt" "$dt" \
    "$(awk -v a="$pt" -v b="$dt" 'BEGIN {print a / b}')" $((prss / 1024)) "$(wc -l <target/bench/ps.txt)"
done
