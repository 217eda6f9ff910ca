package dev.privscreen.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One fetch as the store's index names it: a line of {@code index.csv}. The line is written last,
 * after the facts and the record it points to are on disk, so a fetch exists once its line does.
 *
 * @param id the fetch's UTC time, {@code 20261120T010000Z} (with milliseconds when two share a
 *     second)
 * @param members how many assets the fetch screened
 * @param sources each source's status, {@code coingecko=ok binance=failed}
 * @param recordFile the record's file in the generation directory
 * @param recordOffset where its gzip member starts
 * @param recordBytes the member's length
 * @param factEnds how far each {@link FactTable} file reached once this fetch was written: the
 *     facts this fetch saw
 * @param addedBytes what the fetch added to the disk (facts, record and index line)
 * @param otherIds ids that are not members but whose rows the fetch's snapshot held (a hand-made
 *     snapshot, an API's row of an asset outside the category), space-separated; mostly empty
 */
public record FetchEntry(
    String id,
    Instant asOf,
    String category,
    int members,
    String sources,
    String recordFile,
    long recordOffset,
    long recordBytes,
    long[] factEnds,
    long addedBytes,
    String otherIds) {

  static final String HEADER =
      "fetch,as_of,category,members,sources,record_file,record_offset,record_bytes,"
          + "prices_bytes,open_interest_bytes,listings_bytes,metrics_bytes,funding_bytes,added_bytes,other_ids\n";

  /** The fetch's time, from its id. */
  public Instant fetchedAt() {
    return FetchIds.instant(id);
  }

  FetchEntry withAddedBytes(long added) {
    return new FetchEntry(
        id,
        asOf,
        category,
        members,
        sources,
        recordFile,
        recordOffset,
        recordBytes,
        factEnds,
        added,
        otherIds);
  }

  /** The same fetch where a rewritten generation put its record and facts. */
  FetchEntry moved(long newRecordOffset, long[] newFactEnds) {
    return new FetchEntry(
        id,
        asOf,
        category,
        members,
        sources,
        recordFile,
        newRecordOffset,
        recordBytes,
        newFactEnds,
        addedBytes,
        otherIds);
  }

  String line() {
    StringBuilder s = new StringBuilder(160);
    s.append(id).append(',').append(dev.privscreen.format.Times.instant(asOf)).append(',');
    CsvLine.append(s, category == null ? "" : category);
    s.append(',').append(members).append(',');
    CsvLine.append(s, sources);
    s.append(',').append(recordFile).append(',').append(recordOffset).append(',');
    s.append(recordBytes);
    for (long end : factEnds) {
      s.append(',').append(end);
    }
    s.append(',').append(addedBytes).append(',');
    CsvLine.append(s, otherIds);
    return s.append('\n').toString();
  }

  private static final int TABLES = FactTable.values().length;

  /**
   * An instant as the index writes it, {@code 2026-11-20T01:00:00Z}, read by hand: a screen reads
   * the index of a year of hourly fetches before anything else, and {@link Instant#parse} took most
   * of that time (measured: 113 ms warm for 8,760 lines).
   */
  static Instant instant(String t) {
    if (t.length() != 20
        || t.charAt(4) != '-'
        || t.charAt(7) != '-'
        || t.charAt(10) != 'T'
        || t.charAt(13) != ':'
        || t.charAt(16) != ':'
        || t.charAt(19) != 'Z') {
      return Instant.parse(t); // another ISO form, or an error
    }
    long day =
        java.time.LocalDate.of(digits(t, 0, 4), digits(t, 5, 2), digits(t, 8, 2)).toEpochDay();
    int h = digits(t, 11, 2);
    int m = digits(t, 14, 2);
    int s = digits(t, 17, 2);
    if (h > 23 || m > 59 || s > 59) {
      return Instant.parse(t); // which says what is wrong
    }
    return Instant.ofEpochSecond(day * 86_400 + h * 3600L + m * 60L + s);
  }

  /** A day as the store writes it, {@code 2026-11-20}, read by hand for the same reason. */
  static LocalDate day(String t) {
    if (t.length() < 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
      return LocalDate.parse(t); // which says what is wrong
    }
    return LocalDate.of(digits(t, 0, 4), digits(t, 5, 2), digits(t, 8, 2));
  }

  private static int digits(String t, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      char ch = t.charAt(i);
      if (ch < '0' || ch > '9') {
        throw new java.time.format.DateTimeParseException("not a time", t, i);
      }
      v = v * 10 + (ch - '0');
    }
    return v;
  }

  /** A line read back; null when it is not one (a damaged line). */
  static FetchEntry parse(String line) {
    String[] c = CsvLine.split(line);
    if (c == null || c.length != 10 + TABLES || !FetchIds.isId(c[0])) { // the id must be a time
      return null;
    }
    try {
      long[] ends = new long[TABLES];
      for (int i = 0; i < ends.length; i++) {
        ends[i] = Long.parseLong(c[8 + i]);
      }
      return new FetchEntry(
          c[0],
          instant(c[1]),
          c[2].isEmpty() ? null : c[2],
          Integer.parseInt(c[3]),
          c[4],
          c[5],
          Long.parseLong(c[6]),
          Long.parseLong(c[7]),
          ends,
          Long.parseLong(c[8 + ends.length]),
          c[9 + ends.length]);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
