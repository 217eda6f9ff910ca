package dev.privscreen.source;

/** One raw record of a table (a CSV line or a JSON array element), read by column name. */
interface Row {
  /** The record's place for error messages ({@code prices.csv:8}). */
  Place where();

  /** The record's cell for a column; a cell with null text when it has none. */
  Cell cell(String column);

  /**
   * Whether the record may have the column: false only when it cannot (a CSV table without it), so
   * that an optional column costs nothing where it is absent.
   */
  default boolean mayHave(String column) {
    return true;
  }

  /**
   * {@link Values#requiredKey} of a column. The typed reads below exist so that a reader can take
   * the common case straight from its buffer; whatever it cannot decide goes through the cell,
   * which gives the value or the error.
   */
  default CharSequence requiredKey(String column) {
    return Values.requiredKey(cell(column));
  }

  /** {@link Values#epochDay} of a column. */
  default int epochDay(String column) {
    return Values.epochDay(cell(column));
  }

  /** {@link Values#nonNegativeOrNaN} of a column. */
  default double nonNegativeOrNaN(String column) {
    return Values.nonNegativeOrNaN(cell(column));
  }
}
