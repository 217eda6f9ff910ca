package dev.privscreen.cli;

import dev.privscreen.error.DataException;
import dev.privscreen.model.Snapshot;
import dev.privscreen.source.SnapshotReader;
import dev.privscreen.store.SnapshotStore;
import dev.privscreen.store.StorePaths;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** Where a command's data comes from: {@code --from}, else the store's newest snapshot. */
public final class SourceOptions {
  @Option(
      names = "--from",
      paramLabel = "PATH",
      description =
          "Snapshot JSON file, CSV directory, or - for JSON on stdin (default: the newest"
              + " snapshot in the store).")
  String from;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      converter = Converters.Day.class,
      description = "Evaluate as of an earlier day of the snapshot's history (YYYY-MM-DD).")
  LocalDate asOf;

  Snapshot load(Context ctx) {
    if (from != null) {
      return SnapshotReader.read(from, ctx.stdin());
    }
    SnapshotStore store = new SnapshotStore(StorePaths.from(ctx.env()).snapshots());
    Path newest =
        store
            .newest()
            .orElseThrow(
                () ->
                    new DataException(
                        "no snapshot in the store ("
                            + store.dir()
                            + "): run 'privscreen fetch' first, or screen the bundled example:"
                            + " privscreen screen --from examples/privacy-2025-11-07"));
    return SnapshotReader.read(newest);
  }
}
