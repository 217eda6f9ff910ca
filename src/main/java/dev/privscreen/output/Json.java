package dev.privscreen.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.privscreen.format.NumberText;
import dev.privscreen.format.Times;
import dev.privscreen.model.ListingEvent;
import dev.privscreen.screen.ResultField;
import dev.privscreen.screen.ResultRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/** JSON writing on Jackson's streaming generator: result objects as SPEC §4 defines them. */
public final class Json {
  private Json() {}

  /** A generator that leaves {@code out} open; pretty means two-space indents as jq prints. */
  public static JsonGenerator generator(Writer out, boolean pretty) {
    try {
      JsonGenerator g = new JsonFactory().createGenerator(out);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      if (pretty) {
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        g.setPrettyPrinter(
            new DefaultPrettyPrinter()
                .withSeparators(
                    Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""))
                .withObjectIndenter(indent)
                .withArrayIndenter(indent));
      }
      return g;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a number field, or null for null, NaN and infinities (JSON has none of them). */
  public static void number(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else {
      double d = ((Number) v).doubleValue();
      if (Double.isFinite(d)) {
        g.writeNumber(NumberText.exact(d));
      } else {
        g.writeNull();
      }
    }
  }

  public static void result(JsonGenerator g, ResultRow row, List<ResultField> fields)
      throws IOException {
    g.writeStartObject();
    for (ResultField f : fields) {
      g.writeFieldName(f.name());
      value(g, f, f.get(row));
    }
    g.writeEndObject();
  }

  @SuppressWarnings("unchecked")
  private static void value(JsonGenerator g, ResultField f, Object v) throws IOException {
    switch (f.kind()) {
      case TEXT -> {
        if (v == null) {
          g.writeNull();
        } else {
          g.writeString(v.toString());
        }
      }
      case IDS -> {
        g.writeStartArray();
        for (String s : (List<String>) v) {
          g.writeString(s);
        }
        g.writeEndArray();
      }
      case LISTINGS -> {
        g.writeStartArray();
        for (ListingEvent e : (List<ListingEvent>) v) {
          listing(g, e);
        }
        g.writeEndArray();
      }
      default -> number(g, v);
    }
  }

  public static void listing(JsonGenerator g, ListingEvent e) throws IOException {
    g.writeStartObject();
    g.writeStringField("venue", e.venue());
    g.writeStringField("market", e.market().label());
    g.writeStringField("pair", e.pair());
    g.writeStringField("listed_at", Times.instant(e.listedAt()));
    g.writeStringField("action", e.action().label());
    g.writeEndObject();
  }
}
