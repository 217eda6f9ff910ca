package dev.privscreen.cli;

import dev.privscreen.error.UsageException;
import dev.privscreen.fields.ResultField;
import dev.privscreen.fields.ResultFields;
import dev.privscreen.metrics.SnapshotIndex;
import dev.privscreen.model.Window;
import dev.privscreen.output.OutputFormat;
import dev.privscreen.output.ReplayOutput;
import dev.privscreen.rule.Rule;
import dev.privscreen.screen.Explain;
import dev.privscreen.screen.Replay;
import dev.privscreen.screen.ScreenRequest;
import dev.privscreen.screen.SortKey;
import dev.privscreen.source.SnapshotReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code privscreen replay}: on which past days the rules would have fired. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  privscreen replay --start 2025-10-20 --oi-above 770M",
      "  privscreen replay --start 2025-10-01 --listed-within 1d --forward 1d,3d",
      "  privscreen replay --start 2025-08-10 --min-gain 7d=20 --forward 7d --entries --summary --json"
    },
    sortOptions = false,
    description = {
      "Run the rules on every day of a history: which days would have fired, and with --forward"
          + " what happened after.",
      "Each day is evaluated as --as-of would; days on which a rule lacked data for some assets"
          + " say so (JSON: \"unknown\", table: a note). Days are printed as they are computed."
    })
final class ReplayCommand implements Callable<Integer> {
  static final String SCHEMA = "privscreen.replay/1";

  @ParentCommand RootCommand root;

  @Option(
      names = "--from",
      paramLabel = "PATH",
      description =
          "Snapshot JSON, CSV directory or - (default: the newest snapshot in the store).")
  java.nio.file.Path from;

  @Option(
      names = "--snapshot",
      paramLabel = "ID",
      description =
          "A past fetch of the store by its id (20261120T010000Z), as it was when it was the"
              + " newest.")
  String snapshot;

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

  @Option(
      names = "--sort",
      paramLabel = "FIELD[:asc|desc]",
      completionCandidates = Completions.SortFields.class,
      converter = Converters.Sort.class,
      description = "Rank each day's results by FIELD (repeatable), as screen does.")
  List<SortKey> sort = new ArrayList<>();

  @Option(names = "--top", paramLabel = "N", description = "Keep the first N results of each day.")
  Integer top;

  @Option(
      names = "--forward",
      paramLabel = "WINDOW",
      split = ",",
      converter = Converters.WindowConverter.class,
      description =
          "What the results did next: fwd_Nd_pct = (close(d+N) / close(d) - 1) x 100 for each"
              + " window (e.g. 1d,7d,30d), and a summary per window.")
  List<Window> forward = new ArrayList<>();

  @Option(
      names = "--entries",
      description =
          "Keep only the first day of each run of passing days (an asset that did not pass the"
              + " day before, --start included).")
  boolean entries;

  @Option(
      names = "--summary",
      description = "Print only the --forward summary (NDJSON: one line per window).")
  boolean summary;

  @Mixin OutputOptions output;

  @Option(names = "--fail-if-empty", description = "Exit 1 when no day had a result.")
  boolean failIfEmpty;

  @Override
  public Integer call() {
    Context ctx = root.ctx;
    SourceOptions source = new SourceOptions();
    source.from = from;
    source.snapshot = snapshot;
    source.scopeFitsAnyFetch = true; // its days come from --start and --end, not the fetch
    List<Rule> ruleList; // made once: for the projection and the request alike
    ScreenRequest screen;
    try {
      ruleList = rules.rules();
      screen =
          new ScreenRequest(
              null, ruleList, rules.match, rules.oiLookback(), sort, top, Explain.none);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    // the days replayed (and the one before, for --entries) with their figures' windows
    SnapshotReader.Scope scope =
        Projection.scope(
            ruleList,
            output.fields,
            sort,
            Replay.spec(screen, forward),
            start.minusDays(entries ? 1 : 0),
            end);
    SnapshotIndex index = SnapshotIndex.of(source.load(ctx, root.global.quiet, scope));
    Warnings.beforeFirstData(ctx, root.global, index, start, scope.firstDay());
    if (summary && forward.isEmpty()) {
      throw new UsageException("--summary summarises --forward: give the windows (e.g. 1d,7d)");
    }
    OutputFormat format = output.format();
    Replay.Sink sink;
    boolean[] any = {false};
    try {
      Replay.Request req =
          new Replay.Request(
              screen,
              start,
              end == null ? dev.privscreen.screen.Screener.today(index, null) : end,
              forward,
              entries);
      Replay.Plan plan = Replay.plan(index, req);
      ResultFields all = plan.fields();
      List<ResultField> fields =
          output.explicitFields() ? output.fields(all) : defaults(format, all);
      java.io.PrintWriter writer = output.out(ctx, true);
      Replay.Sink out =
          ReplayOutput.sink(
              format,
              OutputOptions.style(ctx, root.global),
              writer,
              fields,
              output.explicitFields(),
              summary);
      sink =
          new Replay.Sink() {
            @Override
            public void day(Replay.Day d) {
              any[0] |= !d.result().results().isEmpty();
              out.day(d);
              // a reader that left (`| head`): stop now rather than compute the days nobody reads
              // (a PrintWriter only says so once flushed: a day's lines, a few KB, at a time)
              if (writer.checkError()) {
                throw new ReaderLeft();
              }
            }

            @Override
            public void forward(List<Replay.Forward> s) {
              out.forward(s);
            }
          };
      plan.run(sink);
      ReplayOutput.finish(out);
    } catch (ReaderLeft e) {
      return ExitCode.OK.code; // quiet, as `yes | head` is
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    ctx.out().flush();
    return failIfEmpty && !any[0] ? ExitCode.EMPTY.code : ExitCode.OK.code;
  }

  /** Thrown out of the replay when stdout's reader has gone. */
  private static final class ReaderLeft extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReaderLeft() {
      super("the reader left", null, false, false);
    }
  }

  /**
   * The default fields: every one; in JSON without {@code date}, which each day carries already.
   */
  private static List<ResultField> defaults(OutputFormat format, ResultFields all) {
    List<ResultField> out = new ArrayList<>(all.defaults());
    if (format == OutputFormat.json) {
      out.removeIf(f -> f.name().equals("date"));
    }
    return out;
  }
}
