package dev.privscreen.cli;

import dev.privscreen.error.UsageException;
import dev.privscreen.format.Kind;
import dev.privscreen.format.NamedColumn;
import dev.privscreen.metrics.SnapshotIndex;
import dev.privscreen.output.RecordOutput;
import dev.privscreen.screen.SectorSummary;
import dev.privscreen.source.SnapshotReader;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code privscreen sector}: the whole category in one record. */
@Command(
    name = "sector",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  privscreen sector --from examples/privacy-2025-11-07",
      "  privscreen sector --json | jq .gain_7d_pct_cap_weighted"
    },
    sortOptions = false,
    description = {
      "One-line-per-metric summary of the whole category.",
      "gain_7d_pct_cap_weighted = (sum m / sum (m / (1 + g/100)) - 1) x 100 over assets with a"
          + " market cap m and a 7-day gain g: the change of the sector's total cap, supply held"
          + " constant."
    })
final class SectorCommand implements Callable<Integer> {
  static final String SCHEMA = "privscreen.sector/1";

  static final List<NamedColumn<SectorSummary>> COLUMNS =
      List.of(
          new NamedColumn<>("as_of", Kind.TIME, SectorSummary::asOf),
          new NamedColumn<>("category", Kind.TEXT, SectorSummary::category),
          new NamedColumn<>("count", Kind.INTEGER, SectorSummary::count),
          new NamedColumn<>("market_cap_usd", Kind.USD, SectorSummary::marketCapUsd),
          new NamedColumn<>("volume_24h_usd", Kind.USD, SectorSummary::volume24hUsd),
          new NamedColumn<>("oi_usd", Kind.USD, SectorSummary::oiUsd),
          new NamedColumn<>(
              "gain_7d_pct_cap_weighted", Kind.PERCENT, SectorSummary::gain7dPctCapWeighted),
          new NamedColumn<>("gain_7d_pct_median", Kind.PERCENT, SectorSummary::gain7dPctMedian),
          new NamedColumn<>("up_7d", Kind.INTEGER, SectorSummary::up7d),
          new NamedColumn<>("over_100_7d", Kind.INTEGER, SectorSummary::over100In7d),
          new NamedColumn<>("listings_7d", Kind.INTEGER, SectorSummary::listings7d),
          new NamedColumn<>("funding_rate_pct", Kind.RATE_PERCENT, SectorSummary::fundingRatePct),
          new NamedColumn<>("funding_7d_pct", Kind.RATE_PERCENT, SectorSummary::funding7dPct),
          new NamedColumn<>("leaders", Kind.IDS, SectorSummary::leaders));

  @ParentCommand RootCommand root;

  @Mixin SourceOptions source;

  @Mixin OutputOptions output;

  @picocli.CommandLine.Option(
      names = "--watch",
      paramLabel = "INTERVAL",
      converter = Converters.DurationConverter.class,
      description =
          "Summarise again every INTERVAL (at least 1s) from the store as cron writes it: on a"
              + " terminal, repaint; elsewhere, one NDJSON line {\"event\":\"sector\",...} each"
              + " time a figure changed. Ctrl-C quits.")
  java.time.Duration watch;

  @Override
  public Integer call() {
    Context ctx = root.ctx;
    // every table, and the days the default figures look back over from the day summed
    SnapshotReader.Scope scope =
        Projection.scope(
            List.of(), null, List.of(), SectorSummary.SPEC, source.dayBeforeReading(ctx), null);
    if (watch != null) {
      return watch(ctx, scope);
    }
    SnapshotIndex index = SnapshotIndex.of(source.load(ctx, root.global.quiet, scope));
    Warnings.unknownIds(ctx, root.global, index);
    SectorSummary s;
    try {
      s = SectorSummary.of(index, source.asOf);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    RecordOutput.single(
        output.format(),
        OutputOptions.style(ctx, root.global),
        output.out(ctx, false),
        g -> g.writeStringField("schema", SCHEMA),
        s,
        output.select(COLUMNS));
    return ExitCode.OK.code;
  }

  /**
   * --watch: the summary again every interval; on a terminal repainted in place, elsewhere one
   * NDJSON line each time it changed (the first always).
   */
  private int watch(Context ctx, SnapshotReader.Scope scope) {
    boolean terminal = ctx.stdoutIsTerminal();
    var style = OutputOptions.style(ctx, root.global);
    String[] last = {null};
    String quit = Watch.quitHint(ctx);
    Runnable paint =
        () -> {
          ctx.out().print(Watch.CLEAR);
          ctx.out().println(Watch.header(style, "privscreen sector", watch, null, quit));
          ctx.out().print(last[0]);
        };
    return Watch.every(
        ctx,
        watch,
        () -> {
          SectorSummary s;
          try {
            s = SectorSummary.of(SnapshotIndex.of(source.load(ctx, true, scope)), source.asOf);
          } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
          }
          java.io.StringWriter w = new java.io.StringWriter();
          java.io.PrintWriter pw = new java.io.PrintWriter(w);
          RecordOutput.single(
              terminal
                  ? dev.privscreen.output.OutputFormat.table
                  : dev.privscreen.output.OutputFormat.ndjson,
              style,
              pw,
              g -> g.writeStringField("event", "sector"),
              s,
              output.select(COLUMNS));
          pw.flush();
          String now = w.toString();
          boolean changed = !now.equals(last[0]);
          last[0] = now;
          if (terminal) {
            paint.run();
          } else if (changed) {
            ctx.out().print(now);
          }
        },
        () -> {
          if (terminal && last[0] != null) {
            paint.run();
          }
        });
  }
}
