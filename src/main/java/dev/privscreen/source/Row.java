package dev.privscreen.source;

/** One raw record of a table (a CSV line or a JSON array element), read by column name. */
interface Row {
  /** The record's place for error messages ({@code prices.csv:8}). */
  Place where();

  /** The record's cell for a column; a cell with null text when it has none. */
  Cell cell(String column);
}
