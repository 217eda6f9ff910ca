package dev.privscreen.screen;

import dev.privscreen.fields.ResultField;
import dev.privscreen.fields.ResultFields;
import dev.privscreen.fields.ResultRow;
import java.util.Comparator;
import java.util.List;

/**
 * Orders results by sort keys; nulls last in either direction (SPEC §3), then symbol and id so that
 * equal rows always come out in the same order.
 */
final class Ranking {
  private Ranking() {}

  /**
   * @throws IllegalArgumentException for a field that does not exist or cannot be sorted
   */
  static Comparator<ResultRow> comparator(List<SortKey> keys, ResultFields fields) {
    Comparator<ResultRow> c = (a, b) -> 0;
    for (SortKey k : keys) {
      ResultField f = fields.select(List.of(k.field()), "--sort").get(0);
      if (!f.kind().sortable()) {
        throw new IllegalArgumentException(
            "--sort: " + f.name() + " holds several values and cannot be sorted");
      }
      boolean desc = k.descending() != null ? k.descending() : f.kind().numeric();
      c = c.thenComparing(byField(f, desc));
    }
    ResultField symbol = fields.get("symbol");
    ResultField id = fields.get("id");
    return c.thenComparing(byField(symbol, false)).thenComparing(byField(id, false));
  }

  private static Comparator<ResultRow> byField(ResultField f, boolean desc) {
    return (a, b) -> {
      Object x = f.get(a);
      Object y = f.get(b);
      if (x == null || y == null) {
        return x == null ? (y == null ? 0 : 1) : -1;
      }
      int cmp =
          x instanceof Number nx
              ? Double.compare(nx.doubleValue(), ((Number) y).doubleValue())
              : x.toString().compareTo(y.toString());
      return desc ? -cmp : cmp;
    };
  }
}
