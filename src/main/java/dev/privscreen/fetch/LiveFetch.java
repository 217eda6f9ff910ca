package dev.privscreen.fetch;

import dev.privscreen.error.DataException;
import dev.privscreen.model.Asset;
import dev.privscreen.model.Snapshot;
import dev.privscreen.model.SourceStatus;
import dev.privscreen.source.http.Caller;
import dev.privscreen.source.http.Deadline;
import dev.privscreen.source.http.DiskCache;
import dev.privscreen.source.http.Fetcher;
import dev.privscreen.source.http.Http;
import dev.privscreen.source.http.HttpSettings;
import dev.privscreen.source.http.Redactor;
import dev.privscreen.store.HistoryMerge;
import dev.privscreen.store.Migration;
import dev.privscreen.store.SnapshotStore;
import dev.privscreen.store.StorePaths;
import dev.privscreen.universe.Universe;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * One live fetch as {@code fetch} and {@code screen --live} run it: under the store's lock, the
 * leftovers of killed runs removed, the sources fetched within the plan's bounds, merged with the
 * newest readable snapshot's history and written; each source summarised on stderr.
 */
public final class LiveFetch {
  private LiveFetch() {}

  /**
   * Where the run's words go.
   *
   * @param quiet only errors (a failed source is one)
   * @param progress a line as each source finishes (on a terminal)
   * @param debug library log lines are left alone (they are silenced otherwise)
   */
  public record Report(PrintWriter err, boolean quiet, boolean progress, boolean debug) {
    void warn(String line) {
      if (!quiet) {
        err.println("privscreen: warning: " + line);
        err.flush();
      }
    }
  }

  /**
   * @param merged the snapshot with the stored history, made when asked for
   * @param written the fetch's id in the store, or the file it was written to, or null
   * @param failed how many sources failed (the snapshot has the others' data)
   */
  public record Outcome(Supplier<Snapshot> merged, String written, int failed) {
    public Snapshot snapshot() {
      return merged.get();
    }
  }

  /**
   * Fetches and merges with the store's history; writes the snapshot to {@code out}, or into the
   * store when {@code out} is null, unless {@code save} is false.
   */
  public static Outcome run(
      FetchPlan plan, StorePaths paths, Path out, boolean save, Report report) {
    if (!report.debug()) {
      silenceLibraryLogs();
    }
    SnapshotStore store = new SnapshotStore(paths.snapshots());
    Redactor redactor = new Redactor(plan.apiKey() == null ? List.of() : List.of(plan.apiKey()));
    Universe universe = Universe.load(plan.universe());
    if (!(save && out == null)) {
      // written elsewhere (--out FILE or -, screen --live), the store only read, as a screen
      // reads it: no lock, so a user who may read the store but not write it can still fetch
      Supplier<Snapshot> previous = memo(() -> store.newest(report::warn));
      List<Asset> fallback = store.newestAssets(report::warn);
      Fetcher.Result result = fetch(plan, paths, universe, fallback, redactor, report);
      return finish(plan, out, save, store, previous, result, redactor, report);
    }
    return store.locked(
        plan.lockWait(),
        report::warn,
        () -> {
          store.removeLeftovers();
          if (save && out == null) {
            Migration.Result m = store.migrateIfOld(report::warn);
            if (m != null) {
              report.warn(m.summary());
            }
          }
          // the whole previous snapshot only when a merge is printed (--out, screen --live): the
          // store's own write reads only the facts it needs
          Supplier<Snapshot> previous = memo(() -> store.newest(report::warn));
          List<Asset> fallback = store.newestAssets(report::warn);
          Fetcher.Result result = fetch(plan, paths, universe, fallback, redactor, report);
          return finish(plan, out, save, store, previous, result, redactor, report);
        });
  }

  private static Fetcher.Result fetch(
      FetchPlan plan,
      StorePaths paths,
      Universe universe,
      List<Asset> fallback,
      Redactor redactor,
      Report report) {
    Deadline deadline = Deadline.in(plan.maxTime());
    // calls wait for their rate-limit slot on their own thread: a fixed pool would let one
    // source's queue starve the others
    ExecutorService pool = Executors.newCachedThreadPool(daemon());
    try {
      Http http =
          new Http(
              new HttpSettings(
                  min(Duration.ofSeconds(10), plan.timeout()),
                  plan.timeout(),
                  plan.maxBodyBytes(),
                  3,
                  plan.backoff(),
                  plan.maxWait(),
                  "privscreen/" + version()),
              plan.rates(),
              redactor,
              deadline);
      Map<String, Map<String, String>> headers = new LinkedHashMap<>();
      if (plan.apiKey() != null) {
        headers.put(
            "coingecko",
            Map.of(plan.proPlan() ? "x-cg-pro-api-key" : "x-cg-demo-api-key", plan.apiKey()));
      }
      Caller caller =
          new Caller(
              http,
              plan.endpoints(),
              new DiskCache(paths.cache().resolve("http"), plan.clock()),
              plan.offline(),
              plan.refresh(),
              headers,
              pool);
      Fetcher fetcher =
          new Fetcher(
              caller,
              universe,
              plan.category(),
              plan.days(),
              plan.clock(),
              deadline,
              line -> {
                if (report.progress()) {
                  report.err().println("fetch: " + line);
                  report.err().flush();
                }
              },
              plan.coinMetrics());
      return fetcher.fetch(plan.sources(), fallback);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Outcome finish(
      FetchPlan plan,
      Path out,
      boolean save,
      SnapshotStore store,
      Supplier<Snapshot> previous,
      Fetcher.Result r,
      Redactor redactor,
      Report report) {
    List<SourceStatus> failed = new ArrayList<>();
    for (SourceStatus st : r.statuses()) {
      if (!st.status().equals("ok")) {
        failed.add(st);
      }
    }
    if (failed.size() == r.statuses().size()) {
      // the run failed as a whole: one line (the first source's reason and how many more), not
      // one per source; with no network at all, it says so
      boolean noNetwork = r.unreachable().size() == failed.size();
      throw new DataException(
          (noNetwork
                  ? "no source could be reached (is the network down?): "
                  : "all sources failed: ")
              + redactor.apply(failed.get(0).error())
              + (failed.size() > 1 ? " (and " + (failed.size() - 1) + " more)" : "")
              + "; nothing written");
    }
    for (SourceStatus st : r.statuses()) {
      boolean ok = st.status().equals("ok");
      if (!ok) {
        report
            .err()
            .println("privscreen: " + st.name() + ": failed: " + redactor.apply(st.error()));
      } else if (!report.quiet()) {
        report
            .err()
            .println(
                st.name() + ": ok (" + r.calls().get(st.name()) + " calls; " + st.error() + ")");
      }
    }
    if (r.snapshot() == null) {
      throw new DataException(
          "no asset data (coingecko brought none and no stored snapshot reads); nothing written");
    }
    if (!save || out != null) {
      previous.get(); // the merge is the result: its history is read under the lock
    }
    Snapshot fresh = clean(r.snapshot());
    Supplier<Snapshot> merged = memo(() -> HistoryMerge.merge(previous.get(), fresh));
    String written = null;
    if (save && out == null) {
      String id = store.append(fresh, report::warn).id();
      written = id;
      merged = memo(() -> store.read(id, report::warn));
    } else if (save) {
      Path target = out.toAbsolutePath();
      new SnapshotStore(target.getParent()).writeAs(merged.get(), target);
      written = target.toString();
    }
    if (!failed.isEmpty()) {
      report.warn(
          failed.size()
              + " of "
              + r.statuses().size()
              + " sources failed; the snapshot has the others' data");
    }
    return new Outcome(merged, written, failed.size());
  }

  /** {@code make}'s value, made once when first asked for (null too: an empty store). */
  private static <T> Supplier<T> memo(Supplier<T> make) {
    List<T> held = new ArrayList<>(1);
    return () -> {
      if (held.isEmpty()) {
        held.add(make.get());
      }
      return held.get(0);
    };
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
        st,
        s.funding());
  }

  /**
   * Libraries may log through java.util.logging, whose default handler writes records (with stack
   * traces) to stderr; a cron user must never see one. Failures reach the user as our own lines.
   */
  private static void silenceLibraryLogs() {
    java.util.logging.LogManager.getLogManager().reset();
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.OFF);
  }

  /** Ours, from the jar's manifest ({@code dev} when run from classes). */
  private static String version() {
    String v = LiveFetch.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "privscreen-fetch");
      t.setDaemon(true);
      return t;
    };
  }
}
