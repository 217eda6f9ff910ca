#!/usr/bin/env bash
# Start-up benchmark: median wall time of the main job on the example against `java -cp` of a
# bare Hello class, both measured in this run, so the ratio holds on any machine.
#   mvn -B -q package -DskipTests && src/bench/startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-10}"
[ -x target/privscreen ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
javac -d "$tmp" "$tmp/Hello.java"

# median wall time in ms of a command run $runs times (after one warm-up run)
median_ms() {
  "$@" >/dev/null 2>&1 || true
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    times+=($(((t1 - t0) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'
}

export PRIVSCREEN_HOME="$tmp/home" # a fresh AppCDS archive, made by the warm-up run
hello=$(median_ms java -cp "$tmp" Hello)
screen=$(median_ms target/privscreen screen --from examples/privacy-2025-11-07 --json)
nocds=$(PRIVSCREEN_CDS=0 median_ms target/privscreen screen --from examples/privacy-2025-11-07 --json)
echo "bare JVM (java -cp Hello):                       ${hello} ms (median of $runs)"
echo "privscreen screen --from examples/... --json:    ${screen} ms (AppCDS archive)"
echo "the same with PRIVSCREEN_CDS=0:                  ${nocds} ms"
awk -v s="$screen" -v n="$nocds" -v h="$hello" \
  'BEGIN {printf "ratio: %.2fx the bare JVM (%.2fx without the archive)\n", s / h, n / h}'
