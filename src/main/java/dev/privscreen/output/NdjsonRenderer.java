package dev.privscreen.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.privscreen.fields.ResultField;
import dev.privscreen.format.Column;
import dev.privscreen.screen.ScreenResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** {@code --format ndjson}: one compact object per line and nothing else. */
final class NdjsonRenderer implements ScreenRenderer {
  @Override
  public void render(ScreenResult r, List<ResultField> fields, PrintWriter out) {
    write(r.allRows(), fields, out);
  }

  static <T> void write(List<T> rows, List<? extends Column<T>> columns, PrintWriter out) {
    for (T row : rows) {
      try (JsonGenerator g = Json.generator(out, false)) {
        Json.object(g, row, columns);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.print('\n');
    }
  }
}
