package dev.privscreen.source;

import java.util.function.Function;

/**
 * One raw record of a table (a CSV line or a JSON array element), read by column name.
 *
 * @param where the record's place for error messages ({@code prices.csv:8})
 * @param label the record's name in messages: empty for CSV, {@code prices[3]} for JSON
 * @param lookup the record's cell for a column, or null when it has none
 */
record Row(Place where, String label, Function<String, Cell> lookup) {

  Cell cell(String column) {
    Cell c = lookup.apply(column);
    if (c != null) {
      return c;
    }
    String field = label.isEmpty() ? column : label + "." + column;
    return new Cell(where, field, null, false);
  }
}
