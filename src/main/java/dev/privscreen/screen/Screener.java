package dev.privscreen.screen;

import dev.privscreen.fields.ResultFields;
import dev.privscreen.fields.ResultRow;
import dev.privscreen.metrics.AssetMetrics;
import dev.privscreen.metrics.MetricsCalculator;
import dev.privscreen.metrics.MetricsSpec;
import dev.privscreen.metrics.SnapshotIndex;
import dev.privscreen.rule.Rule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Metrics → rules → match → rank → top: the pure core of {@code screen}. */
public final class Screener {
  private Screener() {}

  /** The UTC day a request is evaluated on, checked against the snapshot. */
  public static LocalDate today(SnapshotIndex index, LocalDate asOf) {
    LocalDate snapshotDay = index.snapshot().asOf().atOffset(ZoneOffset.UTC).toLocalDate();
    LocalDate today = asOf == null ? snapshotDay : asOf;
    if (today.isAfter(snapshotDay)) {
      throw new IllegalArgumentException(
          "--as-of: " + today + " is after the snapshot's as-of day " + snapshotDay);
    }
    return today;
  }

  /** The as-of instant of a result for {@code today}: the snapshot's own, or the day's start. */
  public static Instant asOfInstant(SnapshotIndex index, LocalDate today) {
    Instant own = index.snapshot().asOf();
    return own.atOffset(ZoneOffset.UTC).toLocalDate().equals(today)
        ? own
        : today.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /**
   * @throws IllegalArgumentException for a request that does not fit the snapshot (an as-of day
   *     after it, an unknown sort or --where field)
   */
  public static ScreenResult screen(SnapshotIndex index, ScreenRequest req) {
    LocalDate today = today(index, req.asOf());
    MetricsSpec spec = req.metricsSpec();
    ResultFields fields =
        new ResultFields(spec, index.metricNames(), req.explain() != Explain.none);
    Comparator<ResultRow> order = Ranking.comparator(req.sort(), fields);
    List<Rule> rules = new ArrayList<>();
    for (Rule r : req.rules()) {
      rules.add(r.bind(fields));
    }

    List<AssetMetrics> all = new MetricsCalculator(index, spec).computeAll(today);
    List<ResultRow> passed = new ArrayList<>();
    List<ResultRow> rejected = new ArrayList<>();
    Map<String, Integer> unknown = new LinkedHashMap<>();
    for (AssetMetrics m : all) {
      List<String> signals = new ArrayList<>();
      Map<String, String> reasons = new LinkedHashMap<>();
      for (Rule r : rules) {
        if (r.fires(m)) {
          signals.add(r.id());
        } else if (!r.knows(m)) {
          unknown.merge(r.id(), 1, Integer::sum);
        }
        if (req.explain() != Explain.none) {
          reasons.put(r.id(), r.reason(m));
        }
      }
      boolean ok = passes(req, signals.size());
      ResultRow row = new ResultRow(0, m, List.copyOf(signals), ok, reasons);
      if (ok) {
        passed.add(row);
      } else if (req.explain() == Explain.all) {
        rejected.add(row);
      }
    }
    passed.sort(order);
    rejected.sort(order);
    int limit = req.top() == null ? passed.size() : Math.min(req.top(), passed.size());
    List<ResultRow> ranked = new ArrayList<>(limit);
    for (int i = 0; i < limit; i++) {
      ranked.add(passed.get(i).withRank(i + 1));
    }
    return new ScreenResult(
        asOfInstant(index, today),
        index.snapshot().category(),
        req.rules(),
        req.match(),
        req.explain(),
        fields,
        List.copyOf(ranked),
        List.copyOf(rejected),
        all.size(),
        passed.size(),
        Map.copyOf(unknown));
  }

  private static boolean passes(ScreenRequest req, int fired) {
    if (req.rules().isEmpty()) {
      return true;
    }
    return req.match() == Match.all ? fired == req.rules().size() : fired > 0;
  }
}
