package dev.privscreen.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.privscreen.screen.ResultField;
import dev.privscreen.screen.ResultRow;
import dev.privscreen.screen.ScreenResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** {@code --format ndjson}: one compact result object per line and nothing else. */
final class NdjsonRenderer implements ScreenRenderer {
  @Override
  public void render(ScreenResult r, List<ResultField> fields, PrintWriter out) {
    for (ResultRow row : r.results()) {
      try (JsonGenerator g = Json.generator(out, false)) {
        Json.result(g, row, fields);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.print('\n');
    }
  }
}
