package dev.privscreen.screen;

import dev.privscreen.fields.ResultFields;
import dev.privscreen.fields.ResultRow;
import dev.privscreen.rule.Rule;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A finished screen: what was asked, and the ranked results.
 *
 * @param rejected with {@code --explain all}, the assets that did not pass; else empty
 * @param screened how many assets were evaluated
 * @param passed how many passed, before {@code --top}
 * @param unknown rule id → how many assets lacked the data the rule needs (rules with any)
 */
public record ScreenResult(
    Instant asOf,
    String category,
    List<Rule> rules,
    Match match,
    Explain explain,
    ResultFields fields,
    List<ResultRow> results,
    List<ResultRow> rejected,
    int screened,
    int passed,
    Map<String, Integer> unknown) {

  /**
   * How old the open interest of the results is: the oldest {@code oi_as_of} among them (SPEC §3),
   * or null when none has OI.
   */
  public Instant oiAsOf() {
    Instant oldest = null;
    for (ResultRow r : results) {
      Instant t = r.metrics().oiAsOf();
      if (t != null && (oldest == null || t.isBefore(oldest))) {
        oldest = t;
      }
    }
    return oldest;
  }

  /** The results, then (with {@code --explain all}) the rejected assets. */
  public List<ResultRow> allRows() {
    if (rejected.isEmpty()) {
      return results;
    }
    List<ResultRow> all = new java.util.ArrayList<>(results);
    all.addAll(rejected);
    return all;
  }
}
