package dev.privscreen.screen;

import dev.privscreen.fields.ResultFields;
import dev.privscreen.fields.ResultRow;
import dev.privscreen.metrics.AssetMetrics;
import dev.privscreen.metrics.MetricsSpec;
import dev.privscreen.metrics.SnapshotIndex;
import dev.privscreen.metrics.Timeline;
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
    Prepared p = prepare(index, req, req.metricsSpec(), false);
    Timeline t = new Timeline(index, p.spec(), today, today);
    return p.day(t, 0, asOfInstant(index, today), null);
  }

  /**
   * A request made ready to run on the days of a {@link Timeline}: fields built, rules bound, the
   * ranking settled.
   */
  record Prepared(
      SnapshotIndex index,
      ScreenRequest req,
      MetricsSpec spec,
      ResultFields fields,
      Comparator<ResultRow> order,
      Rule[] rules,
      String[] ids) {

    /** Whether asset {@code i} passes on day {@code k}, without keeping anything. */
    boolean passes(Timeline t, int i, int k) {
      AssetMetrics m = t.at(i, k);
      int fired = 0;
      for (Rule r : rules) {
        if (r.fires(m)) {
          fired++;
        }
      }
      return Screener.passes(req, fired);
    }

    /**
     * The screen of day {@code k}: the metrics of every asset read through the timeline's reused
     * view, an object made only for a row that is kept.
     *
     * @param keep null, or for each asset whether a passing row is kept (replay --entries); it is
     *     updated to whether the asset passed today
     */
    ScreenResult day(Timeline t, int k, Instant asOf, boolean[] keep) {
      return day(t, t.cursor(), k, asOf, keep);
    }

    /** {@link #day} through a cursor of the caller's (one per thread). */
    ScreenResult day(Timeline t, Timeline.Cursor cursor, int k, Instant asOf, boolean[] keep) {
      List<ResultRow> passed = new ArrayList<>();
      List<ResultRow> rejected = new ArrayList<>();
      int[] unknownCounts = new int[rules.length];
      int passing = 0;
      List<String> signals = new ArrayList<>(rules.length); // reused: copied only for a kept row
      boolean explain = req.explain() != Explain.none;
      for (int i = 0; i < t.assetCount(); i++) {
        AssetMetrics m = cursor.at(i, k);
        signals.clear();
        Map<String, String> reasons = explain ? new LinkedHashMap<>() : Map.of();
        for (int j = 0; j < rules.length; j++) {
          Rule r = rules[j];
          if (r.fires(m)) {
            signals.add(ids[j]);
          } else if (!r.knows(m)) {
            unknownCounts[j]++;
          }
          if (explain) {
            reasons.put(ids[j], r.reason(m));
          }
        }
        boolean ok = Screener.passes(req, signals.size());
        boolean kept = ok && (keep == null || keep[i]);
        if (keep != null) {
          keep[i] = !ok; // tomorrow a pass is an entry only if today was not one
        }
        if (ok) {
          passing++;
        }
        if (kept) {
          passed.add(new ResultRow(0, m.copy(), List.copyOf(signals), true, reasons));
        } else if (!ok && req.explain() == Explain.all) {
          rejected.add(new ResultRow(0, m.copy(), List.copyOf(signals), false, reasons));
        }
      }
      Map<String, Integer> unknown = new LinkedHashMap<>();
      for (int j = 0; j < ids.length; j++) {
        if (unknownCounts[j] > 0) {
          unknown.merge(ids[j], unknownCounts[j], Integer::sum);
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
          asOf,
          index.snapshot().category(),
          req.rules(),
          req.match(),
          req.explain(),
          fields,
          List.copyOf(ranked),
          List.copyOf(rejected),
          t.assetCount(),
          keep == null ? passing : passed.size(),
          Map.copyOf(unknown));
    }
  }

  /**
   * @param replay the fields of a replay ({@code date} first)
   * @throws IllegalArgumentException for an unknown sort or --where field
   */
  static Prepared prepare(
      SnapshotIndex index, ScreenRequest req, MetricsSpec spec, boolean replay) {
    ResultFields fields =
        new ResultFields(spec, index.metricNames(), req.explain() != Explain.none, replay);
    Comparator<ResultRow> order = Ranking.comparator(req.sort(), fields);
    // arrays, and the ids computed once: a replay asks each rule of every asset on every day
    // (10,000 × 90 at the benchmark's size), where a list's iterator and an id built each time
    // were a tenth of its time (issue 22)
    Rule[] rules = new Rule[req.rules().size()];
    String[] ids = new String[rules.length];
    for (int j = 0; j < rules.length; j++) {
      rules[j] = req.rules().get(j).bind(fields);
      ids[j] = rules[j].id();
    }
    return new Prepared(index, req, spec, fields, order, rules, ids);
  }

  private static boolean passes(ScreenRequest req, int fired) {
    if (req.rules().isEmpty()) {
      return true;
    }
    return req.match() == Match.all ? fired == req.rules().size() : fired > 0;
  }
}
