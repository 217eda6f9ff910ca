package dev.privscreen.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.privscreen.format.Column;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Output of the commands other than {@code screen} ({@code sector}, {@code events}, {@code
 * universe}) in every format: a JSON document whose head (schema, as-of, …) the command writes,
 * then either one record's fields or a list of records.
 */
public final class RecordOutput {
  private RecordOutput() {}

  /** Writes the document's leading fields ({@code schema}, {@code as_of}, …). */
  @FunctionalInterface
  public interface Head {
    void write(JsonGenerator g) throws IOException;
  }

  /**
   * One record ({@code sector}): JSON is the head plus the fields in one object; NDJSON that object
   * on one line; CSV a header and one row; the table one line per field.
   */
  public static <T> void single(
      OutputFormat format,
      Style style,
      PrintWriter out,
      Head head,
      T record,
      List<? extends Column<T>> columns) {
    switch (format) {
      case json, ndjson -> {
        try (JsonGenerator g = Json.generator(out, format == OutputFormat.json)) {
          g.writeStartObject();
          head.write(g);
          Json.fields(g, record, columns);
          g.writeEndObject();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        out.print('\n');
      }
      case csv -> CsvRenderer.write(List.of(record), columns, out);
      case table -> {
        int width = 0;
        for (Column<T> c : columns) {
          width = Math.max(width, c.name().length());
        }
        for (Column<T> c : columns) {
          String name = c.name() + " ".repeat(width - c.name().length());
          out.println(style.bold(name) + "  " + Cells.table(c.kind(), c.get(record)));
        }
      }
    }
  }

  /**
   * A list of records ({@code events}, {@code universe}): JSON is the head plus {@code listKey}
   * holding the records; NDJSON one record per line; CSV and table one row per record.
   */
  public static <T> void list(
      OutputFormat format,
      Style style,
      PrintWriter out,
      Head head,
      String listKey,
      List<T> rows,
      List<? extends Column<T>> columns) {
    switch (format) {
      case json -> {
        try (JsonGenerator g = Json.generator(out, true)) {
          g.writeStartObject();
          head.write(g);
          g.writeArrayFieldStart(listKey);
          for (T row : rows) {
            Json.object(g, row, columns);
          }
          g.writeEndArray();
          g.writeEndObject();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        out.print('\n');
      }
      case ndjson -> NdjsonRenderer.write(rows, columns, out);
      case csv -> CsvRenderer.write(rows, columns, out);
      case table -> TextTable.write(rows, columns, style, out, r -> false, (r, w) -> {});
    }
  }
}
