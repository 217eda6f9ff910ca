package dev.privscreen.cli;

import dev.privscreen.error.DataException;
import dev.privscreen.error.UsageException;
import dev.privscreen.model.Asset;
import dev.privscreen.model.Snapshot;
import dev.privscreen.model.SourceStatus;
import dev.privscreen.source.SnapshotReader;
import dev.privscreen.source.http.Caller;
import dev.privscreen.source.http.DiskCache;
import dev.privscreen.source.http.Endpoints;
import dev.privscreen.source.http.Fetcher;
import dev.privscreen.source.http.Http;
import dev.privscreen.source.http.HttpSettings;
import dev.privscreen.source.http.Redactor;
import dev.privscreen.store.HistoryMerge;
import dev.privscreen.store.SnapshotStore;
import dev.privscreen.store.StorePaths;
import dev.privscreen.universe.Universe;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code privscreen fetch}: live data from the public APIs into a snapshot. */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Pull live data (CoinGecko markets and history; open interest and listings from Binance,"
          + " OKX, Bybit, Bitget) into a new snapshot in the store, merged with the history"
          + " already there.",
      "API keys come from the environment only: COINGECKO_API_KEY, COINGECKO_API_PLAN=demo|pro."
    })
final class FetchCommand implements java.util.concurrent.Callable<Integer> {
  /** Documented public limits, in calls a minute, kept below the published figures. */
  static final Map<String, Double> DEFAULT_RATES =
      Map.of(
          "coingecko", 10.0, // keyless; a demo key allows 30, pro 500
          "binance", 200.0, // openInterestHist: 1000 per 5 minutes
          "okx", 150.0, // rubik statistics: 5 per 2 s
          "bybit", 600.0,
          "bitget", 600.0);

  @picocli.CommandLine.ParentCommand RootCommand root;

  @Option(
      names = "--sources",
      paramLabel = "NAME",
      split = ",",
      completionCandidates = SourceNames.class,
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
      description = "Write the snapshot here, not in the store.")
  Path out;

  @Option(
      names = "--offline",
      description = "Use the HTTP cache only; what is not there is an error.")
  boolean offline;

  @Option(names = "--refresh", description = "Ignore the HTTP cache; fetch everything anew.")
  boolean refresh;

  @Option(
      names = "--strict",
      description = "Exit 4 when some sources failed (default: 0 and a warning).")
  boolean strict;

  @Option(
      names = "--max-wait",
      paramLabel = "DURATION",
      defaultValue = "60s",
      converter = Converters.DurationConverter.class,
      description = "Longest Retry-After honoured; longer fails the source (default: 60s).")
  Duration maxWait;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = Converters.DurationConverter.class,
      description = "Time allowed for one answer (default: 30s).")
  Duration timeout;

  @Option(
      names = "--rate-limit",
      paramLabel = "NAME=PER_MIN",
      description =
          "Calls a minute to a source (defaults: coingecko 10, 30 with a key; binance 200; okx 150; bybit 600; bitget 600).")
  List<String> rateLimits = new ArrayList<>();

  @Option(
      names = "--lock-wait",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = Converters.DurationConverter.class,
      description = "How long to wait for another fetch to finish (default: 30s).")
  Duration lockWait;

  @Override
  public Integer call() {
    Context ctx = root.ctx;
    Map<String, String> env = ctx.env();
    String key = env.get("COINGECKO_API_KEY");
    String plan = env.getOrDefault("COINGECKO_API_PLAN", "demo").strip().toLowerCase(Locale.ROOT);
    Settings s = settings(env, key, plan);
    StorePaths paths = StorePaths.from(env);
    SnapshotStore store = new SnapshotStore(paths.snapshots());
    Redactor redactor = new Redactor(key == null ? List.of() : List.of(key));

    return store.locked(
        lockWait,
        () -> {
          Optional<Path> newest = store.newest();
          Snapshot previous = newest.map(SnapshotReader::read).orElse(null);
          ExecutorService pool = Executors.newFixedThreadPool(16, daemon());
          try {
            Http http =
                new Http(
                    new HttpSettings(
                        Duration.ofSeconds(10).compareTo(timeout) < 0
                            ? Duration.ofSeconds(10)
                            : timeout,
                        timeout,
                        maxBody(env),
                        3,
                        backoff(env),
                        maxWait,
                        "privscreen/" + new RootCommand.Version().getVersion()[0].substring(11)),
                    s.rates,
                    redactor);
            Map<String, Map<String, String>> headers = new LinkedHashMap<>();
            if (key != null && !key.isBlank()) {
              headers.put(
                  "coingecko",
                  Map.of(
                      plan.equals("pro") ? "x-cg-pro-api-key" : "x-cg-demo-api-key", key.strip()));
            }
            Caller caller =
                new Caller(
                    http,
                    s.endpoints,
                    new DiskCache(paths.cache().resolve("http"), Clock.systemUTC()),
                    offline,
                    refresh,
                    headers,
                    pool);
            boolean progress = ctx.stdoutIsTerminal() && !root.global.quiet;
            Fetcher fetcher =
                new Fetcher(
                    caller,
                    Universe.load(paths.universe()),
                    category,
                    days,
                    Clock.systemUTC(),
                    line -> {
                      if (progress) {
                        ctx.err().println("fetch: " + line);
                        ctx.err().flush();
                      }
                    });
            List<Asset> fallback = previous == null ? List.of() : previous.assets();
            Fetcher.Result result = fetcher.fetch(s.sources, fallback);
            return finish(ctx, store, previous, result, redactor);
          } finally {
            pool.shutdownNow();
          }
        });
  }

  private int finish(
      Context ctx, SnapshotStore store, Snapshot previous, Fetcher.Result r, Redactor redactor) {
    int failed = 0;
    for (SourceStatus st : r.statuses()) {
      boolean ok = st.status().equals("ok");
      failed += ok ? 0 : 1;
      if (!root.global.quiet || !ok) {
        ctx.err()
            .println(
                (ok ? "" : "privscreen: ")
                    + st.name()
                    + ": "
                    + (ok ? "ok" : "failed: " + redactor.apply(st.error()))
                    + (ok ? " (" + r.calls().get(st.name()) + " calls; " + st.error() + ")" : ""));
      }
    }
    if (r.snapshot() == null) {
      throw new DataException(
          failed == r.statuses().size()
              ? "all sources failed; nothing written"
              : "no asset data (coingecko did not answer and the store is empty); nothing written");
    }
    if (failed == r.statuses().size()) {
      throw new DataException("all sources failed; nothing written");
    }
    Snapshot merged = HistoryMerge.merge(previous, clean(r.snapshot()));
    Path written;
    if (out != null) {
      Path dir = out.toAbsolutePath().getParent();
      written = new SnapshotStore(dir).writeAs(merged, out.toAbsolutePath());
    } else {
      written = store.write(merged);
    }
    ctx.out().println(written);
    if (failed > 0) {
      ctx.err()
          .println(
              "privscreen: warning: "
                  + failed
                  + " of "
                  + r.statuses().size()
                  + " sources failed; the snapshot has the others' data"
                  + (strict ? "" : " (--strict makes this exit 4)"));
      return strict ? ExitCode.PARTIAL.code : ExitCode.OK.code;
    }
    return ExitCode.OK.code;
  }

  /** Source detail strings are for the summary line, not the file: keep the file's error only. */
  private static Snapshot clean(Snapshot s) {
    List<SourceStatus> st = new ArrayList<>();
    for (SourceStatus x : s.sources()) {
      st.add(
          new SourceStatus(
              x.name(), x.fetchedAt(), x.status(), x.status().equals("ok") ? null : x.error()));
    }
    return new Snapshot(
        s.asOf(),
        s.category(),
        s.assets(),
        s.prices(),
        s.openInterest(),
        s.listings(),
        s.metrics(),
        st);
  }

  private record Settings(List<String> sources, Endpoints endpoints, Map<String, Double> rates) {}

  private Settings settings(Map<String, String> env, String key, String plan) {
    try {
      for (String src : sources) {
        if (!Endpoints.SOURCES.contains(src)) {
          throw new IllegalArgumentException(
              "--sources: '" + src + "' is not one of " + String.join(", ", Endpoints.SOURCES));
        }
      }
      if (!plan.equals("demo") && !plan.equals("pro")) {
        throw new IllegalArgumentException(
            "COINGECKO_API_PLAN must be demo or pro, not '" + plan + "'");
      }
      if (days < 1 || days > 3650) {
        throw new IllegalArgumentException("--days: " + days + " must be between 1 and 3650");
      }
      if (offline && refresh) {
        throw new IllegalArgumentException("--offline and --refresh contradict each other");
      }
      Map<String, Double> rates = new LinkedHashMap<>(DEFAULT_RATES);
      if (key != null && !key.isBlank()) {
        rates.put("coingecko", plan.equals("pro") ? 500.0 : 30.0);
      }
      for (String r : rateLimits) {
        int eq = r.indexOf('=');
        String name = eq < 0 ? "" : r.substring(0, eq).strip();
        if (eq < 0 || !Endpoints.SOURCES.contains(name)) {
          throw new IllegalArgumentException("--rate-limit: '" + r + "' is not NAME=PER_MINUTE");
        }
        try {
          rates.put(name, Double.parseDouble(r.substring(eq + 1).strip()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("--rate-limit: '" + r + "' is not NAME=PER_MINUTE");
        }
      }
      return new Settings(
          List.copyOf(new java.util.LinkedHashSet<>(sources)),
          Endpoints.resolve(endpoints, env, plan.equals("pro")),
          rates);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** Test hooks: smaller bodies and backoffs, so fault tests run in milliseconds. */
  private static long maxBody(Map<String, String> env) {
    String v = env.get("PRIVSCREEN_MAX_BODY_BYTES");
    return v == null ? 32L << 20 : Long.parseLong(v.strip());
  }

  private static Duration backoff(Map<String, String> env) {
    String v = env.get("PRIVSCREEN_BACKOFF_MS");
    return v == null ? Duration.ofSeconds(1) : Duration.ofMillis(Long.parseLong(v.strip()));
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "privscreen-fetch");
      t.setDaemon(true);
      return t;
    };
  }

  /** Completion candidates for --sources. */
  static final class SourceNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    SourceNames() {
      super(Endpoints.SOURCES);
    }
  }
}
