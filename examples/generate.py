#!/usr/bin/env python3
"""Writes the bundled example: the article's privacy-sector rally as of 2025-11-07.

Deterministic (no randomness): run it again and the files come out the same.
  python3 examples/generate.py
writes examples/privacy-2025-11-07/ (CSV directory) and examples/privacy-2025-11-07.json.
Which figures come from the article and which are illustrative: examples/README.md.
"""
import csv
import json
import math
import os
from datetime import date, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
START, END = date(2025, 9, 15), date(2025, 11, 7)
DAYS = [START + timedelta(days=i) for i in range((END - START).days + 1)]
D = date.fromisoformat

# id, symbol, name, circulating supply, max supply, price anchors (day -> close).
# Between anchors the close moves geometrically with a small deterministic wiggle.
ASSETS = [
    ("zcash", "ZEC", "Zcash", 16.3e6, 21e6, {
        "2025-09-15": 48.0, "2025-09-30": 61.0, "2025-10-01": 74.42, "2025-10-08": 150.0,
        "2025-10-16": 252.0, "2025-10-23": 237.84, "2025-10-27": 333.0, "2025-10-31": 280.0,
        "2025-11-01": 322.0, "2025-11-07": 532.06}),
    ("monero", "XMR", "Monero", 18.45e6, None, {
        "2025-09-15": 290.0, "2025-10-15": 318.0, "2025-10-31": None, "2025-11-07": 395.0}),
    ("dash", "DASH", "Dash", 12.5e6, 18.9e6, {
        "2025-09-15": 23.5, "2025-10-15": 33.0, "2025-10-31": 55.0, "2025-11-07": 118.8}),
    ("decred", "DCR", "Decred", 17.1e6, 21e6, {
        "2025-09-15": 14.8, "2025-10-15": 15.9, "2025-10-31": 17.0, "2025-11-07": 35.7}),
    ("zencash", "ZEN", "Horizen", 17.5e6, 21e6, {
        "2025-09-15": 6.9, "2025-10-15": 7.6, "2025-10-31": 8.2, "2025-11-07": 17.6}),
    ("secret", "SCRT", "Secret", 320e6, None, {
        "2025-09-15": 0.17, "2025-10-15": 0.18, "2025-10-31": 0.20, "2025-11-07": 0.31}),
    ("oasis-network", "ROSE", "Oasis", 7.0e9, 10e9, {
        "2025-09-15": 0.024, "2025-10-15": 0.020, "2025-10-31": 0.021, "2025-11-07": 0.0273}),
    ("railgun", "RAIL", "Railgun", 57e6, 100e6, {
        "2025-09-15": 1.40, "2025-10-10": 2.05, "2025-10-15": 1.99, "2025-10-20": 2.01,
        "2025-10-25": 1.98, "2025-10-31": 1.97, "2025-11-07": 2.00}),
    ("zksync", "ZK", "ZKsync", 7.2e9, 21e9, {
        "2025-09-15": 0.058, "2025-10-15": 0.049, "2025-10-31": 0.052, "2025-11-01": 0.071,
        "2025-11-07": 0.1248}),
    ("pirate-chain", "ARRR", "Pirate Chain", 196e6, 200e6, {
        "2025-09-15": 0.31, "2025-10-15": 0.33, "2025-10-31": 0.38, "2025-11-07": 0.46}),
    ("zcoin", "FIRO", "Firo", 16.5e6, 21.4e6, {
        "2025-09-15": 0.95, "2025-10-15": 1.02, "2025-10-31": 1.10, "2025-11-07": 1.60}),
]

# Base daily volume (USD) per asset; shaped below, and fixed exactly where the article says.
BASE_VOLUME = {
    "zcash": 9.0e9, "monero": 1.1e8, "dash": 3.9e8, "decred": 2.2e7, "zencash": 3.5e7,
    "secret": 9.0e6, "oasis-network": 2.8e7, "railgun": 4.0e6, "zksync": 6.0e7,
    "pirate-chain": 1.1e6, "zcoin": 4.5e6,
}
SECTOR_TARGET = 80.0  # "the entire privacy coin sector surged by about 80% in the past 7 days"


def wiggle(i, k):
    """A small deterministic day-to-day move, in [-1, 1]."""
    return math.sin(i * 1.7 + k * 0.9) * 0.6 + math.sin(i * 0.37 + k * 2.3) * 0.4


def price_path(k, anchors):
    pts = sorted((D(d), p) for d, p in anchors.items())
    out = {}
    for (d0, p0), (d1, p1) in zip(pts, pts[1:]):
        n = (d1 - d0).days
        for j in range(n + 1):
            d = d0 + timedelta(days=j)
            t = j / n
            base = p0 * (p1 / p0) ** t
            # no wiggle on anchor days, so the article's figures stay exact
            w = 0 if j in (0, n) else 0.025 * wiggle((d - START).days, k)
            out[d] = base * (1 + w)
    return out


def sig(x, digits=6):
    if x == 0:
        return 0.0
    return round(x, digits - 1 - int(math.floor(math.log10(abs(x)))))


def solve_xmr_oct31(closes, supplies):
    """XMR's Oct 31 close that makes the cap-weighted 7-day sector gain exactly the target."""
    now = before = 0.0
    for (aid, _, _, circ, _, _) in ASSETS:
        if aid == "monero":
            continue
        m = closes[aid][END] * circ
        now += m
        before += m / (closes[aid][END] / closes[aid][D("2025-10-31")])
    m_xmr = closes["monero"][END] * supplies["monero"]
    # (now + m) / (before + m / g) = 1 + target  →  g = m / ((now + m)/(1+t) − before)
    g = m_xmr / ((now + m_xmr) / (1 + SECTOR_TARGET / 100) - before)
    return closes["monero"][END] / g


def volumes(aid, k):
    vol = {}
    for i, d in enumerate(DAYS):
        vol[d] = BASE_VOLUME[aid] * (1 + 0.3 * wiggle(i, k + 5))
    return vol


def fix_mean(vol, today, target_mean):
    """Scale the 30 days before `today` so their mean is exactly target_mean (the last absorbs rounding)."""
    window = [today - timedelta(days=i) for i in range(30, 0, -1)]
    total = sum(vol[d] for d in window)
    scale = target_mean * 30 / total
    for d in window:
        vol[d] = round(vol[d] * scale)
    vol[window[-1]] += round(target_mean * 30) - sum(vol[d] for d in window)


def main():
    closes = {}
    for k, (aid, _, _, _, _, anchors) in enumerate(ASSETS):
        if aid == "monero":
            anchors = {d: p for d, p in anchors.items() if p is not None}
        closes[aid] = price_path(k, anchors)
    supplies = {a[0]: a[3] for a in ASSETS}
    # solve XMR's Oct 31 close, then rebuild its path through it
    xmr_anchor = dict(ASSETS[1][5])
    xmr_anchor["2025-10-31"] = solve_xmr_oct31(
        {aid: {d: c for d, c in cs.items()} for aid, cs in closes.items()}, supplies)
    closes["monero"] = price_path(1, xmr_anchor)
    for aid in closes:
        closes[aid] = {d: sig(c) for d, c in closes[aid].items()}

    vols = {}
    for k, (aid, *_rest) in enumerate(ASSETS):
        vols[aid] = volumes(aid, k)
    # ZEC: $17.5B on Nov 7, 1.4x the monthly average → the 30 days before average $12.5B
    vols["zcash"][END] = 17.5e9
    fix_mean(vols["zcash"], END, 12.5e9)
    # DASH: $1.2B on Nov 7, 2.8x the previous period
    vols["dash"][END] = 1.2e9
    fix_mean(vols["dash"], END, 1.2e9 / 2.8)
    # ZK: Vitalik's Nov 1 tweets → 30x volume that day
    fix_mean(vols["zksync"], D("2025-11-01"), 6.0e7)
    vols["zksync"][D("2025-11-01")] = 30 * 6.0e7
    for d in DAYS:
        if d > D("2025-11-01"):
            vols["zksync"][d] = 2.4e8 * (1 + 0.2 * wiggle((d - START).days, 3))
    for aid in vols:
        vols[aid] = {d: round(v) for d, v in vols[aid].items()}

    assets = []
    for aid, sym, name, circ, mx, _ in ASSETS:
        c = closes[aid]
        price = c[END]

        def chg(n):
            return round((price / c[END - timedelta(days=n)] - 1) * 100, 4)

        assets.append({
            "id": aid, "symbol": sym, "name": name, "price_usd": price,
            "market_cap_usd": round(price * circ), "fdv_usd": round(price * mx) if mx else None,
            "volume_24h_usd": vols[aid][END], "change_24h_pct": chg(1), "change_7d_pct": chg(7),
            "change_30d_pct": chg(30), "circulating_supply": circ, "max_supply": mx,
        })

    prices = [{"id": aid, "date": d.isoformat(), "close_usd": closes[aid][d],
               "volume_usd": vols[aid][d]} for aid, *_ in ASSETS for d in DAYS]

    oi = []

    def add_oi(aid, venue, first, series):
        for d in DAYS:
            if d >= D(first):
                oi.append({"id": aid, "venue": venue, "date": d.isoformat(),
                           "oi_usd": round(series(d, (d - START).days))})

    # ZEC futures OI: below $770M until it first breaks above on Nov 1 (article), then climbs.
    def zec_total(d, i):
        if d < D("2025-11-01"):
            return 150e6 + (735e6 - 150e6) * min(1.0, i / 43) * (1 + 0.02 * wiggle(i, 1))
        return 812e6 * (1.06 ** (d - D("2025-11-01")).days)

    zec_share = {"binance": 0.42, "okx": 0.25, "bybit": 0.23, "bitget": 0.10}
    for venue, share in zec_share.items():
        first = "2025-10-20" if venue == "bitget" else "2025-09-15"  # Bitget's series starts late

        def s(d, i, share=share, venue=venue):
            total = zec_total(d, i)
            if d < D("2025-10-20"):  # before Bitget, the other three carry it all
                return total * share / 0.9 if venue != "bitget" else 0
            return total * share
        add_oi("zcash", venue, first, s)
    add_oi("monero", "okx", "2025-09-15", lambda d, i: 62e6 * (1 + 0.05 * wiggle(i, 2)))
    add_oi("monero", "bybit", "2025-09-15", lambda d, i: 48e6 * (1 + 0.05 * wiggle(i, 3)))
    add_oi("dash", "bybit", "2025-09-15", lambda d, i: 18e6 * (1 + 0.04 * wiggle(i, 4)) * (1.5 if d >= D("2025-11-02") else 1))
    add_oi("dash", "binance", "2025-11-03", lambda d, i: 45e6 * (1.15 ** (d - D("2025-11-03")).days))
    add_oi("dash", "okx", "2025-11-04", lambda d, i: 22e6 * (1.1 ** (d - D("2025-11-04")).days))
    add_oi("zencash", "bybit", "2025-09-15", lambda d, i: 6e6 * (1 + 0.04 * wiggle(i, 5)))
    add_oi("zencash", "bitget", "2025-11-02", lambda d, i: 4e6 * (1.12 ** (d - D("2025-11-02")).days))
    add_oi("zencash", "binance", "2025-11-05", lambda d, i: 9e6 * (1.1 ** (d - D("2025-11-05")).days))
    add_oi("secret", "bitget", "2025-11-04", lambda d, i: 2.5e6 * (1.2 ** (d - D("2025-11-04")).days))
    add_oi("zksync", "binance", "2025-09-15", lambda d, i: 55e6 * (1 + 0.05 * wiggle(i, 6)) * (2.2 if d >= D("2025-11-01") else 1))
    add_oi("zksync", "bybit", "2025-09-15", lambda d, i: 30e6 * (1 + 0.05 * wiggle(i, 7)) * (2.0 if d >= D("2025-11-01") else 1))
    add_oi("oasis-network", "binance", "2025-09-15", lambda d, i: 14e6 * (1 + 0.05 * wiggle(i, 8)))
    add_oi("decred", "bybit", "2025-09-15", lambda d, i: 3e6 * (1 + 0.05 * wiggle(i, 9)) * (1.8 if d >= D("2025-11-03") else 1))

    listings = [
        # the article: Nov 2-6, Binance, OKX and Bitget list perpetuals or spot pairs for DASH, ZEN, SCRT
        {"id": "zencash", "venue": "bitget", "market": "perp", "pair": "ZENUSDT", "listed_at": "2025-11-02T10:00:00Z", "action": "list"},
        {"id": "dash", "venue": "binance", "market": "perp", "pair": "DASHUSDT", "listed_at": "2025-11-03T08:00:00Z", "action": "list"},
        {"id": "dash", "venue": "okx", "market": "perp", "pair": "DASH-USDT-SWAP", "listed_at": "2025-11-04T06:00:00Z", "action": "list"},
        {"id": "secret", "venue": "bitget", "market": "perp", "pair": "SCRTUSDT", "listed_at": "2025-11-04T12:00:00Z", "action": "list"},
        {"id": "zencash", "venue": "binance", "market": "perp", "pair": "ZENUSDT", "listed_at": "2025-11-05T09:30:00Z", "action": "list"},
        {"id": "secret", "venue": "okx", "market": "spot", "pair": "SCRT-USDT", "listed_at": "2025-11-06T08:00:00Z", "action": "list"},
        # older events: the XMR delistings, and long-standing perpetuals
        {"id": "monero", "venue": "binance", "market": "spot", "pair": "XMRUSDT", "listed_at": "2024-02-20T03:00:00Z", "action": "delist"},
        {"id": "monero", "venue": "kraken", "market": "spot", "pair": "XMR/EUR", "listed_at": "2024-10-31T12:00:00Z", "action": "delist"},
        {"id": "zcash", "venue": "binance", "market": "perp", "pair": "ZECUSDT", "listed_at": "2020-02-05T08:00:00Z", "action": "list"},
        {"id": "zcash", "venue": "okx", "market": "perp", "pair": "ZEC-USDT-SWAP", "listed_at": "2020-03-10T08:00:00Z", "action": "list"},
        {"id": "zcash", "venue": "bitget", "market": "perp", "pair": "ZECUSDT", "listed_at": "2025-10-20T10:00:00Z", "action": "list"},
        {"id": "zksync", "venue": "binance", "market": "perp", "pair": "ZKUSDT", "listed_at": "2024-06-17T10:15:00Z", "action": "list"},
        {"id": "dash", "venue": "bybit", "market": "perp", "pair": "DASHUSDT", "listed_at": "2023-03-02T08:00:00Z", "action": "list"},
    ]

    metrics = []
    # ZEC shielded supply: 4.0M → 4.9M coins over the 40 days to Nov 7 (article)
    first = END - timedelta(days=40)
    for d in DAYS:
        if d >= first:
            t = (d - first).days / 40
            metrics.append({"id": "zcash", "date": d.isoformat(), "name": "shielded_supply", "value": round(4.0e6 + 0.9e6 * t)})
    # daily transactions: ZEC ~10,000 (Oct 1) → 12,600 (Nov 7); DASH 1,300 → 1,500; ROSE 3,300 → 10,000
    for aid, a, b in (("zcash", 10000, 12600), ("dash", 1300, 1500), ("oasis-network", 3300, 10000)):
        d0 = D("2025-10-01")
        for d in DAYS:
            if d >= d0:
                t = (d - d0).days / (END - d0).days
                metrics.append({"id": aid, "date": d.isoformat(), "name": "daily_txs", "value": round(a + (b - a) * t)})

    as_of = "2025-11-07T00:00:00Z"
    snapshot = {"schema": "privscreen.snapshot/1", "as_of": as_of, "category": "privacy-coins",
                "assets": assets, "prices": prices, "open_interest": oi, "listings": listings,
                "metrics": metrics,
                "sources": [{"name": "example", "fetched_at": as_of, "status": "ok"}]}
    with open(os.path.join(HERE, "privacy-2025-11-07.json"), "w") as f:
        json.dump(snapshot, f, indent=1)
        f.write("\n")

    out = os.path.join(HERE, "privacy-2025-11-07")
    os.makedirs(out, exist_ok=True)
    tables = {
        "assets": (assets, ["id", "symbol", "name", "price_usd", "market_cap_usd", "fdv_usd", "volume_24h_usd",
                            "change_24h_pct", "change_7d_pct", "change_30d_pct", "circulating_supply", "max_supply"]),
        "prices": (prices, ["id", "date", "close_usd", "volume_usd"]),
        "open_interest": (oi, ["id", "venue", "date", "oi_usd"]),
        "listings": (listings, ["id", "venue", "market", "pair", "listed_at", "action"]),
        "metrics": (metrics, ["id", "date", "name", "value"]),
    }
    for name, (rows, cols) in tables.items():
        with open(os.path.join(out, name + ".csv"), "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(cols)
            for r in rows:
                w.writerow(["" if r.get(c) is None else fmt(r.get(c)) for c in cols])
    with open(os.path.join(out, "snapshot.json"), "w") as f:
        json.dump({"as_of": as_of, "category": "privacy-coins"}, f, indent=1)
        f.write("\n")

    xmr = next(a for a in assets if a["id"] == "monero")
    print("XMR 7d gain (solved for the sector target):", xmr["change_7d_pct"])


def fmt(v):
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    return str(v)


if __name__ == "__main__":
    main()
