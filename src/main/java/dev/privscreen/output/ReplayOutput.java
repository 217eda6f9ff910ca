package dev.privscreen.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.privscreen.fields.ResultField;
import dev.privscreen.fields.ResultRow;
import dev.privscreen.format.Kind;
import dev.privscreen.format.NamedColumn;
import dev.privscreen.screen.Replay;
import dev.privscreen.screen.Replay.Day;
import dev.privscreen.screen.Replay.Forward;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code replay}'s output, written as the days come: JSON ({@code privscreen.replay/1}: {@code
 * days}, then {@code forward}) is written element by element, NDJSON and CSV a result a line, so
 * memory does not grow with the number of days; only the table, which aligns its columns, keeps its
 * lines (one per day, or one per result with {@code --fields}).
 */
public final class ReplayOutput {
  public static final String SCHEMA = "privscreen.replay/1";

  private ReplayOutput() {}

  /** The summary of a forward window as a record of named columns. */
  public static final List<NamedColumn<Forward>> FORWARD_COLUMNS =
      List.of(
          new NamedColumn<>("window", Kind.TEXT, f -> f.window().days() + "d"),
          new NamedColumn<>("results", Kind.INTEGER, Forward::results),
          new NamedColumn<>("with_data", Kind.INTEGER, Forward::withData),
          new NamedColumn<>("hit_rate", Kind.NUMBER, Forward::hitRate),
          new NamedColumn<>("mean_pct", Kind.PERCENT, Forward::meanPct),
          new NamedColumn<>("median_pct", Kind.PERCENT, Forward::medianPct),
          new NamedColumn<>("universe_mean_pct", Kind.PERCENT, Forward::universeMeanPct),
          new NamedColumn<>("excess_mean_pct", Kind.PERCENT, Forward::excessMeanPct));

  /**
   * @param fields the results' fields ({@code --fields}, or the format's default)
   * @param explicitFields whether {@code --fields} was given (the table then prints results)
   * @param summaryOnly {@code --summary}: nothing but the forward summary
   */
  public static Replay.Sink sink(
      OutputFormat format,
      Style style,
      PrintWriter out,
      List<ResultField> fields,
      boolean explicitFields,
      boolean summaryOnly) {
    if (summaryOnly) {
      return new Replay.Sink() {
        @Override
        public void day(Day d) {}

        @Override
        public void forward(List<Forward> summary) {
          RecordOutput.list(
              format,
              style,
              out,
              g -> g.writeStringField("schema", SCHEMA),
              "forward",
              summary,
              FORWARD_COLUMNS);
        }
      };
    }
    return switch (format) {
      case json -> new JsonSink(out, fields);
      case ndjson -> new NdjsonSink(out, fields);
      case csv -> new CsvSink(out, fields);
      case table -> new TableSink(out, style, fields, explicitFields);
    };
  }

  /** Writes what is left: the end of the document, the table. */
  public interface Closing {
    void close();
  }

  /** Closes a sink that keeps something open (JSON) or back (the table). */
  public static void finish(Replay.Sink sink) {
    if (sink instanceof Closing c) {
      c.close();
    }
  }

  private static final class JsonSink implements Replay.Sink, Closing {
    final PrintWriter out;
    final List<ResultField> fields;
    final JsonGenerator g;

    JsonSink(PrintWriter out, List<ResultField> fields) {
      this.out = out;
      this.fields = fields;
      this.g = Json.generator(out, true);
      io(
          () -> {
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            g.writeArrayFieldStart("days");
          });
    }

    @Override
    public void day(Day d) {
      io(
          () -> {
            g.writeStartObject();
            g.writeStringField("date", d.date().toString());
            g.writeArrayFieldStart("results");
            for (ResultRow r : d.result().results()) {
              Json.object(g, r, fields);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("unknown");
            for (Map.Entry<String, Integer> e : d.unknown().entrySet()) {
              g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
            g.flush(); // each day leaves as soon as it is computed
          });
    }

    @Override
    public void forward(List<Forward> summary) {
      io(
          () -> {
            g.writeEndArray();
            g.writeArrayFieldStart("forward");
            for (Forward f : summary) {
              Json.object(g, f, FORWARD_COLUMNS);
            }
          });
    }

    @Override
    public void close() {
      io(
          () -> {
            g.writeEndArray(); // of "forward", or of "days" when there is no summary
            g.writeEndObject();
            g.close();
          });
      out.println();
    }
  }

  private static final class NdjsonSink implements Replay.Sink {
    final PrintWriter out;
    final List<ResultField> fields;

    final boolean dated;

    NdjsonSink(PrintWriter out, List<ResultField> fields) {
      this.out = out;
      this.fields = fields;
      this.dated = fields.stream().anyMatch(f -> f.name().equals("date"));
    }

    @Override
    public void day(Day d) {
      for (ResultRow r : d.result().results()) {
        io(
            () -> {
              try (JsonGenerator g = Json.generator(out, false)) {
                g.writeStartObject();
                if (!dated) { // every line carries its day, asked for or not
                  g.writeStringField("date", r.metrics().today().toString());
                }
                Json.fields(g, r, fields);
                g.writeEndObject();
              }
            });
        out.print('\n');
      }
    }
  }

  private static final class CsvSink implements Replay.Sink, Closing {
    final List<ResultField> fields;
    final CSVPrinter p;

    CsvSink(PrintWriter out, List<ResultField> fields) {
      this.fields = fields;
      this.p = io(() -> new CSVPrinter(out, CsvRenderer.FORMAT));
      io(() -> CsvRenderer.header(p, fields));
    }

    @Override
    public void day(Day d) {
      for (ResultRow r : d.result().results()) {
        io(() -> CsvRenderer.record(p, fields, r));
      }
    }

    @Override
    public void close() {
      io(p::flush);
    }
  }

  /** A day as one line: the symbols that passed, and what the rules could not judge. */
  public record Line(String date, List<String> symbols, String note) {
    static final List<NamedColumn<Line>> COLUMNS =
        List.of(
            new NamedColumn<>("date", Kind.TEXT, Line::date),
            new NamedColumn<>("symbols", Kind.IDS, Line::symbols),
            new NamedColumn<>("no_data", Kind.TEXT, l -> l.note().isEmpty() ? null : l.note()));
  }

  private static final class TableSink implements Replay.Sink, Closing {
    final PrintWriter out;
    final Style style;
    final List<ResultField> fields;
    final boolean rows;
    final List<Line> lines = new ArrayList<>();
    final List<ResultRow> results = new ArrayList<>();
    List<Forward> summary = List.of();

    TableSink(PrintWriter out, Style style, List<ResultField> fields, boolean rows) {
      this.out = out;
      this.style = style;
      this.fields = fields;
      this.rows = rows;
    }

    @Override
    public void day(Day d) {
      if (rows) {
        results.addAll(d.result().results());
        return;
      }
      List<String> symbols = new ArrayList<>();
      for (ResultRow r : d.result().results()) {
        symbols.add(r.metrics().asset().symbol());
      }
      List<String> notes = new ArrayList<>();
      d.unknown()
          .forEach(
              (rule, n) ->
                  notes.add(rule + ": no data for " + n + (n == 1 ? " asset" : " assets")));
      lines.add(new Line(d.date().toString(), symbols, String.join("; ", notes)));
    }

    @Override
    public void forward(List<Forward> summary) {
      this.summary = summary;
    }

    @Override
    public void close() {
      if (rows) {
        TextTable.write(results, fields, style, out, r -> false, (r, w) -> {});
      } else {
        TextTable.write(lines, Line.COLUMNS, style, out, r -> false, (r, w) -> {});
      }
      if (!summary.isEmpty()) {
        out.println();
        TextTable.write(summary, FORWARD_COLUMNS, style, out, r -> false, (r, w) -> {});
      }
    }
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private interface IoValue<T> {
    T get() throws IOException;
  }

  private static void io(IoAction a) {
    try {
      a.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T io(IoValue<T> a) {
    try {
      return a.get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
