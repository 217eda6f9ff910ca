package dev.privscreen.store;

import dev.privscreen.error.DataException;
import dev.privscreen.model.Snapshot;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The local snapshot store: one JSON file per fetch, named by its UTC time ({@code
 * 20251107T000005Z.json}), so the newest sorts last. Temporary files of an unfinished write are
 * never taken for snapshots.
 */
public final class SnapshotStore {
  private static final Pattern NAME = Pattern.compile("\\d{8}T\\d{6}(\\d{3})?Z\\.json");
  private static final DateTimeFormatter FILE_NAME =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  private final Path dir;

  public SnapshotStore(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** The newest complete snapshot, if any. */
  public Optional<Path> newest() {
    List<Path> all = list();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** The complete snapshots, oldest first. */
  public List<Path> list() {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        if (NAME.matcher(f.getFileName().toString()).matches()) {
          out.add(f);
        }
      }
    } catch (IOException e) {
      throw new DataException(dir + ": cannot list the snapshot store: " + e.getMessage(), e);
    }
    out.sort(Comparator.comparing(p -> p.getFileName().toString()));
    return out;
  }

  /** Writes a snapshot into the store under its as-of time; see {@link #writeAs}. */
  public Path write(Snapshot s) {
    String base = FILE_NAME.format(s.asOf());
    Path target = dir.resolve(base + "Z.json");
    if (Files.exists(target)) {
      target = dir.resolve(base + String.format("%03d", s.asOf().toEpochMilli() % 1000) + "Z.json");
    }
    return writeAs(s, target);
  }

  /**
   * Writes a snapshot atomically: to a temporary file beside {@code target}, forced to disk, then
   * renamed. A run killed at any point leaves either no new file or a complete one; readers never
   * see a half-written snapshot (temporary names start with a dot and end in {@code .tmp}).
   */
  public Path writeAs(Snapshot s, Path target) {
    try {
      AtomicFile.write(target, true, SnapshotStore::holdForTests, w -> SnapshotWriter.write(s, w));
      return target;
    } catch (IOException e) {
      throw new DataException(
          target.toAbsolutePath().getParent() + ": cannot write the snapshot: " + e.getMessage(),
          e);
    }
  }

  /**
   * A test hook: {@code PRIVSCREEN_TEST_HOLD_WRITE_MS} holds a finished temporary file this long
   * before the rename, so a process test can kill the run in the middle of a write.
   */
  private static void holdForTests() {
    String ms = System.getenv("PRIVSCREEN_TEST_HOLD_WRITE_MS");
    if (ms != null) {
      try {
        Thread.sleep(Long.parseLong(ms));
      } catch (InterruptedException | NumberFormatException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Holds the store's lock while {@code body} runs, so two fetches never interleave: a second one
   * waits up to {@code wait}, then fails with a message saying so.
   */
  public <T> T locked(Duration wait, Supplier<T> body) {
    return FileLocks.hold(dir.resolve(".lock"), wait, "another privscreen fetch", body);
  }
}
