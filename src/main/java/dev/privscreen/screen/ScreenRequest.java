package dev.privscreen.screen;

import dev.privscreen.metrics.MetricsSpec;
import dev.privscreen.model.Window;
import dev.privscreen.rule.Rule;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What to screen: rules, how they combine, ranking and cut-off.
 *
 * @param asOf the day to evaluate, or null for the snapshot's own as-of
 * @param rules sorted into SPEC §1's order, so {@code signals} come out in that order
 * @param oiLookback L, the days before today over which {@code oi_prev_high_usd} is taken
 * @param sort empty for the default ranking (score desc, gain_7d_pct desc, symbol asc)
 * @param top null for all
 */
public record ScreenRequest(
    LocalDate asOf,
    List<Rule> rules,
    Match match,
    Window oiLookback,
    List<SortKey> sort,
    Integer top,
    Explain explain) {

  public static final List<SortKey> DEFAULT_SORT =
      List.of(
          new SortKey("score", true),
          new SortKey("gain_7d_pct", true),
          new SortKey("symbol", false));

  public ScreenRequest {
    // (not Comparator.comparingInt: a serializable lambda, which no AOT cache holds; issue 22)
    rules = rules.stream().sorted((a, b) -> Integer.compare(a.order(), b.order())).toList();
    for (int i = 0; i < rules.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (rules.get(i).id().equals(rules.get(j).id())) {
          throw new IllegalArgumentException(
              "rule " + rules.get(i).id() + " is given twice; give each window once");
        }
      }
    }
    sort = sort.isEmpty() ? DEFAULT_SORT : List.copyOf(sort);
    if (top != null && top < 1) {
      throw new IllegalArgumentException("--top: " + top + " must be 1 or more");
    }
  }

  /** A plain screen: these rules, default ranking, everything listed. */
  public static ScreenRequest of(LocalDate asOf, List<Rule> rules, Match match) {
    return new ScreenRequest(
        asOf, rules, match, MetricsSpec.DEFAULT_OI_LOOKBACK, List.of(), null, Explain.none);
  }

  /** The metrics the rules need: their windows and the OI look-back. */
  public MetricsSpec metricsSpec() {
    SortedSet<Window> gains = new TreeSet<>();
    SortedSet<Window> oiChanges = new TreeSet<>();
    for (Rule r : rules) {
      gains.addAll(r.gainWindows());
      oiChanges.addAll(r.oiChangeWindows());
    }
    return new MetricsSpec(gains, oiChanges, oiLookback);
  }
}
