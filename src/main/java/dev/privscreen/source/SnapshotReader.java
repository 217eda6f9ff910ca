package dev.privscreen.source;

import dev.privscreen.error.DataException;
import dev.privscreen.model.Snapshot;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
    METRICS,
    FUNDING
  }

  /**
   * What of a snapshot a command reads: the tables it can do without ({@link Part}), and the days
   * of the two long tables, prices and open interest, that its figures use: rows of other days are
   * read as far as their date and left there, as a database pushes a filter down into its scan. A
   * screen of one day over five years of history so parses a month of it. Null bounds are open.
   *
   * <p>A row left there is checked for its shape (the CSV's cells) and its date, not for its other
   * values: a bad number on a day no figure uses does not stop the screen (a read of every day, as
   * {@code store list} makes, still names it).
   */
  public record Scope(Set<Part> skip, LocalDate firstDay, LocalDate lastDay) {
    public static final Scope ALL = new Scope(Set.of(), null, null);

    public Scope {
      skip = Set.copyOf(skip);
    }

    /**
     * These tables, and of prices and open interest no day: their rows are read only as far as
     * their date, which still gives a CSV directory without {@code snapshot.json} its as-of.
     */
    public static Scope noDays(Set<Part> skip) {
      return new Scope(skip, LocalDate.MAX, LocalDate.MIN);
    }

    /** The first epoch day kept, as an int (a row's day is one). */
    int firstEpochDay() {
      return firstDay == null ? Integer.MIN_VALUE : clamp(firstDay.toEpochDay());
    }

    /** The last epoch day kept, as an int. */
    int lastEpochDay() {
      return lastDay == null ? Integer.MAX_VALUE : clamp(lastDay.toEpochDay());
    }

    private static int clamp(long epochDay) {
      return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, epochDay));
    }
  }

  /**
   * @param from a path, or {@code -} for standard input
   * @param stdin standard input, read only when {@code from} is {@code -}
   */
  public static Snapshot read(String from, InputStream stdin) {
    return read(from, stdin, Scope.ALL);
  }

  /**
   * @param scope the tables and days the caller will use
   */
  public static Snapshot read(String from, InputStream stdin, Scope scope) {
    if (from.equals("-")) {
      return JsonSnapshotReader.read("<stdin>", stdin, scope);
    }
    return read(Path.of(from), scope);
  }

  /**
   * The as-of day a snapshot declares before its rows are read: that of a CSV directory's {@code
   * snapshot.json}; null otherwise (a JSON snapshot says it inside, a CSV directory without one
   * takes its newest price).
   */
  public static LocalDate declaredAsOf(String from) {
    if (from.equals("-")) {
      return null;
    }
    Path meta = Path.of(from).resolve("snapshot.json");
    if (!Files.isDirectory(Path.of(from)) || !Files.isRegularFile(meta)) {
      return null;
    }
    Instant asOf = SnapshotMeta.read(meta).asOf();
    return asOf == null ? null : asOf.atOffset(ZoneOffset.UTC).toLocalDate();
  }

  /** The largest snapshot JSON read: all of it is held in memory as rows. */
  static final long MAX_JSON_BYTES = 2L << 30;

  public static Snapshot read(Path path) {
    return read(path, Scope.ALL);
  }

  public static Snapshot read(Path path, Scope scope) {
    if (Files.isDirectory(path)) {
      return CsvSnapshotReader.read(path, scope);
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
      return JsonSnapshotReader.read(path.toString(), in, scope);
    } catch (IOException e) {
      throw new DataException(path + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static String parentOf(Path p) {
    Path parent = p.toAbsolutePath().getParent();
    return parent == null ? "." : parent.toString();
  }
}
