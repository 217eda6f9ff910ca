package dev.privscreen.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.privscreen.fields.ResultField;
import dev.privscreen.fields.ResultRow;
import dev.privscreen.format.Times;
import dev.privscreen.rule.Rule;
import dev.privscreen.screen.Explain;
import dev.privscreen.screen.ScreenResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code --format json}: one {@code privscreen.screen/1} object; with {@code --explain all}, a
 * {@code rejected} array follows {@code results}.
 */
final class JsonRenderer implements ScreenRenderer {
  static final String SCHEMA = "privscreen.screen/1";

  @Override
  public void render(ScreenResult r, List<ResultField> fields, PrintWriter out) {
    try (JsonGenerator g = Json.generator(out, true)) {
      g.writeStartObject();
      g.writeStringField("schema", SCHEMA);
      g.writeStringField("as_of", Times.instant(r.asOf()));
      g.writeStringField("category", r.category());
      java.time.Instant oiAsOf = r.oiAsOf();
      if (oiAsOf == null) {
        g.writeNullField("oi_as_of");
      } else {
        g.writeStringField("oi_as_of", Times.instant(oiAsOf));
      }
      g.writeArrayFieldStart("rules");
      for (Rule rule : r.rules()) {
        g.writeStartObject();
        g.writeStringField("id", rule.id());
        g.writeStringField("description", rule.description());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringField("match", r.match().name());
      g.writeArrayFieldStart("results");
      for (ResultRow row : r.results()) {
        Json.object(g, row, fields);
      }
      g.writeEndArray();
      if (r.explain() == Explain.all) {
        g.writeArrayFieldStart("rejected");
        for (ResultRow row : r.rejected()) {
          Json.object(g, row, fields);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
  }
}
