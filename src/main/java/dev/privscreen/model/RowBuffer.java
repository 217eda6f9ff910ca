package dev.privscreen.model;

import java.util.Arrays;

/**
 * The rows of a columnar table while it is built: parallel, growable columns of ints (codes, days)
 * and of doubles (values, NaN for null). Shared by the builders of {@link PriceColumns} and {@link
 * OiColumns}.
 */
final class RowBuffer {
  final int[][] ints;
  final double[][] doubles;
  private int n;

  RowBuffer(int intColumns, int doubleColumns, int capacity) {
    ints = new int[intColumns][capacity];
    doubles = new double[doubleColumns][capacity];
  }

  int size() {
    return n;
  }

  /** Makes room for one more row and returns its index; the caller fills its cells. */
  int next() {
    if (n == capacity()) {
      reserve(n + 1);
    }
    return n++;
  }

  /**
   * Adds the rows of {@code other}, in their order; int column k is looked up in {@code recode[k]}
   * when that is not null (codes of another pool).
   */
  void append(RowBuffer other, int[][] recode) {
    reserve(n + other.n);
    for (int k = 0; k < ints.length; k++) {
      if (recode[k] == null) {
        System.arraycopy(other.ints[k], 0, ints[k], n, other.n);
      } else {
        for (int r = 0; r < other.n; r++) {
          ints[k][n + r] = recode[k][other.ints[k][r]];
        }
      }
    }
    for (int k = 0; k < doubles.length; k++) {
      System.arraycopy(other.doubles[k], 0, doubles[k], n, other.n);
    }
    n += other.n;
  }

  /**
   * The columns in {@code order} (the row that goes to each position), or these very arrays when no
   * row moves: the buffer is spent either way.
   */
  RowBuffer inOrder(RowOrder order) {
    if (order.keepsOrder()) {
      return this;
    }
    int m = order.rows.length; // fewer than n when repeats were left out
    RowBuffer sorted = new RowBuffer(ints.length, doubles.length, m);
    for (int k = 0; k < ints.length; k++) {
      for (int i = 0; i < m; i++) {
        sorted.ints[k][i] = ints[k][order.rows[i]];
      }
    }
    for (int k = 0; k < doubles.length; k++) {
      for (int i = 0; i < m; i++) {
        sorted.doubles[k][i] = doubles[k][order.rows[i]];
      }
    }
    sorted.n = m;
    return sorted;
  }

  /** Room for {@code rows} rows in all, made at once (a piece of a known size). */
  void ensure(int rows) {
    if (rows > capacity()) {
      for (int k = 0; k < ints.length; k++) {
        ints[k] = Arrays.copyOf(ints[k], rows);
      }
      for (int k = 0; k < doubles.length; k++) {
        doubles[k] = Arrays.copyOf(doubles[k], rows);
      }
    }
  }

  private int capacity() {
    return ints.length > 0 ? ints[0].length : doubles[0].length;
  }

  private void reserve(int capacity) {
    if (capacity > capacity()) {
      int cap = Math.max(capacity, Math.max(16, n + (n >> 1)));
      for (int k = 0; k < ints.length; k++) {
        ints[k] = Arrays.copyOf(ints[k], cap);
      }
      for (int k = 0; k < doubles.length; k++) {
        doubles[k] = Arrays.copyOf(doubles[k], cap);
      }
    }
  }
}
