package dev.privscreen.cli;

import dev.privscreen.error.UsageException;
import dev.privscreen.metrics.SnapshotIndex;
import dev.privscreen.model.Snapshot;
import dev.privscreen.output.OutputFormat;
import dev.privscreen.rule.MinGainRule;
import dev.privscreen.rule.Rule;
import dev.privscreen.rule.VolumeSpikeRule;
import dev.privscreen.screen.Match;
import dev.privscreen.screen.ResultField;
import dev.privscreen.screen.ScreenRequest;
import dev.privscreen.screen.ScreenResult;
import dev.privscreen.screen.Screener;
import dev.privscreen.screen.SortKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
      names = "--min-gain",
      paramLabel = "WINDOW=PCT",
      converter = Converters.Gain.class,
      description =
          "Rule gain_<window>: price gain over the window >= PCT percent (repeatable: 24h=10,"
              + " 7d=100, 30d=50, 2w=80).")
  List<Converters.GainThreshold> minGain = new ArrayList<>();

  @Option(
      names = "--volume-spike",
      paramLabel = "FACTOR",
      converter = Converters.Amount.class,
      description =
          "Rule volume_spike: 24h volume >= FACTOR x the mean daily volume of the 30 days before.")
  Double volumeSpike;

  @Option(
      names = "--match",
      paramLabel = "all|any",
      defaultValue = "all",
      description = "Keep assets for which every rule fired (all) or at least one (any).")
  Match match;

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

  @Override
  public Integer call() {
    Context ctx = root.ctx;
    ScreenRequest request = request();
    Snapshot snapshot = source.load(ctx);
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
    return failIfEmpty && result.results().isEmpty() ? ExitCode.EMPTY.code : ExitCode.OK.code;
  }

  private ScreenRequest request() {
    try {
      List<Rule> rules = new ArrayList<>();
      for (Converters.GainThreshold g : minGain) {
        rules.add(new MinGainRule(g.window(), g.pct()));
      }
      if (volumeSpike != null) {
        rules.add(new VolumeSpikeRule(volumeSpike));
      }
      return new ScreenRequest(source.asOf, rules, match, sort, top);
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
