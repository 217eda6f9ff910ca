package dev.privscreen.screen;

import dev.privscreen.fields.ResultRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What entered, left and stayed in a screen between two snapshots: entered and stayed carry the new
 * screen's rows, left the old one's, each in its screen's ranking.
 */
public record ScreenDiff(
    ScreenResult oldResult,
    ScreenResult newResult,
    List<ResultRow> entered,
    List<ResultRow> left,
    List<ResultRow> stayed) {

  public static ScreenDiff of(ScreenResult old, ScreenResult now) {
    Set<String> before = ids(old.results());
    Set<String> after = ids(now.results());
    List<ResultRow> entered = new ArrayList<>();
    List<ResultRow> stayed = new ArrayList<>();
    for (ResultRow r : now.results()) {
      (before.contains(r.metrics().asset().id()) ? stayed : entered).add(r);
    }
    List<ResultRow> left = new ArrayList<>();
    for (ResultRow r : old.results()) {
      if (!after.contains(r.metrics().asset().id())) {
        left.add(r);
      }
    }
    return new ScreenDiff(old, now, List.copyOf(entered), List.copyOf(left), List.copyOf(stayed));
  }

  private static Set<String> ids(List<ResultRow> rows) {
    Set<String> s = new HashSet<>();
    rows.forEach(r -> s.add(r.metrics().asset().id()));
    return s;
  }
}
