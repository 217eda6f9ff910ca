package dev.privscreen.screen;

import dev.privscreen.rule.Rule;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * What to screen: rules, how they combine, ranking and cut-off.
 *
 * @param asOf the day to evaluate, or null for the snapshot's own as-of
 * @param rules sorted into SPEC §1's order, so {@code signals} come out in that order
 * @param sort empty for the default ranking (score desc, gain_7d_pct desc, symbol asc)
 * @param top null for all
 */
public record ScreenRequest(
    LocalDate asOf, List<Rule> rules, Match match, List<SortKey> sort, Integer top) {

  public static final List<SortKey> DEFAULT_SORT =
      List.of(
          new SortKey("score", true),
          new SortKey("gain_7d_pct", true),
          new SortKey("symbol", false));

  public ScreenRequest {
    rules = rules.stream().sorted(Comparator.comparingInt(Rule::order)).toList();
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
}
