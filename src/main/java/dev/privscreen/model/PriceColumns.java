package dev.privscreen.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The {@code prices} table in columns: one primitive array per column and a null as NaN, so a year
 * of a whole market costs 24 bytes a row rather than a record, a date and two boxed numbers. Rows
 * are grouped by asset (in order of first appearance) and sorted by day within an asset, which is
 * what every look-up of SPEC §3 wants. Read as a {@code List<PricePoint>}, rows are made on demand.
 */
public final class PriceColumns extends GroupedColumns<PricePoint> {
  private final int[] code;
  private final int[] day;
  private final double[] close;
  private final double[] volume;

  private PriceColumns(
      StringPool ids,
      int[] start,
      int size,
      int[] code,
      int[] day,
      double[] close,
      double[] volume) {
    super(ids, start, size);
    this.code = code;
    this.day = day;
    this.close = close;
    this.volume = volume;
  }

  /** The rows as columns: the list itself when it is columns already. */
  public static PriceColumns copyOf(List<PricePoint> rows) {
    if (rows instanceof PriceColumns p) {
      return p;
    }
    Builder b = new Builder();
    for (PricePoint p : rows) {
      b.add(
          b.idCode(p.id()),
          Math.toIntExact(p.date().toEpochDay()),
          orNaN(p.closeUsd()),
          orNaN(p.volumeUsd()));
    }
    return b.build(null);
  }

  @Override
  public PricePoint get(int row) {
    Objects.checkIndex(row, size());
    return new PricePoint(
        id(code[row]), LocalDate.ofEpochDay(day[row]), orNull(close[row]), orNull(volume[row]));
  }

  /**
   * The row of the id with this code on this epoch day, or -1. Where a history holds the day twice
   * (only a merge of fetched data can), the later row wins.
   */
  public int find(int code, int epochDay) {
    int lo = from(code);
    int hi = to(code) - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (day[mid] <= epochDay) {
        if (day[mid] == epochDay) {
          found = mid;
        }
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  public int day(int row) {
    return day[row];
  }

  /** The close, NaN for null. */
  public double close(int row) {
    return close[row];
  }

  /** The volume, NaN for null. */
  public double volume(int row) {
    return volume[row];
  }

  static double orNaN(Double v) {
    return v == null ? Double.NaN : v;
  }

  static Double orNull(double v) {
    return Double.isNaN(v) ? null : v;
  }

  /** Collects rows in any order; {@link #build} groups and sorts them. */
  public static final class Builder {
    private static final int CODE = 0;
    private static final int DAY = 1;
    private static final int CLOSE = 0;
    private static final int VOLUME = 1;

    private final StringPool ids = new StringPool();
    private final RowBuffer rows;

    public Builder() {
      this(256);
    }

    public Builder(int capacity) {
      rows = new RowBuffer(2, 2, capacity);
    }

    /** Adds the rows of {@code other}, in their order. */
    public void append(Builder other) {
      int[] codes = new int[other.ids.size()];
      for (int c = 0; c < codes.length; c++) {
        codes[c] = idCode(other.ids.text(c));
      }
      rows.append(other.rows, new int[][] {codes, null});
    }

    public int idCode(CharSequence id) {
      return ids.code(id);
    }

    /** Adds a row; NaN stands for null. */
    public void add(int idCode, int epochDay, double closeUsd, double volumeUsd) {
      int r = rows.next();
      rows.ints[CODE][r] = idCode;
      rows.ints[DAY][r] = epochDay;
      rows.doubles[CLOSE][r] = closeUsd;
      rows.doubles[VOLUME][r] = volumeUsd;
    }

    /** Room for about {@code n} rows, made at once: no growing in steps, each a copy. */
    public void expect(int n) {
      rows.ensure(n);
    }

    public int size() {
      return rows.size();
    }

    /** The id of the row added as the {@code row}-th, for messages. */
    public String id(int row) {
      return ids.text(rows.ints[CODE][row]);
    }

    public int day(int row) {
      return rows.ints[DAY][row];
    }

    /**
     * The columns, grouped and sorted. With {@code duplicates} given, two rows of one id and day
     * are reported to it (which may throw); without, both are kept. The builder is spent: the
     * columns may keep its arrays.
     */
    public PriceColumns build(DuplicateRows duplicates) {
      int[] code = rows.ints[CODE];
      int[] d = rows.ints[DAY];
      RowOrder.RowComparator within = (a, b) -> Integer.compare(d[a], d[b]);
      RowOrder order = RowOrder.of(code, rows.size(), ids.size(), within);
      if (duplicates != null) {
        double[] c = rows.doubles[CLOSE];
        double[] v = rows.doubles[VOLUME];
        order =
            order.withoutRepeats(
                code, within, (a, b) -> same(c[a], c[b]) && same(v[a], v[b]) ? 0 : 1, duplicates);
      }
      RowBuffer sorted = rows.inOrder(order);
      return withRepeats(
          order.dropped,
          new PriceColumns(
              ids,
              order.start,
              sorted.size(),
              sorted.ints[CODE],
              sorted.ints[DAY],
              sorted.doubles[CLOSE],
              sorted.doubles[VOLUME]));
    }
  }
}
