package dev.privscreen.screen;

import dev.privscreen.rule.Rule;
import java.time.Instant;
import java.util.List;

/**
 * A finished screen: what was asked, and the ranked results.
 *
 * @param screened how many assets were evaluated
 * @param passed how many passed, before {@code --top}
 */
public record ScreenResult(
    Instant asOf,
    String category,
    List<Rule> rules,
    Match match,
    ResultFields fields,
    List<ResultRow> results,
    int screened,
    int passed) {}
