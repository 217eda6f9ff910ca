#!/usr/bin/env bash
# Fetch, then alert only on what is new since the last run: a new 7-day doubling, an OI
# breakout, a first break of a level, or a new listing. Mails the alerts when ALERT_MAIL is set
# (needs a working `mail`), else prints them; pushes them to a phone or a chat when
# PRIVSCREEN_NOTIFY holds notification URLs (see the README's Notifications). Quiet when nothing
# is new, as cron likes it; an error exits non-zero, so that cron mails it. Prunes once a day.
#
#   ALERT_MAIL=me@example.com examples/cron/privscreen-alerts.sh
#   PRIVSCREEN_NOTIFY=ntfy://my-secret-topic examples/cron/privscreen-alerts.sh
#   PRIVSCREEN=/path/to/target/privscreen examples/cron/privscreen-alerts.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ps="${PRIVSCREEN:-$here/../../target/privscreen}"

# A partial fetch (some source down) still screens the rest; only "all failed" stops here.
"$ps" fetch -q >/dev/null || { rc=$?; [ "$rc" -eq 4 ] || exit "$rc"; }

# Exit codes (README: Exit codes): 1 = nothing new, the only quiet one; anything else (3 bad data,
# 70 a bug, ...) is an error, which this script passes on so that cron mails it (its message is
# already on stderr).
rc=0
alerts=$("$ps" screen -q --alert privacy-movers --cooldown 24h --fail-if-empty \
  --min-gain 7d=100 --oi-breakout --oi-above 770M --listed-within 1d --match any \
  --explain --format table --no-color) || rc=$?
case $rc in
  0)
    if [ -n "${ALERT_MAIL:-}" ]; then
      printf '%s\n' "$alerts" | mail -s "privscreen: new privacy-sector signals" "$ALERT_MAIL"
    else
      printf '%s\n' "$alerts"
    fi
    ;;
  1) ;; # nothing new
  *) exit "$rc" ;;
esac

# Once a day (the runs of the hour PRIVSCREEN_PRUNE_HOUR UTC, 03 unless set), forget fetches older
# than PRIVSCREEN_KEEP (default 90d): the store stays the size of what it keeps. Its history of
# prices and open interest is kept whole; only each fetch's own record goes.
if [ "$(date -u +%H)" = "${PRIVSCREEN_PRUNE_HOUR:-03}" ]; then
  "$ps" store prune -q --keep "${PRIVSCREEN_KEEP:-90d}"
fi
