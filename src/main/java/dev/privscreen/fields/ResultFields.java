package dev.privscreen.fields;

import dev.privscreen.format.Kind;
import dev.privscreen.metrics.MetricsSpec;
import dev.privscreen.model.MetricPoint;
import dev.privscreen.model.Window;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ordered catalogue of result fields for one screen: SPEC §4's fixed fields, a {@code
 * gain_Nd_pct} for each extra window a rule asked for, and {@code m_<name>} with its changes {@code
 * m_<name>_chg_7d_pct} and {@code _30d_pct} for each metric.
 */
public final class ResultFields {
  private final Map<String, ResultField> byName = new LinkedHashMap<>();

  public ResultFields(MetricsSpec spec, Collection<String> metricNames) {
    this(spec, metricNames, false);
  }

  /**
   * @param explain add {@code passed} and {@code reasons} (for {@code --explain})
   */
  public ResultFields(MetricsSpec spec, Collection<String> metricNames, boolean explain) {
    this(spec, metricNames, explain, false);
  }

  /**
   * @param replay a replay's fields: {@code date} (the day of the result) first
   */
  public ResultFields(
      MetricsSpec spec, Collection<String> metricNames, boolean explain, boolean replay) {
    if (replay) {
      add("date", Kind.TEXT, r -> r.metrics().today().toString());
    }
    add("rank", Kind.INTEGER, r -> r.rank() == 0 ? null : r.rank());
    add("id", Kind.TEXT, r -> r.metrics().asset().id());
    add("symbol", Kind.TEXT, r -> r.metrics().asset().symbol());
    add("name", Kind.TEXT, r -> r.metrics().asset().name());
    add("price_usd", Kind.USD, r -> r.metrics().priceUsd());
    add("market_cap_usd", Kind.USD, r -> r.metrics().marketCapUsd());
    add("fdv_usd", Kind.USD, r -> r.metrics().fdvUsd());
    add("volume_24h_usd", Kind.USD, r -> r.metrics().volume24hUsd());
    for (Window w : spec.gainWindows()) {
      add("gain_" + w.label() + "_pct", Kind.PERCENT, r -> r.metrics().gain(w));
    }
    add("volume_ratio_30d", Kind.RATIO, r -> r.metrics().volumeRatio30d());
    add("oi_usd", Kind.USD, r -> r.metrics().oiUsd());
    add("oi_as_of", Kind.TIME, r -> r.metrics().oiAsOf());
    add("oi_prev_high_usd", Kind.USD, r -> r.metrics().oiPrevHighUsd());
    for (Window w : spec.oiChangeWindows()) {
      add("oi_change_" + w.label() + "_pct", Kind.PERCENT, r -> r.metrics().oiChange(w));
    }
    for (Window w : spec.forwardWindows()) {
      add("fwd_" + w.days() + "d_pct", Kind.PERCENT, r -> r.metrics().forward(w));
    }
    add("funding_rate_pct", Kind.RATE_PERCENT, r -> r.metrics().fundingRatePct());
    add("funding_7d_pct", Kind.RATE_PERCENT, r -> r.metrics().funding7dPct());
    add("funding_by_venue", Kind.VENUE_RATES, r -> r.metrics().fundingByVenue());
    add(
        "long_short_ratio",
        Kind.RATIO,
        r -> r.metrics().metrics().get(MetricPoint.LONG_SHORT_RATIO));
    add("listings", Kind.LISTINGS, r -> r.metrics().listings());
    add("trend_30d", Kind.TEXT, r -> r.metrics().trend30d());
    add("oi_trend_30d", Kind.TEXT, r -> r.metrics().oiTrend30d());
    add("signals", Kind.IDS, ResultRow::signals);
    add("score", Kind.INTEGER, ResultRow::score);
    for (String m : metricNames) {
      if (m.equals(MetricPoint.LONG_SHORT_RATIO)) {
        continue; // a field of its own
      }
      add("m_" + m, Kind.NUMBER, r -> r.metrics().metrics().get(m));
      for (int days : dev.privscreen.metrics.AssetMetrics.METRIC_CHANGE_DAYS) {
        add(
            "m_" + m + "_chg_" + days + "d_pct",
            Kind.PERCENT,
            r -> r.metrics().metricChange(m, days));
      }
    }
    if (metricNames.stream().anyMatch(MetricPoint::lagging)) {
      add("metrics_as_of", Kind.NAMED_DAYS, r -> r.metrics().metricDays());
    }
    if (explain) {
      add("passed", Kind.BOOLEAN, ResultRow::passed);
      add("reasons", Kind.REASONS, ResultRow::reasons);
    }
  }

  private void add(String name, Kind kind, java.util.function.Function<ResultRow, Object> get) {
    byName.put(name, new ResultField(name, kind, get));
  }

  public List<ResultField> all() {
    return List.copyOf(byName.values());
  }

  /** Fields printed only when asked for by name: drawings, not data. */
  public static final java.util.Set<String> ON_REQUEST =
      java.util.Set.of("trend_30d", "oi_trend_30d");

  /** Every field but those printed only on request: what JSON, NDJSON and CSV print by default. */
  public List<ResultField> defaults() {
    List<ResultField> out = new ArrayList<>();
    for (ResultField f : byName.values()) {
      if (!ON_REQUEST.contains(f.name())) {
        out.add(f);
      }
    }
    return out;
  }

  /** A field by name, in any case (field names are case-insensitive); null when there is none. */
  public ResultField get(String name) {
    ResultField f = byName.get(name);
    if (f == null) {
      for (ResultField g : byName.values()) {
        if (g.name().equalsIgnoreCase(name)) {
          return g;
        }
      }
    }
    return f;
  }

  /**
   * The named fields, in the order given.
   *
   * @throws IllegalArgumentException naming the unknown field and listing the valid ones
   */
  public List<ResultField> select(List<String> names, String flag) {
    List<ResultField> out = new ArrayList<>();
    for (String n : names) {
      ResultField f = get(n.strip());
      if (f == null) {
        throw new IllegalArgumentException(
            flag
                + ": unknown field '"
                + n.strip()
                + "' (valid: "
                + String.join(", ", byName.keySet())
                + ")");
      }
      out.add(f);
    }
    return out;
  }
}
