package dev.privscreen.cli;

import dev.privscreen.error.DataException;
import dev.privscreen.error.UsageException;
import dev.privscreen.model.Snapshot;
import dev.privscreen.source.SnapshotReader;
import dev.privscreen.store.SnapshotStore;
import dev.privscreen.store.StorePaths;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Option;

/** Where a command's data comes from: {@code --from}, else the store's newest snapshot. */
public final class SourceOptions {
  @Option(
      names = "--from",
      paramLabel = "PATH",
      description =
          "Snapshot JSON file, CSV directory, or - for JSON on stdin (default: the newest"
              + " snapshot in the store).")
  java.nio.file.Path from; // a Path, so shells complete file names; "-" is stdin

  @Option(
      names = "--snapshot",
      paramLabel = "ID",
      description =
          "A past fetch of the store by its id (its UTC time, 20261120T010000Z; 'privscreen store"
              + " list' shows them): the command prints what it printed when that fetch was the"
              + " newest.")
  String snapshot;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      converter = Converters.Day.class,
      description = "Evaluate as of an earlier day of the snapshot's history (YYYY-MM-DD).")
  LocalDate asOf;

  /**
   * The day evaluated, if known before the source is read: {@code --as-of}, else what a CSV
   * directory's {@code snapshot.json} says; null otherwise.
   */
  LocalDate dayBeforeReading(Context ctx) {
    if (asOf != null) {
      return asOf;
    }
    if (from == null) {
      return storeDay = store(ctx).asOfDay(snapshot);
    }
    return SnapshotReader.declaredAsOf(from.toString());
  }

  /** Whether the scope a command gives holds whatever the fetch's day (replay's days are given). */
  boolean scopeFitsAnyFetch;

  /** The store's fetch day that {@link #dayBeforeReading} gave, so the read can check it. */
  private LocalDate storeDay;

  /** The store, one for the run: its index is read once for the day and the read alike. */
  private SnapshotStore store;

  private SnapshotStore store(Context ctx) {
    if (store == null) {
      store = new SnapshotStore(StorePaths.from(ctx.env()).snapshots());
    }
    return store;
  }

  Snapshot load(Context ctx, boolean quiet) {
    return load(ctx, quiet, SnapshotReader.Scope.ALL);
  }

  /**
   * @param scope the tables and days the command uses ({@link Projection}); a fetch of the store is
   *     read with it only when it was made for that fetch's day (or for any, with --as-of)
   */
  Snapshot load(Context ctx, boolean quiet, SnapshotReader.Scope scope) {
    if (from != null && snapshot != null) {
      throw new UsageException(
          "--from and --snapshot contradict each other: choose one source of data");
    }
    if (from != null) {
      return SnapshotReader.read(from.toString(), ctx.stdin(), scope);
    }
    // a scope made for the store's fetch day fits only that fetch; with --as-of it fits any
    boolean any = asOf != null || scopeFitsAnyFetch;
    LocalDate scopeDay = any ? null : storeDay;
    if (scopeDay == null && !any) {
      scope = SnapshotReader.Scope.ALL;
    }
    if (snapshot != null) {
      return store(ctx).read(snapshot, warner(ctx, quiet), scope);
    }
    return newest(ctx, store(ctx), quiet, 1, scope, scopeDay).get(0).snapshot();
  }

  /** The store's fetch of this id; an unknown id is a usage error naming the nearest ones. */
  static Snapshot byId(Context ctx, boolean quiet, String id) {
    SnapshotStore store = new SnapshotStore(StorePaths.from(ctx.env()).snapshots());
    return store.read(id, warner(ctx, quiet));
  }

  static java.util.function.Consumer<String> warner(Context ctx, boolean quiet) {
    return line -> {
      if (!quiet) {
        ctx.err().println("privscreen: warning: " + line);
      }
    };
  }

  /**
   * The store's {@code count} newest readable snapshots, newest first; a damaged one is skipped
   * with a warning naming it (SPEC §7). None at all is a data error saying how to get one.
   */
  static List<SnapshotStore.Stored> newest(Context ctx, boolean quiet, int count) {
    return newest(
        ctx,
        new SnapshotStore(StorePaths.from(ctx.env()).snapshots()),
        quiet,
        count,
        SnapshotReader.Scope.ALL,
        null);
  }

  private static List<SnapshotStore.Stored> newest(
      Context ctx,
      SnapshotStore store,
      boolean quiet,
      int count,
      SnapshotReader.Scope scope,
      LocalDate scopeDay) {
    int[] damaged = {0};
    List<SnapshotStore.Stored> found =
        store.newestReadable(
            count,
            warner(ctx, quiet),
            (id, why) -> {
              damaged[0]++;
              warner(ctx, quiet).accept("skipped a damaged snapshot: " + why);
            },
            scope,
            scopeDay);
    if (found.isEmpty()) {
      throw new DataException(
          (damaged[0] == 0 ? "no snapshot" : "no readable snapshot (" + damaged[0] + " damaged)")
              + " in the store ("
              + store.dir()
              + "): run 'privscreen fetch' first, or screen the bundled example:"
              + " privscreen screen --from examples/privacy-2025-11-07");
    }
    return found;
  }
}
