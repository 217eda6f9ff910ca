#!/usr/bin/env bash
# Store benchmark: a year of hourly fetches (8,760) of a 90-asset category with four venues of open
# interest, written through the store's own write path (src/bench/java/StoreYear.java, no HTTP):
# the disk it takes, the bytes and milliseconds of each write, and the screen of a stored fetch
# (the newest, and one of six months earlier) against `screen --from` the same fetch exported as
# JSON, in one run, with their peak RSS; and the start-up of a screen of a one-fetch store against
# `screen --from` the example's JSON.
#   mvn -B -q package -DskipTests && src/bench/store.sh [hours] [assets]
set -euo pipefail
cd "$(dirname "$0")/../.."
hours="${1:-8760}"
assets="${2:-90}"
runs="${RUNS:-5}"
[ -x target/privscreen ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }

work=target/bench/store
rm -rf "$work" && mkdir -p "$work/classes"
javac -cp target/privscreen.jar -d "$work/classes" src/bench/java/StoreYear.java
export PRIVSCREEN_HOME="$work/home"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
pct() { sort -n | awk -v p="$1" '{a[NR]=$1} END {i=int(NR*p/100); if (i<1) i=1; print a[i]}'; }

echo "writing $hours hourly fetches of $assets assets..." >&2
java -cp "target/privscreen.jar:$work/classes" StoreYear "$PRIVSCREEN_HOME/snapshots" "$hours" "$assets" \
  >"$work/writes.txt"
disk=$(du -sb "$PRIVSCREEN_HOME/snapshots" | cut -f1)
# a fetch of a day already begun learns only live values; the first of a day (hour 00) closes one
awk '$1 !~ /T00/ {print $3}' "$work/writes.txt" | tail -n +2 >"$work/live.bytes"
awk '{print $2}' "$work/writes.txt" | tail -n +2 >"$work/write.ms"
printf 'store after %d fetches: %.1f MB on disk\n' "$hours" "$(awk -v b="$disk" 'BEGIN {print b / 1e6}')"
printf 'a fetch of live values only adds: median %d B, max %d B\n' \
  "$(median <"$work/live.bytes")" "$(sort -n "$work/live.bytes" | tail -1)"
printf 'write time per fetch: median %s ms, p99 %s ms\n' "$(median <"$work/write.ms")" \
  "$(pct 99 <"$work/write.ms")"

rules=(--min-gain 7d=10 --oi-breakout --volume-spike 1.5 --match any --format csv)
newest=$(tail -1 "$work/writes.txt" | cut -d' ' -f1)
old=$(sed -n "$((hours > 4380 ? hours - 4380 : 1))p" "$work/writes.txt" | cut -d' ' -f1)
printf '%-22s %12s %12s %8s %10s %10s\n' screen "--snapshot" "--from JSON" ratio "RSS id" "RSS JSON"
for id in "$newest" "$old"; do
  target/privscreen store export --snapshot "$id" --out "$work/$id.json"
  target/privscreen screen --snapshot "$id" "${rules[@]}" >"$work/by-id.csv"
  target/privscreen screen --from "$work/$id.json" "${rules[@]}" >"$work/by-file.csv"
  cmp -s "$work/by-id.csv" "$work/by-file.csv" || { echo "$id: the two screens differ" >&2; exit 1; }
  : >"$work/id.times"
  : >"$work/file.times"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -a -o "$work/id.times" target/privscreen screen --snapshot "$id" "${rules[@]}" >/dev/null
    /usr/bin/time -f "%e %M" -a -o "$work/file.times" target/privscreen screen --from "$work/$id.json" "${rules[@]}" >/dev/null
  done
  a=$(cut -d' ' -f1 "$work/id.times" | median)
  b=$(cut -d' ' -f1 "$work/file.times" | median)
  printf '%-22s %11.2fs %11.2fs %7.2fx %6d MiB %6d MiB\n' "$id" "$a" "$b" \
    "$(awk -v a="$a" -v b="$b" 'BEGIN {print a / b}')" \
    $(($(cut -d' ' -f2 "$work/id.times" | sort -n | tail -1) / 1024)) \
    $(($(cut -d' ' -f2 "$work/file.times" | sort -n | tail -1) / 1024))
done

# start-up: a store of one fetch (the example, converted) against the example's JSON file
export PRIVSCREEN_HOME="$work/small"
mkdir -p "$PRIVSCREEN_HOME/snapshots"
cp examples/privacy-2025-11-07.json "$PRIVSCREEN_HOME/snapshots/20251107T000000Z.json"
target/privscreen store migrate -q
ms() {
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000000))
}
target/privscreen screen --json >/dev/null # the class-data archive is made here, not timed
: >"$work/s.ms"
: >"$work/f.ms"
for _ in $(seq 21); do
  ms target/privscreen screen --json >>"$work/s.ms"
  ms target/privscreen screen --from examples/privacy-2025-11-07.json --json >>"$work/f.ms"
done
a=$(median <"$work/s.ms")
b=$(median <"$work/f.ms")
printf 'start-up, screen of the store: %d ms; --from the same JSON: %d ms (%.2fx)\n' "$a" "$b" \
  "$(awk -v a="$a" -v b="$b" 'BEGIN {print a / b}')"
