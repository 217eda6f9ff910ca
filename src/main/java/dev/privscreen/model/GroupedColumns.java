package dev.privscreen.model;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A table in columns whose rows are grouped by asset id: what {@link PriceColumns} and {@link
 * OiColumns} share. The ids are coded 0, 1, 2, … in order of first appearance, and the rows of code
 * c are {@link #from}(c) to {@link #to}(c) − 1. Read as a list, rows are made on demand.
 */
public abstract sealed class GroupedColumns<T> extends AbstractList<T> implements RandomAccess
    permits PriceColumns, OiColumns {
  private final StringPool ids;
  private final int[] start;
  private final int size;
  private int repeats;

  GroupedColumns(StringPool ids, int[] start, int size) {
    this.ids = ids;
    this.start = start;
    this.size = size;
  }

  @Override
  public final int size() {
    return size;
  }

  /** Rows of the input left out because they repeated another row exactly (key and values). */
  public final int repeats() {
    return repeats;
  }

  /** Records the exact repeats left out while building; returns these columns. */
  static <C extends GroupedColumns<?>> C withRepeats(int repeats, C columns) {
    ((GroupedColumns<?>) columns).repeats = repeats;
    return columns;
  }

  /** Equal values, a null (NaN) equal to a null: what makes a repeated row an exact repeat. */
  static boolean same(double a, double b) {
    return Double.compare(a, b) == 0;
  }

  /** How many distinct ids the rows have; codes are 0 to this − 1. */
  public final int idCount() {
    return start.length - 1;
  }

  public final String id(int code) {
    return ids.text(code);
  }

  /** The first row of the id with this code. */
  public final int from(int code) {
    return start[code];
  }

  /** One past the last row of the id with this code. */
  public final int to(int code) {
    return start[code + 1];
  }
}
