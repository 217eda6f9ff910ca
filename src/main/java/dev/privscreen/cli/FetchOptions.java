package dev.privscreen.cli;

import dev.privscreen.config.Config;
import dev.privscreen.error.UsageException;
import dev.privscreen.fetch.FetchPlan;
import dev.privscreen.fetch.LiveFetch;
import dev.privscreen.source.http.Endpoints;
import dev.privscreen.store.StorePaths;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** How {@code fetch} (and {@code screen --live}) reach the live sources. */
public final class FetchOptions {
  @Option(
      names = "--sources",
      paramLabel = "NAME",
      split = ",",
      completionCandidates = FetchOptions.SourceNames.class,
      description = "Sources to fetch (default: all: ${COMPLETION-CANDIDATES}).")
  List<String> sources = new ArrayList<>(Endpoints.SOURCES);

  @Option(
      names = "--days",
      defaultValue = "30",
      description = "History depth in days (default: 30).")
  int days;

  @Option(
      names = "--category",
      defaultValue = "privacy-coins",
      description =
          "CoinGecko category (default: privacy-coins); universe members are always added.")
  String category;

  @Option(
      names = "--endpoint",
      paramLabel = "NAME=URL",
      description = "Base URL of a source, for tests and mirrors (also PRIVSCREEN_<NAME>_URL).")
  List<String> endpoints = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the snapshot here, not in the store; - for stdout.")
  Path out; // "-": stdout

  @Option(
      names = "--offline",
      description = "Use the HTTP cache only; what is not there is an error.")
  boolean offline;

  @Option(names = "--refresh", description = "Ignore the HTTP cache; fetch everything anew.")
  boolean refresh;

  @Option(
      names = "--max-wait",
      paramLabel = "DURATION",
      defaultValue = "60s",
      converter = Converters.DurationConverter.class,
      description =
          "Longest Retry-After honoured; longer fails the source (with screen, a --notify"
              + " target too; default: 60s).")
  Duration maxWait;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = Converters.DurationConverter.class,
      description = "Time allowed for one exchange, connect to last byte (default: 30s).")
  Duration timeout;

  @Option(
      names = "--max-time",
      paramLabel = "DURATION",
      defaultValue = "15m",
      converter = Converters.DurationConverter.class,
      description =
          "Time allowed for the whole fetch; what has not come by then fails (default: 15m).")
  Duration maxTime;

  @Option(
      names = "--rate-limit",
      paramLabel = "NAME=PER_MIN",
      description =
          "Calls a minute to a source (defaults: coingecko 10, 30 with a key; binance 200; okx 300;"
              + " bybit 600; bitget 600; coinmetrics 90; defillama 120).")
  List<String> rateLimits = new ArrayList<>();

  @Option(
      names = "--metric",
      paramLabel = "NAME",
      description =
          "A further Coin Metrics asset metric to fetch (repeatable), e.g. CapMrktCurUSD, kept as"
              + " m_cm_cap_mrkt_cur_usd; AdrActCnt, TxCnt and FeeTotUSD always come, as"
              + " m_active_addresses, m_tx_count and m_fees_usd.")
  List<String> metrics = new ArrayList<>();

  @Option(
      names = "--lock-wait",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = Converters.DurationConverter.class,
      description = "How long to wait for another fetch to finish (default: 30s).")
  Duration lockWait;

  /**
   * The fetch these options ask for: the command line over the environment over the config file
   * over the defaults, every value checked (a bad one is a usage error naming it).
   */
  FetchPlan plan(Map<String, String> env, Config config) {
    for (String src : sources) {
      if (!Endpoints.SOURCES.contains(src)) {
        throw new UsageException(
            "--sources: '" + src + "' is not one of " + String.join(", ", Endpoints.SOURCES));
      }
    }
    String key = firstNonBlank(env.get("COINGECKO_API_KEY"), config.coingeckoApiKey());
    String plan =
        firstNonBlank(env.get("COINGECKO_API_PLAN"), config.coingeckoApiPlan(), "demo")
            .toLowerCase(Locale.ROOT);
    if (!plan.equals("demo") && !plan.equals("pro")) {
      throw new UsageException("COINGECKO_API_PLAN must be demo or pro, not '" + plan + "'");
    }
    if (days < 1 || days > 3650) {
      throw new UsageException("--days: " + days + " must be between 1 and 3650");
    }
    if (offline && refresh) {
      throw new UsageException("--offline and --refresh contradict each other");
    }
    positive("--timeout", timeout);
    positive("--max-time", maxTime);
    if (maxWait.isNegative() || lockWait.isNegative()) {
      throw new UsageException("--max-wait and --lock-wait cannot be negative");
    }
    Map<String, Double> rates = new LinkedHashMap<>(FetchPlan.DEFAULT_RATES);
    if (key != null) {
      rates.put("coingecko", plan.equals("pro") ? 500.0 : 30.0);
    }
    config.rateLimits().forEach((name, v) -> rates.put(name, rate("rate_limits." + name, name, v)));
    for (String r : rateLimits) {
      int eq = r.indexOf('=');
      String name = eq < 0 ? "" : r.substring(0, eq).strip();
      double v;
      try {
        v = eq < 0 ? Double.NaN : Double.parseDouble(r.substring(eq + 1).strip());
      } catch (NumberFormatException e) {
        v = Double.NaN;
      }
      rates.put(name, rate("--rate-limit: '" + r + "'", name, v));
    }
    for (String m : metrics) {
      if (!m.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
        throw new UsageException(
            "--metric: '" + m + "' is not a Coin Metrics metric name (letters, digits, _)");
      }
    }
    Endpoints ends;
    try {
      ends = Endpoints.resolve(endpoints, env, config.endpoints(), plan.equals("pro"));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return new FetchPlan(
        List.copyOf(new LinkedHashSet<>(sources)),
        days,
        category,
        ends,
        rates,
        key,
        plan.equals("pro"),
        timeout,
        maxTime,
        maxWait,
        lockWait,
        offline,
        refresh,
        config.universe(),
        dev.privscreen.source.http.Fetcher.coinMetricsWith(metrics),
        testHook(env, "PRIVSCREEN_MAX_BODY_BYTES", 32L << 20),
        Duration.ofMillis(testHook(env, "PRIVSCREEN_BACKOFF_MS", 1000)),
        clock(env));
  }

  /** Runs the fetch these options ask for; {@code out} null means the store. */
  LiveFetch.Outcome run(Context ctx, GlobalOptions global, Path out, boolean save) {
    FetchPlan plan = plan(ctx.env(), global.config(ctx));
    return LiveFetch.run(
        plan,
        StorePaths.from(ctx.env()),
        out,
        save,
        new LiveFetch.Report(
            ctx.err(), global.quiet, ctx.stdoutIsTerminal() && !global.quiet, global.debug));
  }

  /**
   * 0, or 4 with --strict when some sources failed (SPEC §5). {@code --strict} is the command's own
   * option (screen's also covers --notify), not one of these.
   */
  static int exitCode(LiveFetch.Outcome o, boolean strict) {
    return strict && o.failed() > 0 ? ExitCode.PARTIAL.code : ExitCode.OK.code;
  }

  /** A rate in calls a minute: a positive, finite number for a known source. */
  private static double rate(String what, String name, double v) {
    if (!Endpoints.SOURCES.contains(name)) {
      throw new UsageException(
          what + ": '" + name + "' is not one of " + String.join(", ", Endpoints.SOURCES));
    }
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new UsageException(
          what + ": calls a minute must be a number above 0 (e.g. " + name + "=30)");
    }
    return v;
  }

  private static void positive(String flag, Duration d) {
    if (d.isZero() || d.isNegative()) {
      throw new UsageException(flag + ": must be longer than 0 (e.g. 30s)");
    }
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  /** A test hook: {@code PRIVSCREEN_NOW} fixes the instant a fetch takes for now. */
  private static java.time.Clock clock(Map<String, String> env) {
    String now = env.get("PRIVSCREEN_NOW");
    if (now == null) {
      return java.time.Clock.systemUTC();
    }
    try {
      return java.time.Clock.fixed(java.time.Instant.parse(now.strip()), java.time.ZoneOffset.UTC);
    } catch (java.time.format.DateTimeParseException e) {
      throw new UsageException(
          "PRIVSCREEN_NOW: '" + now + "' is not an instant like 2025-11-01T14:00:00Z");
    }
  }

  /** Test hooks: smaller bodies and backoffs, so fault tests run in milliseconds. */
  private static long testHook(Map<String, String> env, String name, long dflt) {
    String v = env.get(name);
    try {
      return v == null ? dflt : Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw new UsageException(name + ": '" + v + "' is not a whole number");
    }
  }

  /** Completion candidates for --sources. */
  static final class SourceNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    SourceNames() {
      super(Endpoints.SOURCES);
    }
  }
}
