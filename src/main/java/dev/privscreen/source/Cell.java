package dev.privscreen.source;

/**
 * One raw value as read from a CSV cell or a JSON member, before it is given a type. An interface
 * so that the CSV reader can hand out one reusable cell per column rather than an object per cell:
 * a whole-market history has tens of millions of them.
 */
interface Cell {
  /** The place for error messages: {@code prices.csv:8} or {@code snap.json:12:20}. */
  Place where();

  /** The name for error messages: {@code close_usd} or {@code prices[3].close_usd}. */
  String field();

  /**
   * The value's text; null for an empty cell or a JSON null. A CSV cell's text is a view of the
   * reader's buffer, valid only while its row is being added.
   */
  CharSequence text();

  /** True when the JSON value was an object or an array, not a scalar. */
  boolean nested();

  static Cell of(Place where, String field, CharSequence text, boolean nested) {
    return new Value(where, field, text, nested);
  }

  /** A cell that keeps its value. */
  record Value(Place where, String field, CharSequence text, boolean nested) implements Cell {}
}
