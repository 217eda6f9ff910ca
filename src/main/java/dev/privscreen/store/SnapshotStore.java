package dev.privscreen.store;

import dev.privscreen.error.DataException;
import dev.privscreen.error.PrivscreenException;
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
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The local snapshot store: one JSON file per fetch, named by its UTC time ({@code
 * 20251107T000005Z.json}), so the newest sorts last. Temporary files of an unfinished write are
 * never taken for snapshots, and the next fetch removes them. A damaged file (a disk that filled
 * up, a hand edit) never wedges the store: readers pass over it to the newest one that reads.
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

  /** A stored snapshot read back, and its file. */
  public record Stored(Path path, Snapshot snapshot) {}

  /**
   * The newest {@code count} snapshots that read, newest first; each damaged one on the way is
   * passed to {@code skipped} with the reader's message, and passed over.
   *
   * @param read the reader (the store does not know the formats' readers)
   */
  public List<Stored> newestReadable(
      int count, Function<Path, Snapshot> read, BiConsumer<Path, String> skipped) {
    List<Path> all = list();
    List<Stored> out = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0 && out.size() < count; i--) {
      Path p = all.get(i);
      try {
        out.add(new Stored(p, read.apply(p)));
      } catch (PrivscreenException e) {
        skipped.accept(p, e.getMessage());
      }
    }
    return out;
  }

  /**
   * Removes what a killed write left behind (dot files ending in {@code .tmp}); call it holding the
   * lock, when no write of ours can be under way.
   *
   * @return how many were removed
   */
  public int removeLeftovers() {
    int n = 0;
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.tmp")) {
      for (Path f : files) {
        if (Files.deleteIfExists(f)) {
          n++;
        }
      }
    } catch (IOException e) {
      // leftovers are harmless (never read as snapshots): try again at the next fetch
    }
    return n;
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
   * waits up to {@code wait}, saying so to {@code waiting}, then fails with a message saying so.
   */
  public <T> T locked(Duration wait, Consumer<String> waiting, Supplier<T> body) {
    return FileLocks.hold(dir.resolve(".lock"), wait, "another privscreen fetch", waiting, body);
  }
}
