#!/usr/bin/env bash
# Real jq pipelines over privscreen's JSON, on the bundled example (no network).
# Run from the repository root after `mvn -B -q package -DskipTests`:
#   bash examples/one-liners.sh
set -euo pipefail
ps="${PRIVSCREEN:-target/privscreen}"
ex=examples/privacy-2025-11-07

echo "# Symbols up 100% or more in 7 days"
"$ps" screen --from "$ex" --min-gain 7d=100 --json | jq -r '.results[].symbol'

echo "# Symbol and 7-day gain, tab-separated, biggest first"
"$ps" screen --from "$ex" --json | jq -r '.results[] | [.symbol, (.gain_7d_pct | floor)] | @tsv'

echo "# Volume spikes: 24h volume at least 1.4x the 30-day mean"
"$ps" screen --from "$ex" --volume-spike 1.4 --format ndjson | jq -c '{symbol, volume_ratio_30d}'

echo "# Open interest as a share of market cap (assets with OI only)"
"$ps" screen --from "$ex" --format ndjson \
  | jq -r 'select(.oi_usd != null and .market_cap_usd != null)
           | "\(.symbol)\t\(.oi_usd / .market_cap_usd * 100 | floor)%"'

echo "# The article's 'what if it rose 20x': FDV times 20, in billions"
"$ps" screen --from "$ex" --json --fields symbol,fdv_usd \
  | jq -r '.results[] | select(.fdv_usd != null) | "\(.symbol)\t\(.fdv_usd * 20 / 1e9 | floor)B"'

echo "# Newest listing event of each asset that has one"
"$ps" screen --from "$ex" --format ndjson \
  | jq -r 'select(.listings | length > 0) | "\(.symbol)\t\(.listings[0].venue) \(.listings[0].market) \(.listings[0].listed_at)"'

echo "# ZEC's shielded supply, as of two days 40 days apart"
for d in 2025-09-28 2025-11-07; do
  "$ps" screen --from "$ex" --as-of "$d" --format ndjson | jq -r --arg d "$d" 'select(.symbol == "ZEC") | "\($d)\t\(.m_shielded_supply)"'
done

echo "# Top 3 by 30-day gain as CSV"
"$ps" screen --from "$ex" --sort gain_30d_pct --top 3 --format csv --fields rank,symbol,gain_30d_pct
