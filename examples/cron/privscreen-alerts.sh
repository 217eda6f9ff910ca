#!/usr/bin/env bash
# Fetch, then alert only on what is new since the last run: a new 7-day doubling, an OI
# breakout, a first break of a level, or a new listing. Mails the alerts when ALERT_MAIL is set
# (needs a working `mail`), else prints them; pushes them to a phone or a chat when
# PRIVSCREEN_NOTIFY holds notification URLs (see the README's Notifications). Quiet when nothing
# is new, as cron likes it.
#
#   ALERT_MAIL=me@example.com examples/cron/privscreen-alerts.sh
#   PRIVSCREEN_NOTIFY=ntfy://my-secret-topic examples/cron/privscreen-alerts.sh
#   PRIVSCREEN=/path/to/target/privscreen examples/cron/privscreen-alerts.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ps="${PRIVSCREEN:-$here/../../target/privscreen}"

# A partial fetch (some source down) still screens the rest; only "all failed" stops here.
"$ps" fetch -q >/dev/null || { rc=$?; [ "$rc" -eq 4 ] || exit "$rc"; }

# exit 1 = nothing new: the && below then sends nothing
if alerts=$("$ps" screen -q --alert privacy-movers --cooldown 24h --fail-if-empty \
      --min-gain 7d=100 --oi-breakout --oi-above 770M --listed-within 1d --match any \
      --explain --format table --no-color); then
  if [ -n "${ALERT_MAIL:-}" ]; then
    printf '%s\n' "$alerts" | mail -s "privscreen: new privacy-sector signals" "$ALERT_MAIL"
  else
    printf '%s\n' "$alerts"
  fi
fi
