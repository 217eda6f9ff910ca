package dev.privscreen.screen;

import dev.privscreen.fields.ResultRow;
import dev.privscreen.metrics.MetricsSpec;
import dev.privscreen.metrics.SnapshotIndex;
import dev.privscreen.metrics.Timeline;
import dev.privscreen.model.Window;
import dev.privscreen.rule.Rule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code privscreen replay}: the same screen as of every day of a range, each day evaluated as
 * {@code --as-of} would (SPEC §3), with the number of assets each rule could not judge that day,
 * and with {@code --forward} what the results did next. Days are handed on as they are computed, so
 * a long replay holds one day at a time.
 */
public final class Replay {
  private Replay() {}

  /**
   * One day of a replay.
   *
   * @param unknown rule id → how many assets lacked the data the rule needs (only rules with any)
   */
  public record Day(LocalDate date, ScreenResult result, Map<String, Integer> unknown) {}

  /**
   * What to replay.
   *
   * @param forward the windows of fwd_Nd_pct
   * @param entries keep only the first day of each run of passing days
   */
  public record Request(
      ScreenRequest screen, LocalDate start, LocalDate end, List<Window> forward, boolean entries) {
    public Request {
      forward = List.copyOf(new java.util.TreeSet<>(forward));
    }
  }

  /**
   * The summary of one forward window over the results printed.
   *
   * @param hitRate the share of {@code withData} above 0 (null when none has data)
   * @param universeMeanPct the mean over those results of u(d), the mean forward return of every
   *     asset with one on the result's day
   */
  public record Forward(
      Window window,
      int results,
      int withData,
      Double hitRate,
      Double meanPct,
      Double medianPct,
      Double universeMeanPct,
      Double excessMeanPct) {}

  /** The days' results, then the summaries of the forward windows. */
  public interface Sink {
    void day(Day d);

    default void forward(List<Forward> summary) {}
  }

  /** The figures a replay computes: those of its rules, and its forward windows. */
  public static MetricsSpec spec(ScreenRequest screen, List<Window> forward) {
    return screen.metricsSpec().withForward(forward);
  }

  /**
   * A replay made ready: its span checked against the snapshot, its request prepared once for both
   * its fields and its run.
   *
   * @throws IllegalArgumentException for an empty or out-of-range span, or a request that does not
   *     fit the snapshot
   */
  public static Plan plan(SnapshotIndex index, Request r) {
    LocalDate last = Screener.today(index, null);
    if (r.end().isBefore(r.start())) {
      throw new IllegalArgumentException("--end " + r.end() + " is before --start " + r.start());
    }
    if (r.end().isAfter(last)) {
      throw new IllegalArgumentException(
          "--end: " + r.end() + " is after the snapshot's as-of day " + last);
    }
    return new Plan(
        index, r, Screener.prepare(index, r.screen(), spec(r.screen(), r.forward()), true));
  }

  /** See {@link #plan}. */
  public static final class Plan {
    /** The days of a replay laid out at once (as many again, at most, are read to look back). */
    static final int PIECE_DAYS = 60;

    private final SnapshotIndex index;
    private final Request r;
    private final Screener.Prepared p;

    private Plan(SnapshotIndex index, Request r, Screener.Prepared p) {
      this.index = index;
      this.r = r;
      this.p = p;
    }

    /** The result fields (date first; fwd_Nd_pct for each window), for output set up before. */
    public dev.privscreen.fields.ResultFields fields() {
      return p.fields();
    }

    /**
     * Runs the replay, handing each day to {@code sink} as soon as it is computed. The days are
     * laid out {@link #PIECE_DAYS} at a time, each piece a timeline of its own: a long replay holds
     * the series of one piece, not of the whole range (its memory was a third more for every 90
     * days of a whole market, issue 22).
     */
    public void run(Sink sink) {
      // with --entries the day before --start is evaluated too, the same way
      LocalDate first = r.start().minusDays(r.entries() ? 1 : 0);
      boolean[] keep = null;
      Summary summary = new Summary(r.forward());
      for (LocalDate from = first; !from.isAfter(r.end()); from = from.plusDays(PIECE_DAYS)) {
        LocalDate last = from.plusDays(PIECE_DAYS - 1);
        Timeline t =
            new Timeline(index, p.spec(), from, last.isAfter(r.end()) ? r.end() : last, first);
        int lead = 0;
        if (r.entries() && keep == null) { // the day before --start: what tomorrow is an entry of
          keep = new boolean[t.assetCount()];
          for (int i = 0; i < keep.length; i++) {
            keep[i] = !p.passes(t, i, 0);
          }
          lead = 1;
        }
        Days days = new Days(index, p, t, keep, lead);
        try {
          runDays(days, t, lead, summary, sink);
        } finally {
          days.close(); // also when the sink stops it (a reader that left)
        }
      }
      if (!r.forward().isEmpty()) {
        sink.forward(summary.finish());
      }
    }

    private void runDays(Days days, Timeline t, int lead, Summary summary, Sink sink) {
      for (int k = lead; k < t.days(); k++) {
        ScreenResult result = days.result(k);
        Map<String, Integer> unknown = new LinkedHashMap<>();
        for (Rule rule : r.screen().rules()) { // in the rules' order, for stable output
          Integer n = result.unknown().get(rule.id());
          if (n != null) {
            unknown.put(rule.id(), n);
          }
        }
        summary.add(t, k, result.results());
        sink.day(new Day(t.day(k), result, unknown));
      }
    }
  }

  /**
   * The days' screens, in order. Without {@code --entries} a day depends on no other, so they are
   * computed a few ahead on all cores (each thread with a cursor of its own) while the caller
   * prints the earlier ones; with it, one after the other.
   */
  private static final class Days {
    private static final int AHEAD = 8;

    final SnapshotIndex index;
    final Screener.Prepared p;
    final Timeline t;
    final boolean[] keep;
    final java.util.concurrent.ExecutorService pool;
    final Map<Integer, java.util.concurrent.Future<ScreenResult>> pending =
        new java.util.HashMap<>();
    final ThreadLocal<Timeline.Cursor> cursors;
    int next;

    Days(SnapshotIndex index, Screener.Prepared p, Timeline t, boolean[] keep, int lead) {
      this.index = index;
      this.p = p;
      this.t = t;
      this.keep = keep;
      int cores = Runtime.getRuntime().availableProcessors();
      boolean parallel = keep == null && cores > 1 && t.days() - lead > 2;
      this.pool =
          parallel
              ? java.util.concurrent.Executors.newFixedThreadPool(
                  cores,
                  run -> {
                    Thread th = new Thread(run, "privscreen-replay");
                    th.setDaemon(true);
                    return th;
                  })
              : null;
      this.cursors = ThreadLocal.withInitial(t::cursor);
      this.next = lead;
    }

    ScreenResult result(int k) {
      if (pool == null) {
        return p.day(t, k, Screener.asOfInstant(index, t.day(k)), keep);
      }
      while (next < t.days() && next < k + AHEAD) {
        int day = next++;
        pending.put(
            day,
            pool.submit(
                () -> p.day(t, cursors.get(), day, Screener.asOfInstant(index, t.day(day)), null)));
      }
      try {
        return pending.remove(k).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(e.getCause());
      }
    }

    void close() {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /** Sums kept as the days go by: the forward returns of the printed results, and u(d). */
  private static final class Summary {
    final List<Window> windows;
    final int[] results;
    final double[][] values; // per window, the results' forward returns with data
    final int[] withData;
    final double[] universeSum;
    final int[] universeCount;

    Summary(List<Window> windows) {
      this.windows = windows;
      results = new int[windows.size()];
      values = new double[windows.size()][64];
      withData = new int[windows.size()];
      universeSum = new double[windows.size()];
      universeCount = new int[windows.size()];
    }

    void add(Timeline t, int k, List<ResultRow> rows) {
      if (rows.isEmpty()) {
        return;
      }
      for (int w = 0; w < windows.size(); w++) {
        Window win = windows.get(w);
        Double u = t.universeForward(win, k);
        for (ResultRow row : rows) {
          results[w]++;
          Double f = row.metrics().forward(win);
          if (f != null) {
            if (withData[w] == values[w].length) {
              values[w] = Arrays.copyOf(values[w], withData[w] * 2);
            }
            values[w][withData[w]++] = f;
            if (u != null) {
              universeSum[w] += u;
              universeCount[w]++;
            }
          }
        }
      }
    }

    List<Forward> finish() {
      List<Forward> out = new ArrayList<>();
      for (int w = 0; w < windows.size(); w++) {
        int m = withData[w];
        double[] v = Arrays.copyOf(values[w], m);
        Double hit = null;
        Double mean = null;
        Double median = null;
        if (m > 0) {
          int up = 0;
          double sum = 0;
          for (double x : v) {
            up += x > 0 ? 1 : 0;
            sum += x;
          }
          hit = (double) up / m;
          mean = sum / m;
          Arrays.sort(v);
          median = m % 2 == 1 ? v[m / 2] : (v[m / 2 - 1] + v[m / 2]) / 2;
        }
        Double universe = universeCount[w] == 0 ? null : universeSum[w] / universeCount[w];
        Double excess = mean == null || universe == null ? null : mean - universe;
        out.add(new Forward(windows.get(w), results[w], m, hit, mean, median, universe, excess));
      }
      return out;
    }
  }
}
