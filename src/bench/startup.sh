#!/usr/bin/env bash
# Start-up benchmark: median wall time of the main job on the example against `java -cp` of a
# bare Hello class, both measured in this run, so the ratio holds on any machine; and the peak RSS
# of one more run of each.
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

# Wall time in ms of one run of a command.
ms() {
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000000))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# Peak RSS in MiB of one more run of a command (the launcher execs java: one process to measure).
rss() {
  /usr/bin/time -f %M -o "$tmp/rss" "$@" >/dev/null 2>&1 || true
  echo $(($(tail -1 "$tmp/rss") / 1024))
}

export PRIVSCREEN_HOME="$tmp/home" # a fresh class-data archive, made by the warm-up run
screen=(target/privscreen screen --from examples/privacy-2025-11-07 --json)
java -cp "$tmp" Hello >/dev/null
"${screen[@]}" >/dev/null
# The three are run in turn, $runs times, so that a busy moment of a shared machine falls on
# all of them alike; each figure is the median of its runs.
# The .deb's privscreen too, when `mvn -Pdeb package` has staged it (target/deb): its own runtime,
# its own cache (an archive keyed to that runtime).
deb=(env PRIVSCREEN_HOME="$tmp/deb-home" target/deb/usr/bin/privscreen screen --from examples/privacy-2025-11-07 --json)
[ -x target/deb/usr/bin/privscreen ] && "${deb[@]}" >/dev/null
for _ in $(seq "$runs"); do
  ms java -cp "$tmp" Hello >>"$tmp/hello"
  ms "${screen[@]}" >>"$tmp/screen"
  PRIVSCREEN_CDS=0 ms "${screen[@]}" >>"$tmp/nocds"
  if [ -x target/deb/usr/bin/privscreen ]; then ms "${deb[@]}" >>"$tmp/deb"; fi
done
# peak RSS of one more run each, before the names below are reused for the medians
hello_mib=$(rss java -cp "$tmp" Hello)
screen_mib=$(rss "${screen[@]}")
nocds_mib=$(PRIVSCREEN_CDS=0 rss "${screen[@]}")
deb_mib=""
if [ -x target/deb/usr/bin/privscreen ]; then deb_mib=$(rss "${deb[@]}"); fi
hello=$(median <"$tmp/hello")
screen=$(median <"$tmp/screen")
nocds=$(median <"$tmp/nocds")
echo "bare JVM (java -cp Hello):                       ${hello} ms (median of $runs), peak ${hello_mib} MiB"
echo "privscreen screen --from examples/... --json:    ${screen} ms (class-data archive), ${screen_mib} MiB"
echo "the same with PRIVSCREEN_CDS=0:                  ${nocds} ms, ${nocds_mib} MiB"
awk -v s="$screen" -v n="$nocds" -v h="$hello" \
  'BEGIN {printf "ratio: %.2fx the bare JVM (%.2fx without the archive)\n", s / h, n / h}'
if [ -f "$tmp/deb" ]; then
  debms=$(median <"$tmp/deb")
  echo "the .deb's privscreen (its own runtime):         ${debms} ms, ${deb_mib} MiB"
  awk -v d="$debms" -v s="$screen" -v h="$hello" \
    'BEGIN {printf "the .deb: %.2fx the bare JVM, %.2fx the jar'"'"'s launcher\n", d / h, d / s}'
fi
