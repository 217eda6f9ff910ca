package dev.privscreen.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.privscreen.format.Column;
import dev.privscreen.format.JsonIo;
import dev.privscreen.format.Kind;
import dev.privscreen.format.NumberText;
import dev.privscreen.format.Times;
import dev.privscreen.model.ListingEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** JSON writing on Jackson's streaming generator: snake_case keys, numbers as numbers. */
public final class Json {
  private Json() {}

  /** A generator that leaves {@code out} open; pretty means two-space indents as jq prints. */
  public static JsonGenerator generator(Writer out, boolean pretty) {
    try {
      JsonGenerator g = JsonIo.FACTORY.createGenerator(out);
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

  /** Writes a number, or null for null, NaN and infinities (JSON has none of them). */
  public static void number(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else {
      double d = ((Number) v).doubleValue();
      if (Double.isFinite(d)) {
        g.writeNumber(NumberText.result(d));
      } else {
        g.writeNull();
      }
    }
  }

  /** One object with the given columns of a row. */
  public static <T> void object(JsonGenerator g, T row, List<? extends Column<T>> columns)
      throws IOException {
    g.writeStartObject();
    fields(g, row, columns);
    g.writeEndObject();
  }

  /** The columns of a row as fields of the object being written. */
  public static <T> void fields(JsonGenerator g, T row, List<? extends Column<T>> columns)
      throws IOException {
    for (Column<T> c : columns) {
      g.writeFieldName(c.name());
      value(g, c.kind(), c.get(row));
    }
  }

  @SuppressWarnings("unchecked")
  public static void value(JsonGenerator g, Kind kind, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
      return;
    }
    switch (kind) {
      case TEXT -> g.writeString(v.toString());
      case TIME -> g.writeString(Times.instant((Instant) v));
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
      case BOOLEAN -> g.writeBoolean((Boolean) v);
      case VENUE_RATES -> {
        g.writeStartObject();
        for (Map.Entry<String, Double> e : ((Map<String, Double>) v).entrySet()) {
          g.writeFieldName(e.getKey());
          number(g, e.getValue());
        }
        g.writeEndObject();
      }
      case NAMED_DAYS -> {
        g.writeStartObject();
        for (Map.Entry<String, java.time.LocalDate> e :
            ((Map<String, java.time.LocalDate>) v).entrySet()) {
          g.writeStringField(e.getKey(), e.getValue().toString());
        }
        g.writeEndObject();
      }
      case REASONS -> {
        g.writeStartObject();
        for (Map.Entry<String, String> e : ((Map<String, String>) v).entrySet()) {
          g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
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
