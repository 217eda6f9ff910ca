package dev.privscreen.model;

/**
 * The order of a table's rows grouped by a code (codes in ascending order) and, within a group, by
 * a comparator; stable, so rows that compare equal keep the order they were added in. Linear for
 * the usual input, whose rows of one asset already come day after day.
 */
final class RowOrder {
  /** Compares two rows of one group by their index. */
  interface RowComparator {
    int compare(int a, int b);
  }

  /**
   * {@code rows[k]}: the row (in the order added) that goes to position k; null when the rows came
   * in order already, each strictly after the one before (so none repeats another).
   */
  final int[] rows;

  /** Group c takes the positions {@code start[c]} to {@code start[c + 1] - 1}. */
  final int[] start;

  private RowOrder(int[] rows, int[] start) {
    this.rows = rows;
    this.start = start;
  }

  /** True when every row stays where it is: the input came grouped and sorted already. */
  boolean keepsOrder() {
    return rows == null;
  }

  static RowOrder of(int[] group, int n, int groups, RowComparator within) {
    int[] start = new int[groups + 1];
    for (int i = 0; i < n; i++) {
      start[group[i] + 1]++;
    }
    for (int g = 0; g < groups; g++) {
      start[g + 1] += start[g];
    }
    // The usual input (as privscreen writes it): one pass shows nothing moves and nothing repeats.
    boolean ordered = true;
    for (int i = 1; i < n && ordered; i++) {
      ordered =
          group[i - 1] < group[i] || (group[i - 1] == group[i] && within.compare(i - 1, i) < 0);
    }
    if (ordered) {
      return new RowOrder(null, start);
    }
    int[] next = java.util.Arrays.copyOf(start, groups);
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[next[group[i]]++] = i;
    }
    int[] scratch = null;
    for (int g = 0; g < groups; g++) {
      int from = start[g];
      int to = start[g + 1];
      if (!isSorted(rows, from, to, within)) {
        if (scratch == null) {
          scratch = new int[n];
        }
        mergeSort(rows, scratch, from, to, within);
      }
    }
    return new RowOrder(rows, start);
  }

  /**
   * Tells {@code duplicates} of two rows of one group that {@code within} finds equal: of all such
   * pairs, the one whose later row was added first, so the message names the first repeat in the
   * input. Equal rows are next to each other, as the order is stable.
   */
  void reportRepeats(int[] group, RowComparator within, DuplicateRows duplicates) {
    if (rows == null) {
      return;
    }
    int first = -1;
    int later = Integer.MAX_VALUE;
    for (int k = 1; k < rows.length; k++) {
      int a = rows[k - 1];
      int b = rows[k];
      if (b < later && group[a] == group[b] && within.compare(a, b) == 0) {
        first = a;
        later = b;
      }
    }
    if (first >= 0) {
      duplicates.found(first, later);
    }
  }

  /**
   * This order without the rows that repeat another exactly (same key, and {@code sameValues} finds
   * the values equal: a download that repeats a row); of the repeats with other values, {@code
   * differing} is told as {@link #reportRepeats} tells (it may throw). The count of rows dropped is
   * in {@link #dropped}.
   */
  RowOrder withoutRepeats(
      int[] group, RowComparator within, RowComparator sameValues, DuplicateRows differing) {
    if (rows == null) {
      return this;
    }
    boolean[] drop = null;
    int dropped = 0;
    int first = -1;
    int later = Integer.MAX_VALUE;
    for (int k = 1; k < rows.length; k++) {
      int a = rows[k - 1];
      int b = rows[k];
      if (group[a] != group[b] || within.compare(a, b) != 0) {
        continue;
      }
      if (sameValues.compare(a, b) == 0) {
        if (drop == null) {
          drop = new boolean[rows.length];
        }
        drop[k] = true;
        dropped++;
      } else if (b < later) {
        first = a;
        later = b;
      }
    }
    if (first >= 0) {
      differing.found(first, later);
    }
    if (dropped == 0) {
      return this;
    }
    int[] kept = new int[rows.length - dropped];
    int[] newStart = new int[start.length];
    int n = 0;
    for (int g = 0; g + 1 < start.length; g++) {
      newStart[g] = n;
      for (int k = start[g]; k < start[g + 1]; k++) {
        if (!drop[k]) {
          kept[n++] = rows[k];
        }
      }
    }
    newStart[start.length - 1] = n;
    RowOrder out = new RowOrder(kept, newStart);
    out.dropped = dropped;
    return out;
  }

  /** Rows left out by {@link #withoutRepeats}. */
  int dropped;

  private static boolean isSorted(int[] rows, int from, int to, RowComparator c) {
    for (int k = from + 1; k < to; k++) {
      if (c.compare(rows[k - 1], rows[k]) > 0) {
        return false;
      }
    }
    return true;
  }

  /** A stable merge sort of {@code rows[from, to)}. */
  private static void mergeSort(int[] rows, int[] scratch, int from, int to, RowComparator c) {
    if (to - from < 16) {
      for (int k = from + 1; k < to; k++) {
        int r = rows[k];
        int j = k - 1;
        while (j >= from && c.compare(rows[j], r) > 0) {
          rows[j + 1] = rows[j];
          j--;
        }
        rows[j + 1] = r;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(rows, scratch, from, mid, c);
    mergeSort(rows, scratch, mid, to, c);
    System.arraycopy(rows, from, scratch, from, to - from);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      if (j >= to || (i < mid && c.compare(scratch[i], scratch[j]) <= 0)) {
        rows[k] = scratch[i++];
      } else {
        rows[k] = scratch[j++];
      }
    }
  }
}
