package dev.privscreen.source;

/**
 * The cursor's current record as a {@link Row}: one object per table, not per record, and cells
 * that are views of the cursor's buffer, made only for the columns the assembler asks for.
 */
final class CsvRow implements Row {
  private final CsvCursor csv;
  private final String file;
  final String[] columns;
  private final ColumnCell[] cells;

  CsvRow(CsvCursor csv, String file, String[] columns) {
    this.csv = csv;
    this.file = file;
    this.columns = columns;
    this.cells = new ColumnCell[columns.length];
  }

  /** The current record's place, made once per record and only when asked for. */
  private Place where;

  @Override
  public Place where() {
    if (where == null || where.line() != csv.line()) {
      where = new Place(file, csv.line(), 0);
    }
    return where;
  }

  @Override
  public boolean mayHave(String column) {
    return indexOf(column) >= 0;
  }

  @Override
  public Cell cell(String column) {
    int i = indexOf(column);
    if (i < 0) {
      return Cell.of(where(), column, null, false);
    }
    if (cells[i] == null) {
      cells[i] = new ColumnCell(this, i);
    }
    return cells[i];
  }

  // The common case straight from the buffer: a plain cell that parses. Anything else (an empty
  // or quoted cell, a bad value) goes through the cell, as in Row, for its value or its error.

  @Override
  public CharSequence requiredKey(String column) {
    int i = indexOf(column);
    if (i >= 0 && csv.plain(i) && csv.end(i) > csv.start(i)) {
      return csv.cell(i);
    }
    return Row.super.requiredKey(column);
  }

  @Override
  public int epochDay(String column) {
    int i = indexOf(column);
    if (i >= 0 && csv.plain(i) && csv.end(i) - csv.start(i) == 10) {
      byte[] b = csv.buffer();
      int at = csv.start(i);
      int day = sameMonth(b, at);
      if (day == Integer.MIN_VALUE) {
        day = Values.isoEpochDay(b, at);
        if (day != Integer.MIN_VALUE) {
          System.arraycopy(b, at, lastDate, 0, 10);
          lastDay = day;
        }
      }
      if (day != Integer.MIN_VALUE) {
        return day;
      }
    }
    return Row.super.epochDay(column);
  }

  /**
   * The last date parsed, and its epoch day: a table's rows run through the days of a month one
   * after another, so a date of the same year and month is the last one's day moved by the
   * difference of the days of the month, two digits read rather than a calendar computed (a tenth
   * of a whole-market replay's reading, issue 22).
   */
  private final byte[] lastDate = new byte[10];

  private int lastDay = Integer.MIN_VALUE;

  /** The day of {@code b[at, at+10)} when its YYYY-MM- is the last date's and its DD is valid. */
  private int sameMonth(byte[] b, int at) {
    if (lastDay == Integer.MIN_VALUE
        || !sameYearAndMonth(b, at)
        || b[at + 8] < '0'
        || b[at + 8] > '9'
        || b[at + 9] < '0'
        || b[at + 9] > '9') {
      return Integer.MIN_VALUE;
    }
    int dd = (b[at + 8] - '0') * 10 + (b[at + 9] - '0');
    int lastDd = (lastDate[8] - '0') * 10 + (lastDate[9] - '0');
    // a day past 28 may not be in this month: those go the long way, which checks it
    if (dd < 1 || dd > 28) {
      return Integer.MIN_VALUE;
    }
    return lastDay + dd - lastDd;
  }

  /**
   * Whether {@code b[at, at+8)} is the last date's YYYY-MM-, byte by byte: {@code Arrays.equals} of
   * ranges checks both ranges and calls a vectorised compare, three times the cost of eight bytes
   * under C1 (issue 22).
   */
  private boolean sameYearAndMonth(byte[] b, int at) {
    byte[] last = lastDate;
    for (int j = 7; j >= 0; j--) { // the month first: it is what changes
      if (b[at + j] != last[j]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public double nonNegativeOrNaN(String column) {
    int i = indexOf(column);
    if (i >= 0 && csv.plain(i)) {
      double v = Values.decimal(csv.buffer(), csv.start(i), csv.end(i));
      if (v >= 0 && v < Double.POSITIVE_INFINITY) {
        return v;
      }
    }
    return Row.super.nonNegativeOrNaN(column);
  }

  /** The last column asked for that the table lacks: an optional column, asked every row. */
  private String missing;

  /** Where the column after the last one asked for is: rows are read column after column. */
  private int hint;

  private int indexOf(String column) {
    if (columns[hint] == column) {
      int i = hint;
      hint = i + 1 == columns.length ? 0 : i + 1;
      return i;
    }
    for (int i = 0; i < columns.length; i++) {
      if (columns[i] == column) {
        hint = i + 1 == columns.length ? 0 : i + 1;
        return i;
      }
    }
    if (column == missing) {
      return -1;
    }
    for (int i = 0; i < columns.length; i++) {
      if (columns[i].equals(column)) {
        return i;
      }
    }
    missing = column;
    return -1;
  }

  /** One column of the cursor's current record: reused from record to record. */
  private record ColumnCell(CsvRow row, int index) implements Cell {
    @Override
    public Place where() {
      return row.where();
    }

    @Override
    public String field() {
      return row.columns[index];
    }

    @Override
    public CharSequence text() {
      return row.csv.cell(index);
    }

    @Override
    public boolean nested() {
      return false;
    }
  }
}
