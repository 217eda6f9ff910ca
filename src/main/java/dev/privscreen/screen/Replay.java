package dev.privscreen.screen;

import dev.privscreen.metrics.SnapshotIndex;
import dev.privscreen.rule.Rule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code privscreen replay}: the same screen as of every day of a range, each day evaluated as
 * {@code --as-of} would (SPEC §3), with the number of assets each rule could not judge that day.
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
   * @throws IllegalArgumentException for an empty or out-of-range span
   */
  public static List<Day> run(
      SnapshotIndex index, ScreenRequest req, LocalDate start, LocalDate end) {
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("--end " + end + " is before --start " + start);
    }
    LocalDate last = Screener.today(index, null);
    if (end.isAfter(last)) {
      throw new IllegalArgumentException(
          "--end: " + end + " is after the snapshot's as-of day " + last);
    }
    List<Day> days = new ArrayList<>();
    for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
      ScreenRequest daily =
          new ScreenRequest(
              d, req.rules(), req.match(), req.oiLookback(), req.sort(), req.top(), req.explain());
      ScreenResult result = Screener.screen(index, daily);
      Map<String, Integer> unknown = new LinkedHashMap<>();
      for (Rule r : req.rules()) { // in the rules' order, for stable output
        Integer n = result.unknown().get(r.id());
        if (n != null) {
          unknown.put(r.id(), n);
        }
      }
      days.add(new Day(d, result, unknown));
    }
    return days;
  }
}
