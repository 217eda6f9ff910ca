package dev.privscreen.screen;

import dev.privscreen.metrics.AssetMetrics;
import dev.privscreen.metrics.MetricsCalculator;
import dev.privscreen.metrics.MetricsSpec;
import dev.privscreen.metrics.SnapshotIndex;
import dev.privscreen.model.Window;
import dev.privscreen.rule.MinGainRule;
import dev.privscreen.rule.Rule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** Metrics → rules → match → rank → top: the pure core of {@code screen}. */
public final class Screener {
  private Screener() {}

  /**
   * @throws IllegalArgumentException for a request that does not fit the snapshot (an as-of day
   *     after it, an unknown sort field)
   */
  public static ScreenResult screen(SnapshotIndex index, ScreenRequest req) {
    Instant snapshotAsOf = index.snapshot().asOf();
    LocalDate snapshotDay = snapshotAsOf.atOffset(ZoneOffset.UTC).toLocalDate();
    LocalDate today = req.asOf() == null ? snapshotDay : req.asOf();
    if (today.isAfter(snapshotDay)) {
      throw new IllegalArgumentException(
          "--as-of: " + today + " is after the snapshot's as-of day " + snapshotDay);
    }
    Instant asOf =
        today.equals(snapshotDay) ? snapshotAsOf : today.atStartOfDay(ZoneOffset.UTC).toInstant();

    MetricsSpec spec = specFor(req.rules());
    ResultFields fields = new ResultFields(spec, index.metricNames());
    Comparator<ResultRow> order = Ranking.comparator(req.sort(), fields);

    MetricsCalculator calc = new MetricsCalculator(index, spec);
    List<ResultRow> passed = new ArrayList<>();
    List<AssetMetrics> all = calc.computeAll(today);
    for (AssetMetrics m : all) {
      List<String> signals = new ArrayList<>();
      for (Rule r : req.rules()) {
        if (r.fires(m)) {
          signals.add(r.id());
        }
      }
      if (passes(req, signals.size())) {
        passed.add(new ResultRow(0, m, List.copyOf(signals)));
      }
    }
    passed.sort(order);
    int limit = req.top() == null ? passed.size() : Math.min(req.top(), passed.size());
    List<ResultRow> ranked = new ArrayList<>(limit);
    for (int i = 0; i < limit; i++) {
      ranked.add(passed.get(i).withRank(i + 1));
    }
    return new ScreenResult(
        asOf,
        index.snapshot().category(),
        req.rules(),
        req.match(),
        fields,
        List.copyOf(ranked),
        all.size(),
        passed.size());
  }

  private static boolean passes(ScreenRequest req, int fired) {
    if (req.rules().isEmpty()) {
      return true;
    }
    return req.match() == Match.all ? fired == req.rules().size() : fired > 0;
  }

  /** The windows the rules need computed besides the fixed ones. */
  static MetricsSpec specFor(List<Rule> rules) {
    SortedSet<Window> gains = new TreeSet<>();
    for (Rule r : rules) {
      if (r instanceof MinGainRule g) {
        gains.add(g.window());
      }
    }
    return new MetricsSpec(gains, new TreeSet<>(), MetricsSpec.DEFAULT_OI_LOOKBACK);
  }
}
