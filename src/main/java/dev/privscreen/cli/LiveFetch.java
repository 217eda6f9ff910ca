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

/**
 * One live fetch as {@code fetch} and {@code screen --live} run it: sources fetched under the
 * store's lock, merged with the history already stored, and summarised per source on stderr.
 */
final class LiveFetch {
  /** Documented public limits, in calls a minute, kept below the published figures. */
  static final Map<String, Double> DEFAULT_RATES =
      Map.of(
          "coingecko", 10.0, // keyless; a demo key allows 30, pro 500
          "binance", 200.0, // openInterestHist: 1000 per 5 minutes
          "okx", 150.0, // rubik statistics: 5 per 2 s
          "bybit", 600.0,
          "bitget", 600.0);

  private LiveFetch() {}

  /**
   * @param snapshot the merged snapshot
   * @param written where it was written, or null
   * @param exitCode 0, or 4 with --strict when some sources failed
   */
  record Outcome(Snapshot snapshot, Path written, int exitCode) {}

  /**
   * Fetches, merges with the store's history and, when {@code save}, writes the snapshot (to {@code
   * --out} or the store).
   */
  static Outcome run(Context ctx, GlobalOptions global, FetchOptions o, boolean save) {
    Map<String, String> env = ctx.env();
    String key = env.get("COINGECKO_API_KEY");
    String plan = env.getOrDefault("COINGECKO_API_PLAN", "demo").strip().toLowerCase(Locale.ROOT);
    Settings s = settings(o, env, key, plan);
    StorePaths paths = StorePaths.from(env);
    SnapshotStore store = new SnapshotStore(paths.snapshots());
    Redactor redactor = new Redactor(key == null ? List.of() : List.of(key));

    return store.locked(
        o.lockWait,
        () -> {
          Optional<Path> newest = store.newest();
          Snapshot previous = newest.map(SnapshotReader::read).orElse(null);
          // calls wait for their rate-limit slot on their own thread: a fixed pool would let one
          // source's queue starve the others
          ExecutorService pool = Executors.newCachedThreadPool(daemon());
          try {
            Http http =
                new Http(
                    new HttpSettings(
                        Duration.ofSeconds(10).compareTo(o.timeout) < 0
                            ? Duration.ofSeconds(10)
                            : o.timeout,
                        o.timeout,
                        maxBody(env),
                        3,
                        backoff(env),
                        o.maxWait,
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
                    o.offline,
                    o.refresh,
                    headers,
                    pool);
            boolean progress = ctx.stdoutIsTerminal() && !global.quiet;
            Fetcher fetcher =
                new Fetcher(
                    caller,
                    Universe.load(paths.universe()),
                    o.category,
                    o.days,
                    Clock.systemUTC(),
                    line -> {
                      if (progress) {
                        ctx.err().println("fetch: " + line);
                        ctx.err().flush();
                      }
                    });
            List<Asset> fallback = previous == null ? List.of() : previous.assets();
            Fetcher.Result result = fetcher.fetch(s.sources, fallback);
            return finish(ctx, global, o, save, store, previous, result, redactor);
          } finally {
            pool.shutdownNow();
          }
        });
  }

  private static Outcome finish(
      Context ctx,
      GlobalOptions global,
      FetchOptions o,
      boolean save,
      SnapshotStore store,
      Snapshot previous,
      Fetcher.Result r,
      Redactor redactor) {
    int failed = 0;
    for (SourceStatus st : r.statuses()) {
      boolean ok = st.status().equals("ok");
      failed += ok ? 0 : 1;
      if (!global.quiet || !ok) {
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
    Path written = null;
    if (save) {
      if (o.out != null) {
        Path dir = o.out.toAbsolutePath().getParent();
        written = new SnapshotStore(dir).writeAs(merged, o.out.toAbsolutePath());
      } else {
        written = store.write(merged);
      }
    }
    int code = ExitCode.OK.code;
    if (failed > 0) {
      ctx.err()
          .println(
              "privscreen: warning: "
                  + failed
                  + " of "
                  + r.statuses().size()
                  + " sources failed; the snapshot has the others' data"
                  + (o.strict ? "" : " (--strict makes this exit 4)"));
      code = o.strict ? ExitCode.PARTIAL.code : ExitCode.OK.code;
    }
    return new Outcome(merged, written, code);
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

  private static Settings settings(
      FetchOptions o, Map<String, String> env, String key, String plan) {
    try {
      for (String src : o.sources) {
        if (!Endpoints.SOURCES.contains(src)) {
          throw new IllegalArgumentException(
              "--sources: '" + src + "' is not one of " + String.join(", ", Endpoints.SOURCES));
        }
      }
      if (!plan.equals("demo") && !plan.equals("pro")) {
        throw new IllegalArgumentException(
            "COINGECKO_API_PLAN must be demo or pro, not '" + plan + "'");
      }
      if (o.days < 1 || o.days > 3650) {
        throw new IllegalArgumentException("--days: " + o.days + " must be between 1 and 3650");
      }
      if (o.offline && o.refresh) {
        throw new IllegalArgumentException("--offline and --refresh contradict each other");
      }
      Map<String, Double> rates = new LinkedHashMap<>(DEFAULT_RATES);
      if (key != null && !key.isBlank()) {
        rates.put("coingecko", plan.equals("pro") ? 500.0 : 30.0);
      }
      for (String r : o.rateLimits) {
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
          List.copyOf(new java.util.LinkedHashSet<>(o.sources)),
          Endpoints.resolve(o.endpoints, env, plan.equals("pro")),
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
}
