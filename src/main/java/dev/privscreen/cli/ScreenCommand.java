package dev.privscreen.cli;

import dev.privscreen.error.UsageException;
import dev.privscreen.fetch.LiveFetch;
import dev.privscreen.fields.ResultField;
import dev.privscreen.fields.ResultFields;
import dev.privscreen.fields.ResultRow;
import dev.privscreen.metrics.SnapshotIndex;
import dev.privscreen.model.Snapshot;
import dev.privscreen.output.OutputFormat;
import dev.privscreen.screen.Explain;
import dev.privscreen.screen.ScreenRequest;
import dev.privscreen.screen.ScreenResult;
import dev.privscreen.screen.Screener;
import dev.privscreen.screen.SortKey;
import dev.privscreen.source.SnapshotReader;
import dev.privscreen.store.AlertState;
import dev.privscreen.store.StorePaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    footerHeading = "%nExamples:%n",
    footer = {
      "  privscreen screen --from examples/privacy-2025-11-07 --min-gain 7d=100",
      "  privscreen screen --min-gain 7d=100 --volume-spike 2.5 --match any",
      "  privscreen screen --json --min-gain 7d=100 | jq -r '.results[].symbol'",
      "  privscreen screen --as-of 2025-11-01 --oi-above 770M --explain",
      "  privscreen screen --where 'oi_usd / market_cap_usd > 0.1'",
      "  privscreen screen -q --alert movers --cooldown 24h --oi-breakout --fail-if-empty"
    },
    description = "Apply rules to a snapshot and print ranked results.",
    sortOptions = false)
class ScreenCommand implements Callable<Integer> {
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
      completionCandidates = Completions.SortFields.class,
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

  @Option(
      names = "--alert",
      paramLabel = "NAME",
      description =
          "Print only assets that entered the result since the last run with this NAME (state"
              + " kept in the store); with --fail-if-empty, 'nothing new' exits 1.")
  String alert;

  @Option(
      names = "--cooldown",
      paramLabel = "DURATION",
      converter = Converters.DurationConverter.class,
      description =
          "With --alert: an asset alerted less than this long ago is not alerted again when it"
              + " re-enters (e.g. 24h; default: 0).")
  java.time.Duration cooldown;

  @Option(
      names = "--notify",
      paramLabel = "URL",
      description =
          "With --alert: also send what it prints, one message a run, to this target (repeatable):"
              + " ntfy://[user:pass@]host/topic, tgram://BOT_TOKEN/CHAT_ID,"
              + " discord://WEBHOOK_ID/WEBHOOK_TOKEN, slack://T/B/X, json(s)://host/path; or @NAME,"
              + " a target of the config file's notify section. Better than a URL here, which"
              + " shows in ps: PRIVSCREEN_NOTIFY (space-separated URLs), used when no --notify is"
              + " given. An asset is marked alerted only when a target took it.")
  List<String> notify = new ArrayList<>();

  @Option(
      names = "--strict",
      description =
          "Exit 4 when a --notify target did not take the message, or with --live when some"
              + " sources failed (default: 0 and a warning).")
  boolean strict;

  @Option(
      names = "--notify-test",
      paramLabel = "URL",
      description =
          "Send a test message to this target (a URL or @NAME) and say what the service answered;"
              + " exit 4 when it refused. Nothing is screened.")
  String notifyTest;

  @Option(
      names = "--watch",
      paramLabel = "INTERVAL",
      converter = Converters.DurationConverter.class,
      description =
          "Screen again every INTERVAL (at least 1s) from the store as cron writes it, or with"
              + " --live from a fetch each time (at least 1m): on a terminal, repaint with what"
              + " entered and left (q quits, resizes repaint); elsewhere, one NDJSON event per"
              + " change ({\"event\":\"entered\",...}).")
  java.time.Duration watch;

  /** Whether some target refused this run's message (exit 4 with --strict). */
  private boolean undelivered;

  private void refused() {
    undelivered = true;
  }

  /**
   * fetch's options, for {@code --live}: only {@link Live} has them, as picocli's model of fifteen
   * more options costs every plain screen about 6% of its start-up. {@link Cli} runs {@code Live}
   * when the arguments say {@code --live}, and shows it in help, completion and man pages.
   */
  FetchOptions fetch() {
    return new FetchOptions();
  }

  /**
   * The longest retry hint a --notify target is waited for: --max-wait, fetch's option, which
   * {@link Cli} gives screen (through {@link Live}) when it is named, without --live too.
   */
  private java.time.Duration notifyMaxWait() {
    return fetch().maxWait;
  }

  /**
   * Refuses fetch's options on a screen without --live, but --max-wait, which also bounds
   * --notify's waits: picocli parsed them because --max-wait made {@link Cli} use {@link Live}.
   */
  private void onlyMaxWaitWithoutLive() {
    if (live || spec == null) {
      return;
    }
    for (picocli.CommandLine.Model.OptionSpec o :
        spec.commandLine().getParseResult().matchedOptions()) {
      if (o.group() != null && !o.longestName().equals("--max-wait")) {
        throw new UsageException(o.longestName() + " goes with --live (it is fetch's)");
      }
    }
  }

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** {@code screen} with the options of fetch, for {@code --live}. */
  static final class Live extends ScreenCommand {
    @ArgGroup(validate = false, heading = "%nWith --live, the options of fetch:%n")
    FetchOptions fetch = new FetchOptions();

    @Override
    FetchOptions fetch() {
      return fetch;
    }
  }

  @Override
  public Integer call() {
    Context ctx = root.ctx;
    onlyMaxWaitWithoutLive();
    if (notifyTest != null) {
      return Notifications.test(ctx, root.global, notifyTest, alert, notifyMaxWait());
    }
    ScreenRequest request = request();
    if (live && source.from != null) {
      throw new UsageException(
          "--live and --from contradict each other: choose one source of data");
    }
    if (save && !live) {
      throw new UsageException("--save goes with --live");
    }
    if (watch != null) {
      return Watch.run(this, ctx, request);
    }
    FetchOptions fetch = fetch();
    if (fetch.out != null && fetch.out.toString().equals("-")) {
      throw new UsageException("--out -: screen prints its results on stdout; give a file");
    }
    LiveFetch.Outcome fetched =
        live ? fetch.run(ctx, root.global, save ? fetch.out : null, save) : null;
    // the days its figures look back over from the day screened, and every later one (which
    // only says, in a warning, when an asset's history begins)
    SnapshotReader.Scope scope =
        live
            ? SnapshotReader.Scope.ALL
            : Projection.scope(
                request.rules(),
                output.fields,
                sort,
                request.metricsSpec(),
                source.dayBeforeReading(ctx),
                null);
    Snapshot snapshot = live ? fetched.snapshot() : source.load(ctx, root.global.quiet, scope);
    SnapshotIndex index = SnapshotIndex.of(snapshot);
    Warnings.unknownIds(ctx, root.global, index);
    Warnings.beforeFirstData(ctx, root.global, index, source.asOf, scope.firstDay());

    ScreenResult result;
    List<ResultField> fields;
    try {
      result = Screener.screen(index, request);
      fields = output.fields(result.fields());
      if (!output.explicitFields() && output.format() == OutputFormat.table && wide(ctx)) {
        fields = withTrend(fields, result.fields());
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    if (alert != null) {
      result = onlyNew(ctx, result);
    } else if (cooldown != null) {
      throw new UsageException("--cooldown goes with --alert");
    }
    OutputFormat format = output.format();
    format
        .renderer(OutputOptions.style(ctx, root.global))
        .render(result, fields, output.out(ctx, true));
    ctx.out().flush();
    if (format == OutputFormat.table && !root.global.quiet) {
      ctx.err()
          .println(
              alert == null
                  ? summary(result)
                  : result.results().size()
                      + " new since the last run of alert '"
                      + alert
                      + "' ("
                      + result.passed()
                      + " of "
                      + result.screened()
                      + " assets passed)");
    }
    if (failIfEmpty && result.results().isEmpty()) {
      return ExitCode.EMPTY.code;
    }
    if (strict && undelivered) {
      return ExitCode.PARTIAL.code;
    }
    return fetched == null ? ExitCode.OK.code : FetchOptions.exitCode(fetched, strict);
  }

  /** One screen of what the source holds now, for {@link Watch}: its result and fields. */
  Map.Entry<ScreenResult, List<ResultField>> screenNow(Context ctx, ScreenRequest request) {
    SnapshotReader.Scope scope =
        Projection.scope(
            request.rules(),
            output.fields,
            sort,
            request.metricsSpec(),
            source.dayBeforeReading(ctx),
            null);
    Snapshot snapshot;
    if (live) { // a whole fetch each refresh, kept with --save
      FetchOptions fetch = fetch();
      snapshot = fetch.run(ctx, root.global, save ? fetch.out : null, save).snapshot();
    } else {
      snapshot = source.load(ctx, true, scope);
    }
    SnapshotIndex index = SnapshotIndex.of(snapshot);
    try {
      ScreenResult result = Screener.screen(index, request);
      return Map.entry(result, output.fields(result.fields()));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  OutputOptions output() {
    return output;
  }

  boolean quiet() {
    return root.global.quiet;
  }

  GlobalOptions global() {
    return root.global;
  }

  java.time.Duration watchInterval() {
    return watch;
  }

  boolean live() {
    return live;
  }

  String alertName() {
    return alert;
  }

  private ScreenRequest request() {
    try {
      return new ScreenRequest(
          source.asOf, rules.rules(), rules.match, rules.oiLookback(), sort, top, explain);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** The result cut to what is new since the last run with this alert name; the state updated. */
  private ScreenResult onlyNew(Context ctx, ScreenResult r) {
    AlertState state;
    try {
      state =
          new AlertState(StorePaths.from(ctx.env()).snapshots().resolveSibling("alerts"), alert);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    java.time.Instant now = java.time.Instant.now();
    java.time.Duration cool = cooldown == null ? java.time.Duration.ZERO : cooldown;
    List<dev.privscreen.notify.Target> targets = Notifications.targets(ctx, root.global, notify);
    List<ResultRow> fresh =
        state.update(
            java.time.Duration.ofSeconds(30),
            old -> {
              List<ResultRow> out = new java.util.ArrayList<>();
              java.util.Set<String> members = new java.util.TreeSet<>();
              java.util.Map<String, java.time.Instant> alerted =
                  new java.util.TreeMap<>(old.alertedAt());
              for (ResultRow row : r.results()) {
                String id = row.metrics().asset().id();
                members.add(id);
                java.time.Instant last = old.alertedAt().get(id);
                boolean cooling = last != null && last.plus(cool).isAfter(now);
                if (!old.members().contains(id) && !cooling) {
                  out.add(row);
                  alerted.put(id, now);
                }
              }
              if (!targets.isEmpty()
                  && !out.isEmpty()
                  && !Notifications.send(
                      ctx, targets, alert, r.asOf(), out, notifyMaxWait(), this::refused)) {
                // no target took it: the next run finds these new again and sends them again
                for (ResultRow row : out) {
                  String id = row.metrics().asset().id();
                  members.remove(id);
                  if (old.alertedAt().containsKey(id)) {
                    alerted.put(id, old.alertedAt().get(id));
                  } else {
                    alerted.remove(id);
                  }
                }
              }
              return java.util.Map.entry(new AlertState.State(members, alerted), out);
            });
    return new ScreenResult(
        r.asOf(),
        r.category(),
        r.rules(),
        r.match(),
        r.explain(),
        r.fields(),
        List.copyOf(fresh),
        r.rejected(),
        r.screened(),
        r.passed(),
        r.unknown());
  }

  /** A terminal of 150 columns or more has room for the 30-day trend. */
  private static boolean wide(Context ctx) {
    return ctx.stdoutIsTerminal() && ctx.columns(0) >= 150;
  }

  /** The table's columns with the trend before the signals. */
  private static List<ResultField> withTrend(List<ResultField> fields, ResultFields all) {
    List<ResultField> out = new ArrayList<>(fields);
    int at = out.indexOf(all.get("signals"));
    out.add(at < 0 ? out.size() : at, all.get("trend_30d"));
    return out;
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
    java.time.Instant oi = r.oiAsOf();
    if (oi != null && oi.getEpochSecond() % 86_400 != 0) {
      // today's OI is current readings, not the day's 00:00 UTC: say how old the oldest is
      String t = oi.toString();
      boolean sameDay = t.startsWith(r.asOf().toString().substring(0, 10));
      s.append("; OI as of ").append(sameDay ? "" : t.substring(0, 10) + " ");
      s.append(t, 11, 16).append('Z');
    }
    return s.toString();
  }
}
