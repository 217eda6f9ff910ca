package dev.privscreen.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.privscreen.chart.Chart;
import dev.privscreen.chart.TerminalChart;
import dev.privscreen.chart.VectorChart;
import dev.privscreen.error.DataException;
import dev.privscreen.error.UsageException;
import dev.privscreen.metrics.SnapshotIndex;
import dev.privscreen.model.Asset;
import dev.privscreen.output.Json;
import dev.privscreen.source.SnapshotReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code privscreen chart}: price, volume and open interest of assets, drawn. */
@Command(
    name = "chart",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  privscreen chart ZEC --from examples/privacy-2025-11-07",
      "  privscreen chart ZEC RAIL --normalize --out zec-rail.svg",
      "  privscreen chart zcash --days 30 --panels price,oi --format json | jq '.assets[0].series'"
    },
    sortOptions = false,
    description = {
      "Draw the close, volume and open interest of one or more assets, with the OI's previous"
          + " high and the listings (▲) and delistings (▼) marked: in the terminal, as SVG or PNG"
          + " (--out), or the series as JSON (--format json)."
    })
final class ChartCommand implements Callable<Integer> {
  static final String SCHEMA = "privscreen.chart/1";

  @ParentCommand RootCommand root;

  @Parameters(arity = "1..*", paramLabel = "SYMBOL|ID", description = "The assets to draw.")
  List<String> assets = new ArrayList<>();

  @Mixin SourceOptions source;

  @Option(
      names = "--live",
      description =
          "Fetch first, with fetch's defaults (and the environment's and config's endpoints and"
              + " keys), and draw that; nothing is stored. To tune the fetch: fetch, then chart.")
  boolean live;

  @Option(names = "--days", defaultValue = "90", description = "Days drawn (default: 90).")
  int days;

  @Option(
      names = "--panels",
      split = ",",
      paramLabel = "PANEL",
      description = "Panels, top to bottom: ${COMPLETION-CANDIDATES} (default: all with data).")
  List<Chart.Panel> panels = new ArrayList<>();

  @Option(
      names = "--normalize",
      description = "Rebase each asset to 100 on its first day, so several share one axis.")
  boolean normalize;

  @Option(names = "--log", description = "A logarithmic price axis.")
  boolean log;

  @Option(
      names = "--width",
      description =
          "Width: characters in the terminal, 30 to 2000 (default: COLUMNS or the terminal's,"
              + " else 100), pixels with --out, 320 to 8000 (default: 900).")
  Integer width;

  @Option(
      names = "--height",
      description =
          "Height: rows of the price panel in the terminal, 3 to 200 (default: 12), pixels with"
              + " --out, 240 to 8000 (default: 500).")
  Integer height;

  static final int MIN_COLUMNS = 30;
  static final int MAX_COLUMNS = 2000;

  /** --width and --height within their documented range, or a usage error. */
  private void checkSize() {
    boolean picture = out != null;
    within(
        "--width",
        width,
        picture ? 320 : MIN_COLUMNS,
        picture ? 8000 : MAX_COLUMNS,
        picture ? "pixels" : "characters");
    within(
        "--height", height, picture ? 240 : 3, picture ? 8000 : 200, picture ? "pixels" : "rows");
  }

  private static void within(String option, Integer value, int least, int most, String unit) {
    if (value != null && (value < least || value > most)) {
      throw new UsageException(
          option + " " + value + ": from " + least + " to " + most + " " + unit);
    }
  }

  @Option(names = "--out", paramLabel = "FILE", description = "Write FILE.svg or FILE.png instead.")
  Path out;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "table (the drawing) or json (the series); default: table.")
  String format;

  @Option(names = "--json", description = "Short for --format json.")
  boolean json;

  @Override
  public Integer call() {
    Context ctx = root.ctx;
    checkSize();
    String fmt =
        OutputOptions.chosen(
            json, format == null ? null : format.toLowerCase(Locale.ROOT), "json", "table");
    if (!fmt.equals("table") && !fmt.equals("json")) {
      throw new UsageException(
          "--format: chart draws a table (the terminal) or json, not " + format);
    }
    if (days < 1 || days > 3650) {
      throw new UsageException("--days: " + days + " must be between 1 and 3650");
    }
    if (live && source.from != null) {
      throw new UsageException(
          "--live and --from contradict each other: choose one source of data");
    }
    SnapshotIndex index =
        SnapshotIndex.of(
            live
                ? LiveDefaults.options().run(ctx, root.global, null, false).snapshot()
                : source.load(ctx, root.global.quiet, scope(ctx)));
    List<Asset> chosen = new ArrayList<>();
    for (String a : assets) {
      chosen.add(find(index, a));
    }
    Chart c;
    try {
      c =
          Chart.of(
              index,
              chosen,
              source.asOf,
              days,
              panels.isEmpty() ? EnumSet.noneOf(Chart.Panel.class) : EnumSet.copyOf(panels),
              normalize,
              log);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    if (!root.global.quiet) {
      for (String l : c.leftOut()) {
        ctx.err().println("privscreen: chart: left out: " + l);
      }
    }
    if (out != null) {
      write(c, out);
      ctx.out().println(out);
      return ExitCode.OK.code;
    }
    if (fmt.equals("json")) {
      json(c, ctx);
      return ExitCode.OK.code;
    }
    // the terminal's width bounded (a COLUMNS of 100,000 is not a request); a given one checked
    int w = width != null ? width : Math.min(MAX_COLUMNS, Math.max(MIN_COLUMNS, ctx.columns(100)));
    ctx.out()
        .print(
            TerminalChart.render(
                c, w, height == null ? 12 : height, OutputOptions.style(ctx, root.global).color()));
    return ExitCode.OK.code;
  }

  /** Every table, and the days drawn with those the previous high looks back over. */
  private SnapshotReader.Scope scope(Context ctx) {
    LocalDate to = source.dayBeforeReading(ctx);
    return to == null
        ? SnapshotReader.Scope.ALL
        : new SnapshotReader.Scope(java.util.Set.of(), Chart.firstDayUsed(to, days), to);
  }

  /** fetch's options at their defaults, as picocli fills them, for --live. */
  @Command(name = "live-defaults")
  static final class LiveDefaults {
    @Mixin FetchOptions options;

    static FetchOptions options() {
      picocli.CommandLine.Model.CommandSpec spec = CommandModel.command(LiveDefaults.class, null);
      new picocli.CommandLine(spec).parseArgs(); // the options' defaults applied
      return ((LiveDefaults) spec.userObject()).options;
    }
  }

  /** An asset by symbol (any case) or CoinGecko id. */
  private static Asset find(SnapshotIndex index, String key) {
    List<Asset> bySymbol = new ArrayList<>();
    for (Asset a : index.snapshot().assets()) {
      if (a.id().equals(key)) {
        return a; // an id names one asset
      }
      if (a.symbol().equalsIgnoreCase(key)) {
        bySymbol.add(a);
      }
    }
    if (bySymbol.size() > 1) { // a symbol shared: which one is not ours to guess
      List<String> ids = new ArrayList<>();
      bySymbol.forEach(a -> ids.add(a.id()));
      throw new UsageException(
          "'"
              + key
              + "' is the symbol of "
              + ids.size()
              + " assets: name one by its id ("
              + String.join(", ", ids)
              + ")");
    }
    if (bySymbol.isEmpty()) {
      throw new UsageException("no asset '" + key + "' in the snapshot (a symbol or an id)");
    }
    return bySymbol.get(0);
  }

  private void write(Chart c, Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int w = width == null ? 900 : width;
    int h = height == null ? 500 : height;
    try {
      if (name.endsWith(".svg")) {
        java.nio.file.Files.writeString(file, VectorChart.svg(c, w, h));
      } else if (name.endsWith(".png")) {
        VectorChart.png(c, w, h, file);
      } else {
        throw new UsageException("--out: " + file + " must end in .svg or .png");
      }
    } catch (IOException e) {
      throw new DataException(file + ": cannot write: " + e.getMessage(), e);
    }
  }

  private static void json(Chart c, Context ctx) {
    try (JsonGenerator g = Json.generator(ctx.out(), true)) {
      g.writeStartObject();
      g.writeStringField("schema", SCHEMA);
      g.writeStringField("from", c.from().toString());
      g.writeStringField("to", c.to().toString());
      g.writeArrayFieldStart("panels");
      for (Chart.Panel p : c.panels()) {
        g.writeString(p.name());
      }
      g.writeEndArray();
      g.writeArrayFieldStart("assets");
      for (Chart.Series s : c.assets()) {
        g.writeStartObject();
        g.writeStringField("symbol", s.symbol());
        g.writeStringField("name", s.name());
        g.writeFieldName("oi_prev_high_usd");
        Json.number(g, Double.isNaN(s.oiPrevHigh()) ? null : s.oiPrevHigh());
        g.writeArrayFieldStart("series");
        for (int i = 0; i < c.days(); i++) {
          g.writeStartObject();
          g.writeStringField("date", c.from().plusDays(i).toString());
          num(g, "close_usd", s.close()[i]);
          num(g, "volume_usd", s.volume()[i]);
          num(g, "oi_usd", s.oi()[i]);
          num(g, "funding_rate_pct", s.funding()[i]);
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("events");
        for (Chart.Event e : s.events()) {
          g.writeStartObject();
          g.writeStringField("date", e.day().toString());
          g.writeStringField("action", e.list() ? "list" : "delist");
          g.writeStringField("venue", e.venue());
          g.writeStringField("market", e.market());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ctx.out().println();
  }

  private static void num(JsonGenerator g, String key, double v) throws IOException {
    g.writeFieldName(key);
    Json.number(g, Double.isNaN(v) ? null : v);
  }
}
