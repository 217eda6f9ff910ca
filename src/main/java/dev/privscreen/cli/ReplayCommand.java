package dev.privscreen.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.privscreen.error.UsageException;
import dev.privscreen.fields.ResultField;
import dev.privscreen.fields.ResultRow;
import dev.privscreen.format.Kind;
import dev.privscreen.format.NamedColumn;
import dev.privscreen.metrics.SnapshotIndex;
import dev.privscreen.output.Json;
import dev.privscreen.output.OutputFormat;
import dev.privscreen.output.RecordOutput;
import dev.privscreen.output.Style;
import dev.privscreen.screen.Explain;
import dev.privscreen.screen.Replay;
import dev.privscreen.screen.Replay.Day;
import dev.privscreen.screen.ScreenRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code privscreen replay}: on which past days the rules would have fired. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run the rules on every day of a history: which days would have fired.",
      "Each day is evaluated as --as-of would; days on which a rule lacked data for some assets"
          + " say so (JSON: \"unknown\", table: a note)."
    })
final class ReplayCommand implements Callable<Integer> {
  static final String SCHEMA = "privscreen.replay/1";

  @ParentCommand RootCommand root;

  @Option(
      names = "--from",
      paramLabel = "PATH",
      description =
          "Snapshot JSON, CSV directory or - (default: the newest snapshot in the store).")
  String from;

  @Option(
      names = "--start",
      required = true,
      paramLabel = "DATE",
      converter = Converters.Day.class,
      description = "First day to replay.")
  LocalDate start;

  @Option(
      names = "--end",
      paramLabel = "DATE",
      converter = Converters.Day.class,
      description = "Last day to replay (default: the snapshot's as-of day).")
  LocalDate end;

  @Mixin RuleOptions rules;

  @Option(names = "--top", paramLabel = "N", description = "Keep the first N results of each day.")
  Integer top;

  @Mixin OutputOptions output;

  @Option(names = "--fail-if-empty", description = "Exit 1 when no day had a result.")
  boolean failIfEmpty;

  @Override
  public Integer call() {
    Context ctx = root.ctx;
    SourceOptions source = new SourceOptions();
    source.from = from;
    SnapshotIndex index = SnapshotIndex.of(source.load(ctx, root.global.quiet));
    Warnings.beforeFirstData(ctx, root.global, index, start);
    List<Day> days;
    List<ResultField> fields;
    try {
      ScreenRequest req =
          new ScreenRequest(
              null, rules.rules(), rules.match, rules.oiLookback(), List.of(), top, Explain.none);
      LocalDate last = end == null ? dev.privscreen.screen.Screener.today(index, null) : end;
      days = Replay.run(index, req, start, last);
      fields = days.isEmpty() ? List.of() : output.fields(days.get(0).result().fields());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    render(output.format(), OutputOptions.style(ctx, root.global), ctx.out(), days, fields);
    boolean any = days.stream().anyMatch(d -> !d.result().results().isEmpty());
    return failIfEmpty && !any ? ExitCode.EMPTY.code : ExitCode.OK.code;
  }

  private static void render(
      OutputFormat format, Style style, PrintWriter out, List<Day> days, List<ResultField> fields) {
    switch (format) {
      case json -> {
        try (JsonGenerator g = Json.generator(out, true)) {
          g.writeStartObject();
          g.writeStringField("schema", SCHEMA);
          g.writeArrayFieldStart("days");
          for (Day d : days) {
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
          }
          g.writeEndArray();
          g.writeEndObject();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        out.println();
      }
      case ndjson -> {
        for (Day d : days) {
          for (ResultRow r : d.result().results()) {
            try (JsonGenerator g = Json.generator(out, false)) {
              g.writeStartObject();
              g.writeStringField("date", d.date().toString());
              Json.fields(g, r, fields);
              g.writeEndObject();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            out.print('\n');
          }
        }
      }
      case csv, table -> {
        List<Line> lines = new ArrayList<>();
        for (Day d : days) {
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
        RecordOutput.list(format, style, out, g -> {}, "days", lines, Line.COLUMNS);
      }
    }
  }

  /** A day as one line: the symbols that passed, and what the rules could not judge. */
  record Line(String date, List<String> symbols, String note) {
    static final List<NamedColumn<Line>> COLUMNS =
        List.of(
            new NamedColumn<>("date", Kind.TEXT, Line::date),
            new NamedColumn<>("symbols", Kind.IDS, Line::symbols),
            new NamedColumn<>("no_data", Kind.TEXT, l -> l.note().isEmpty() ? null : l.note()));
  }
}
