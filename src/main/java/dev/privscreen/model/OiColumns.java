package dev.privscreen.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The {@code open_interest} table in columns, as {@link PriceColumns} keeps prices: grouped by
 * asset, then by venue (in order of first appearance), then sorted by day; a null as NaN. That is
 * the order venues report in, one series each, so a fetched or written history needs no sorting.
 * Read as a {@code List<OiPoint>}, rows are made on demand.
 */
public final class OiColumns extends GroupedColumns<OiPoint> {
  private final StringPool venues;
  private final int[] code;
  private final int[] venue;
  private final int[] day;
  private final double[] oi;

  /**
   * The reading's instant in epoch seconds, NaN for the day's 00:00 UTC; null when no row has one
   * (the usual history: 8 bytes a row saved).
   */
  private final double[] at;

  private OiColumns(
      StringPool ids,
      StringPool venues,
      int[] start,
      int size,
      int[] code,
      int[] venue,
      int[] day,
      double[] oi,
      double[] at) {
    super(ids, start, size);
    this.venues = venues;
    this.code = code;
    this.venue = venue;
    this.day = day;
    this.oi = oi;
    this.at = at;
  }

  /** The rows as columns: the list itself when it is columns already. */
  public static OiColumns copyOf(List<OiPoint> rows) {
    if (rows instanceof OiColumns o) {
      return o;
    }
    Builder b = new Builder();
    for (OiPoint p : rows) {
      b.add(
          b.idCode(p.id()),
          b.venueCode(p.venue()),
          Math.toIntExact(p.date().toEpochDay()),
          PriceColumns.orNaN(p.oiUsd()),
          p.at() == null ? Double.NaN : p.at().getEpochSecond());
    }
    return b.build(null);
  }

  @Override
  public OiPoint get(int row) {
    Objects.checkIndex(row, size());
    return new OiPoint(
        id(code[row]),
        venues.text(venue[row]),
        LocalDate.ofEpochDay(day[row]),
        PriceColumns.orNull(oi[row]),
        hasAt(row) ? java.time.Instant.ofEpochSecond((long) at[row]) : null);
  }

  public int day(int row) {
    return day[row];
  }

  /** The open interest in USD, NaN for null. */
  public double oiUsd(int row) {
    return oi[row];
  }

  /** Whether the row's reading is not of its day's 00:00 UTC (a current reading). */
  public boolean hasAt(int row) {
    return at != null && !Double.isNaN(at[row]);
  }

  /** The epoch second the row's value describes: its reading's, else its day's 00:00 UTC. */
  public long instant(int row) {
    return hasAt(row) ? (long) at[row] : day[row] * 86_400L;
  }

  /** Collects rows in any order; {@link #build} groups and sorts them. */
  public static final class Builder {
    private static final int CODE = 0;
    private static final int VENUE = 1;
    private static final int DAY = 2;
    private static final int OI = 0;

    private final StringPool ids = new StringPool();
    private final StringPool venues = new StringPool();
    private final RowBuffer rows;

    /** The few rows with an instant of their own (today's readings): row added → epoch second. */
    private int[] atRows = new int[0];

    private double[] atSeconds = new double[0];
    private int atCount;

    public Builder() {
      this(256);
    }

    public Builder(int capacity) {
      rows = new RowBuffer(3, 1, capacity);
    }

    /** Adds the rows of {@code other}, in their order. */
    public void append(Builder other) {
      int[] codes = new int[other.ids.size()];
      for (int c = 0; c < codes.length; c++) {
        codes[c] = idCode(other.ids.text(c));
      }
      int[] venueCodes = new int[other.venues.size()];
      for (int c = 0; c < venueCodes.length; c++) {
        venueCodes[c] = venueCode(other.venues.text(c));
      }
      int offset = rows.size();
      rows.append(other.rows, new int[][] {codes, venueCodes, null});
      for (int k = 0; k < other.atCount; k++) {
        keepAt(offset + other.atRows[k], other.atSeconds[k]);
      }
    }

    public int idCode(CharSequence id) {
      return ids.code(id);
    }

    public int venueCode(CharSequence venue) {
      return venues.code(venue);
    }

    /**
     * Adds a row; NaN stands for null.
     *
     * @param atSecond the reading's epoch second, NaN for the day's 00:00 UTC
     */
    public void add(int idCode, int venueCode, int epochDay, double oiUsd, double atSecond) {
      int r = rows.next();
      rows.ints[CODE][r] = idCode;
      rows.ints[VENUE][r] = venueCode;
      rows.ints[DAY][r] = epochDay;
      rows.doubles[OI][r] = oiUsd;
      if (!Double.isNaN(atSecond)) {
        keepAt(r, atSecond);
      }
    }

    private void keepAt(int row, double second) {
      if (atCount == atRows.length) {
        atRows = java.util.Arrays.copyOf(atRows, Math.max(8, atCount * 2));
        atSeconds = java.util.Arrays.copyOf(atSeconds, atRows.length);
      }
      atRows[atCount] = row;
      atSeconds[atCount++] = second;
    }

    /** The instants by row added, NaN for none; null when no row has one. */
    private double[] atByRow() {
      if (atCount == 0) {
        return null;
      }
      double[] all = new double[rows.size()];
      java.util.Arrays.fill(all, Double.NaN);
      for (int k = 0; k < atCount; k++) {
        all[atRows[k]] = atSeconds[k];
      }
      return all;
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

    public String venue(int row) {
      return venues.text(rows.ints[VENUE][row]);
    }

    public int day(int row) {
      return rows.ints[DAY][row];
    }

    /**
     * The columns, grouped and sorted. With {@code duplicates} given, two rows of one id, venue and
     * day are reported to it (which may throw); without, both are kept. The builder is spent: the
     * columns may keep its arrays.
     */
    public OiColumns build(DuplicateRows duplicates) {
      int[] code = rows.ints[CODE];
      int[] v = rows.ints[VENUE];
      int[] d = rows.ints[DAY];
      RowOrder.RowComparator within =
          (a, b) -> v[a] != v[b] ? Integer.compare(v[a], v[b]) : Integer.compare(d[a], d[b]);
      RowOrder order = RowOrder.of(code, rows.size(), ids.size(), within);
      double[] t = atByRow();
      if (duplicates != null) {
        double[] o = rows.doubles[OI];
        order =
            order.withoutRepeats(
                code,
                within,
                (a, b) -> same(o[a], o[b]) && (t == null || same(t[a], t[b])) ? 0 : 1,
                duplicates);
      }
      double[] at = t;
      if (t != null && !order.keepsOrder()) {
        at = new double[order.rows.length];
        for (int i = 0; i < at.length; i++) {
          at[i] = t[order.rows[i]];
        }
      }
      RowBuffer sorted = rows.inOrder(order);
      return withRepeats(
          order.dropped,
          new OiColumns(
              ids,
              venues,
              order.start,
              sorted.size(),
              sorted.ints[CODE],
              sorted.ints[VENUE],
              sorted.ints[DAY],
              sorted.doubles[OI],
              at));
    }
  }
}
