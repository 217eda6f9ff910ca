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
    int n = keys.size() + 2;
    ResultField[] field = new ResultField[n];
    boolean[] desc = new boolean[n];
    for (int i = 0; i < keys.size(); i++) {
      SortKey k = keys.get(i);
      field[i] = fields.select(List.of(k.field()), "--sort").get(0);
      if (!field[i].kind().sortable()) {
        throw new IllegalArgumentException(
            "--sort: " + field[i].name() + " holds several values and cannot be sorted");
      }
      desc[i] = k.descending() != null ? k.descending() : field[i].kind().numeric();
    }
    field[n - 2] = fields.get("symbol");
    field[n - 1] = fields.get("id");
    // One lambda over the keys, not Comparator.thenComparing: the JDK's combinators are
    // serializable lambdas, which no AOT cache holds, so each was spun at every start (issue 22).
    return (a, b) -> {
      for (int i = 0; i < n; i++) {
        int c = compare(field[i], desc[i], a, b);
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
  }

  /** By one field; nulls last in either direction. */
  private static int compare(ResultField f, boolean desc, ResultRow a, ResultRow b) {
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
  }
}
