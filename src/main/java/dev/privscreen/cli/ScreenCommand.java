package dev.privscreen.cli;

import dev.privscreen.error.UsageException;
import dev.privscreen.metrics.SnapshotIndex;
import dev.privscreen.model.Snapshot;
import dev.privscreen.output.OutputFormat;
import dev.privscreen.screen.Explain;
import dev.privscreen.screen.ResultField;
import dev.privscreen.screen.ScreenRequest;
import dev.privscreen.screen.ScreenResult;
import dev.privscreen.screen.Screener;
import dev.privscreen.screen.SortKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code privscreen screen}: apply rules to a snapshot and print ranked results. */
@Command(
    name = "screen",
    mixinStandardHelpOptions = true,
    description = "Apply rules to a snapshot and print ranked results.",
    sortOptions = false)
final class ScreenCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;

  @Mixin SourceOptions source;

  @Option(
      names = "--live",
      description = "Fetch first (like fetch), then screen; nothing is stored unless --save.")
  boolean live;

  @Option(names = "--save", description = "With --live: keep the fetched snapshot in the store.")
  boolean save;

  @Mixin RuleOptions rules;

  @Option(
      names = "--sort",
      paramLabel = "FIELD[:asc|desc]",
      converter = Converters.Sort.class,
      description =
          "Rank by FIELD (repeatable; numbers default to desc, text to asc). Default:"
              + " score:desc, gain_7d_pct:desc, symbol:asc.")
  List<SortKey> sort = new ArrayList<>();

  @Option(names = "--top", paramLabel = "N", description = "Print the first N results only.")
  Integer top;

  @Mixin OutputOptions output;

  @Option(names = "--fail-if-empty", description = "Exit 1 when nothing passed (for cron and &&).")
  boolean failIfEmpty;

  @Option(
      names = "--explain",
      paramLabel = "passed|all",
      arity = "0..1",
      fallbackValue = "passed",
      description =
          "Say why, one sentence per rule: for the results, or (all) for every asset,"
              + " rejected ones included.")
  Explain explain = Explain.none;

  @ArgGroup(validate = false, heading = "%nWith --live, the options of fetch:%n")
  FetchOptions fetch = new FetchOptions();

  @Override
  public Integer call() {
    Context ctx = root.ctx;
    ScreenRequest request = request();
    if (live && source.from != null) {
      throw new UsageException(
          "--live and --from contradict each other: choose one source of data");
    }
    if (save && !live) {
      throw new UsageException("--save goes with --live");
    }
    LiveFetch.Outcome fetched = live ? LiveFetch.run(ctx, root.global, fetch, save) : null;
    Snapshot snapshot = live ? fetched.snapshot() : source.load(ctx);
    SnapshotIndex index = SnapshotIndex.of(snapshot);
    Warnings.unknownIds(ctx, root.global, index);

    ScreenResult result;
    List<ResultField> fields;
    try {
      result = Screener.screen(index, request);
      fields = output.fields(result.fields());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    OutputFormat format = output.format();
    format.renderer(OutputOptions.style(ctx, root.global)).render(result, fields, ctx.out());
    ctx.out().flush();
    if (format == OutputFormat.table && !root.global.quiet) {
      ctx.err().println(summary(result));
    }
    if (failIfEmpty && result.results().isEmpty()) {
      return ExitCode.EMPTY.code;
    }
    return fetched == null ? ExitCode.OK.code : fetched.exitCode();
  }

  private ScreenRequest request() {
    try {
      return new ScreenRequest(
          source.asOf, rules.rules(), rules.match, rules.oiLookback(), sort, top, explain);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static String summary(ScreenResult r) {
    StringBuilder s = new StringBuilder();
    s.append(r.passed()).append(" of ").append(r.screened()).append(" assets passed");
    if (!r.rules().isEmpty()) {
      s.append(" (").append(r.match()).append(": ");
      for (int i = 0; i < r.rules().size(); i++) {
        s.append(i == 0 ? "" : ", ").append(r.rules().get(i).description());
      }
      s.append(')');
    }
    if (r.results().size() < r.passed()) {
      s.append("; showing the top ").append(r.results().size());
    }
    s.append("; as of ").append(r.asOf().toString(), 0, 10);
    return s.toString();
  }
}
