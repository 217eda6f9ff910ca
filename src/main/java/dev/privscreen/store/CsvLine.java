package dev.privscreen.store;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 cells of one line: quoted only when they must be. */
final class CsvLine {
  private CsvLine() {}

  static void append(StringBuilder out, String cell) {
    boolean quote = false;
    for (int i = 0; i < cell.length() && !quote; i++) {
      char c = cell.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      out.append(cell);
      return;
    }
    out.append('"').append(cell.replace("\"", "\"\"")).append('"');
  }

  /** A row of cells and its newline. */
  static void row(StringBuilder out, String... cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      append(out, cells[i]);
    }
    out.append('\n');
  }

  /** A number as the store writes it: exact, and empty for null. */
  static String num(Double v) {
    return v == null || !Double.isFinite(v) ? "" : dev.privscreen.format.NumberText.exact(v);
  }

  /** An empty cell is null. */
  static Double dbl(String s) {
    return s.isEmpty() ? null : Double.valueOf(s);
  }

  /** One line's cells (without its newline); null when its quotes do not close. */
  static String[] split(String line) {
    if (line.indexOf('"') < 0) {
      return line.split(",", -1);
    }
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int i = 0;
    while (true) {
      if (i < line.length() && line.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= line.length()) {
            return null;
          }
          char c = line.charAt(i++);
          if (c == '"') {
            if (i < line.length() && line.charAt(i) == '"') {
              cell.append('"');
              i++;
            } else {
              break;
            }
          } else {
            cell.append(c);
          }
        }
      }
      while (i < line.length() && line.charAt(i) != ',') {
        cell.append(line.charAt(i++));
      }
      cells.add(cell.toString());
      cell.setLength(0);
      if (i >= line.length()) {
        return cells.toArray(new String[0]);
      }
      i++; // the comma
    }
  }
}
