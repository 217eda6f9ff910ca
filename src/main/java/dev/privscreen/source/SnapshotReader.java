package dev.privscreen.source;

import dev.privscreen.error.DataException;
import dev.privscreen.model.Snapshot;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Reads a snapshot from a JSON file, a CSV directory, or JSON on standard input ({@code -}). */
public final class SnapshotReader {
  private SnapshotReader() {}

  /**
   * Tables a command may do without: a CSV directory's are then not read at all (a projection, as a
   * database makes one), so a replay of prices does not pay for 70 MB of open interest. A snapshot
   * JSON is one document and is read whole.
   */
  public enum Part {
    OPEN_INTEREST,
    LISTINGS,
    METRICS
  }

  /**
   * @param from a path, or {@code -} for standard input
   * @param stdin standard input, read only when {@code from} is {@code -}
   */
  public static Snapshot read(String from, InputStream stdin) {
    return read(from, stdin, Set.of());
  }

  /**
   * @param skip parts the caller will not use
   */
  public static Snapshot read(String from, InputStream stdin, Set<Part> skip) {
    if (from.equals("-")) {
      return JsonSnapshotReader.read("<stdin>", stdin);
    }
    return read(Path.of(from), skip);
  }

  /** The largest snapshot JSON read: all of it is held in memory as rows. */
  static final long MAX_JSON_BYTES = 2L << 30;

  public static Snapshot read(Path path) {
    return read(path, Set.of());
  }

  public static Snapshot read(Path path, Set<Part> skip) {
    if (Files.isDirectory(path)) {
      return CsvSnapshotReader.read(path, skip);
    }
    if (!Files.exists(path)) {
      throw new DataException(path + ": no such file or directory");
    }
    if (path.getFileName().toString().endsWith(".csv")) {
      throw new DataException(
          path
              + ": a CSV snapshot is a directory of tables; pass its directory: "
              + parentOf(path));
    }
    try {
      if (Files.size(path) > MAX_JSON_BYTES) {
        throw new DataException(
            path
                + ": "
                + (Files.size(path) >> 20)
                + " MiB; a snapshot JSON may have at most "
                + (MAX_JSON_BYTES >> 30)
                + " GiB (a CSV directory is read faster, in parallel)");
      }
    } catch (IOException e) {
      throw new DataException(path + ": cannot read: " + e.getMessage(), e);
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      return JsonSnapshotReader.read(path.toString(), in);
    } catch (IOException e) {
      throw new DataException(path + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static String parentOf(Path p) {
    Path parent = p.toAbsolutePath().getParent();
    return parent == null ? "." : parent.toString();
  }
}
