package dev.privscreen.model;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The {@code open_interest} table in columns, as {@link PriceColumns} keeps prices: grouped by
 * asset, then sorted by day and venue; a null as NaN. Read as a {@code List<OiPoint>}, rows are
 * made on demand.
 */
public final class OiColumns extends AbstractList<OiPoint> implements RandomAccess {
  private final StringPool ids;
  private final StringPool venues;
  private final int[] start;
  private final int[] code;
  private final int[] venue;
  private final int[] day;
  private final double[] oi;

  private OiColumns(
      StringPool ids,
      StringPool venues,
      int[] start,
      int[] code,
      int[] venue,
      int[] day,
      double[] oi) {
    this.ids = ids;
    this.venues = venues;
    this.start = start;
    this.code = code;
    this.venue = venue;
    this.day = day;
    this.oi = oi;
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
          PriceColumns.orNaN(p.oiUsd()));
    }
    return b.build(null);
  }

  @Override
  public int size() {
    return day.length;
  }

  @Override
  public OiPoint get(int row) {
    return new OiPoint(
        ids.text(code[row]),
        venues.text(venue[row]),
        LocalDate.ofEpochDay(day[row]),
        PriceColumns.orNull(oi[row]));
  }

  /** How many distinct ids the rows have; codes are 0 to this − 1. */
  public int idCount() {
    return start.length - 1;
  }

  public String id(int code) {
    return ids.text(code);
  }

  /** Rows of the id with this code: {@code from(code)} to {@code to(code) - 1}, by day. */
  public int from(int code) {
    return start[code];
  }

  public int to(int code) {
    return start[code + 1];
  }

  public int day(int row) {
    return day[row];
  }

  /** The open interest in USD, NaN for null. */
  public double oiUsd(int row) {
    return oi[row];
  }

  /** Collects rows in any order; {@link #build} groups and sorts them. */
  public static final class Builder {
    private final StringPool ids = new StringPool();
    private final StringPool venues = new StringPool();
    private int[] code = new int[256];
    private int[] venue = new int[256];
    private int[] day = new int[256];
    private double[] oi = new double[256];
    private int n;

    public int idCode(CharSequence id) {
      return ids.code(id);
    }

    public int venueCode(CharSequence venue) {
      return venues.code(venue);
    }

    /** Adds a row; NaN stands for null. */
    public void add(int idCode, int venueCode, int epochDay, double oiUsd) {
      if (n == day.length) {
        int cap = n + (n >> 1);
        code = Arrays.copyOf(code, cap);
        venue = Arrays.copyOf(venue, cap);
        day = Arrays.copyOf(day, cap);
        oi = Arrays.copyOf(oi, cap);
      }
      code[n] = idCode;
      venue[n] = venueCode;
      day[n] = epochDay;
      oi[n] = oiUsd;
      n++;
    }

    public int size() {
      return n;
    }

    /** The id of the row added as the {@code row}-th, for messages. */
    public String id(int row) {
      return ids.text(code[row]);
    }

    public String venue(int row) {
      return venues.text(venue[row]);
    }

    public int day(int row) {
      return day[row];
    }

    /**
     * The columns, grouped and sorted. With {@code duplicates} given, two rows of one id, venue and
     * day are reported to it (which may throw); without, both are kept.
     */
    public OiColumns build(DuplicateRows duplicates) {
      int[] d = day;
      int[] v = venue;
      RowOrder.RowComparator within =
          (a, b) -> d[a] != d[b] ? Integer.compare(d[a], d[b]) : Integer.compare(v[a], v[b]);
      RowOrder order = RowOrder.of(code, n, ids.size(), within);
      int[] rows = order.rows;
      if (duplicates != null) {
        order.reportRepeats(code, within, duplicates);
      }
      int[] c2 = new int[n];
      int[] v2 = new int[n];
      int[] d2 = new int[n];
      double[] o2 = new double[n];
      for (int k = 0; k < n; k++) {
        int r = rows[k];
        c2[k] = code[r];
        v2[k] = v[r];
        d2[k] = d[r];
        o2[k] = oi[r];
      }
      return new OiColumns(ids, venues, order.start, c2, v2, d2, o2);
    }
  }
}
