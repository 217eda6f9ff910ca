package dev.privscreen.output;

import dev.privscreen.fields.ResultField;
import dev.privscreen.fields.ResultRow;
import dev.privscreen.format.Printable;
import dev.privscreen.screen.ScreenResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * {@code --format table} for a screen: the results, and with {@code --explain} one line per rule
 * under each row; rejected assets (with {@code --explain all}) follow, dimmed.
 */
final class TableRenderer implements ScreenRenderer {
  private final Style style;

  TableRenderer(Style style) {
    this.style = style;
  }

  @Override
  public void render(ScreenResult r, List<ResultField> fields, PrintWriter out) {
    List<ResultRow> rows = r.allRows();
    TextTable.write(
        rows,
        fields,
        style,
        out,
        row -> !row.passed(),
        (row, w) -> {
          for (Map.Entry<String, String> e : row.reasons().entrySet()) {
            w.println(style.dim("    " + e.getKey() + ": " + Printable.escape(e.getValue())));
          }
        });
  }
}
