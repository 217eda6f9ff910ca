package dev.privscreen.store;

import dev.privscreen.error.DataException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The local snapshot store: one JSON file per fetch, named by its UTC time ({@code
 * 20251107T000005Z.json}), so the newest sorts last. Temporary files of an unfinished write are
 * never taken for snapshots.
 */
public final class SnapshotStore {
  private static final Pattern NAME = Pattern.compile("\\d{8}T\\d{6}(\\d{3})?Z\\.json");

  private final Path dir;

  public SnapshotStore(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** The newest complete snapshot, if any. */
  public Optional<Path> newest() {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    Path best = null;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        String n = f.getFileName().toString();
        if (NAME.matcher(n).matches()
            && (best == null || n.compareTo(best.getFileName().toString()) > 0)) {
          best = f;
        }
      }
    } catch (IOException e) {
      throw new DataException(dir + ": cannot list the snapshot store: " + e.getMessage(), e);
    }
    return Optional.ofNullable(best);
  }
}
