#!/usr/bin/env bash
# Fetch benchmark: a full fetch of the built-in universe from loopback APIs that add 100 ms to
# every answer, against the ideal time the rate limits and the call graph allow (same run).
#   src/bench/fetch.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q test -Dtest=FetchBench -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false >/dev/null
cat target/surefire-reports/dev.privscreen.fetch.FetchBench-output.txt
