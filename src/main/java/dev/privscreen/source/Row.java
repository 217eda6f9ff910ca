package dev.privscreen.source;

import java.util.Map;

/**
 * One raw record of a table (a CSV line or a JSON array element), keyed by column name.
 *
 * @param where the record's place for error messages ({@code prices.csv:8})
 * @param label the record's name in messages: empty for CSV, {@code prices[3]} for JSON
 */
record Row(String where, String label, Map<String, Cell> cells) {

  Cell cell(String column) {
    Cell c = cells.get(column);
    if (c != null) {
      return c;
    }
    String field = label.isEmpty() ? column : label + "." + column;
    return new Cell(where, field, null, false);
  }
}
