package dev.privscreen.source;

import dev.privscreen.error.DataException;
import dev.privscreen.model.Snapshot;
import dev.privscreen.source.SnapshotReader.Scope;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads the CSV-directory form of a snapshot (SPEC §2): {@code assets.csv} and optional {@code
 * prices.csv}, {@code open_interest.csv}, {@code listings.csv}, {@code metrics.csv}, {@code
 * snapshot.json}.
 */
final class CsvSnapshotReader {
  private CsvSnapshotReader() {}

  /** From this many bytes of CSV on, the tables are read on all cores. */
  private static final long PARALLEL_BYTES = 16L << 20;

  /** A prices or open-interest table is read in pieces of about this size, on all cores. */
  private static final long PIECE_BYTES = 8L << 20;

  static Snapshot read(Path dir) {
    return read(dir, Scope.ALL);
  }

  static Snapshot read(Path dir, Scope scope) {
    return read(dir, PARALLEL_BYTES, PIECE_BYTES, scope);
  }

  /** With the sizes from which to read in parallel and in pieces; tests make them small. */
  static Snapshot read(Path dir, long parallelBytes, long pieceBytes) {
    return read(dir, parallelBytes, pieceBytes, Scope.ALL);
  }

  private static boolean skipped(Table t, java.util.Set<SnapshotReader.Part> skip) {
    return switch (t) {
      case OPEN_INTEREST -> skip.contains(SnapshotReader.Part.OPEN_INTEREST);
      case LISTINGS -> skip.contains(SnapshotReader.Part.LISTINGS);
      case METRICS -> skip.contains(SnapshotReader.Part.METRICS);
      case FUNDING -> skip.contains(SnapshotReader.Part.FUNDING);
      default -> false;
    };
  }

  static Snapshot read(Path dir, long parallelBytes, long pieceBytes, Scope scope) {
    String dirName = dir.toString();
    try (DirectoryStream<Path> ignored = Files.newDirectoryStream(dir)) {
      // only to learn whether the directory can be read at all
    } catch (IOException e) {
      throw new DataException(dirName + ": cannot read the directory: " + reason(e), e);
    }
    if (!Files.exists(dir.resolve(Table.ASSETS.fileName()))) {
      throw new DataException(dirName + ": not a snapshot directory: assets.csv is missing");
    }
    List<Path> files = new ArrayList<>();
    List<Table> tables = new ArrayList<>();
    long bytes = 0;
    // the as-of comes from prices.csv when no snapshot.json says it: skip nothing else then
    boolean canSkip =
        Files.exists(dir.resolve("snapshot.json")) || Files.exists(dir.resolve("prices.csv"));
    for (Table table : Table.values()) {
      Path file = dir.resolve(table.fileName());
      if (canSkip && skipped(table, scope.skip())) {
        continue;
      }
      if (table == Table.ASSETS || Files.exists(file)) {
        if (!Files.isRegularFile(file)) {
          throw new DataException(file + ": not a file");
        }
        long size = size(file);
        if (size > MAX_TABLE_BYTES) {
          throw new DataException(
              file
                  + ": "
                  + (size >> 20)
                  + " MiB; a table may have at most "
                  + (MAX_TABLE_BYTES >> 30)
                  + " GiB");
        }
        files.add(file);
        tables.add(table);
        bytes += size;
      }
    }
    // Large histories are read on all cores at once, small ones on this thread, which starts
    // quicker.
    List<SnapshotAssembler> parts =
        bytes < parallelBytes || Runtime.getRuntime().availableProcessors() < 2
            ? readInOrder(files, tables, scope)
            : readConcurrently(files, tables, pieceBytes, scope);
    SnapshotAssembler assembler = SnapshotAssembler.merge(parts);
    Instant asOf = null;
    String category = null;
    Path meta = dir.resolve("snapshot.json");
    if (Files.isRegularFile(meta)) {
      SnapshotMeta m = SnapshotMeta.read(meta);
      asOf = m.asOf();
      category = m.category();
    }
    try {
      return assembler.build(asOf, category, dirName);
    } catch (SnapshotAssembler.DuplicateWithoutPlace e) {
      return read(
          dir, Long.MAX_VALUE, pieceBytes, scope); // in one go, to name the duplicate's rows
    }
  }

  /** The largest table read: its columns must fit in memory (about 30 bytes a row). */
  static final long MAX_TABLE_BYTES = 2L << 30;

  private static String reason(IOException e) {
    return e instanceof java.nio.file.AccessDeniedException
        ? "permission denied"
        : e instanceof NoSuchFileException ? "no such directory" : String.valueOf(e.getMessage());
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // reading it will say what is wrong
    }
  }

  /** Each file fills its own assembler: duplicates are checked per table. */
  private static List<SnapshotAssembler> readInOrder(
      List<Path> files, List<Table> tables, Scope scope) {
    List<SnapshotAssembler> parts = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      parts.add(readTable(files.get(i), tables.get(i), new SnapshotAssembler().keepDays(scope)));
    }
    return parts;
  }

  /**
   * Reads the tables concurrently, and a large prices or open-interest table in pieces, so that
   * both cores work until the end. The first failure in table order is the one reported. A table
   * read in pieces that fails is read again in one go, so that its error names the right line. The
   * parts keep no places (see {@link SnapshotAssembler#withoutPlaces()}).
   *
   * <p>Pieces are cut after a line break, which may be inside a quoted cell. Then the piece before
   * the cut, which began where a record began, ends inside quotes and fails; so the table is read
   * again in one go, and no piece that began inside a cell is kept.
   */
  private static List<SnapshotAssembler> readConcurrently(
      List<Path> files, List<Table> tables, long pieceBytes, Scope scope) {
    int cores = Runtime.getRuntime().availableProcessors();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            cores,
            r -> {
              Thread t = new Thread(r, "privscreen-read");
              t.setDaemon(true);
              return t;
            });
    try {
      List<List<Future<SnapshotAssembler>>> pending = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        Path file = files.get(i);
        Table table = tables.get(i);
        List<Future<SnapshotAssembler>> pieces = new ArrayList<>();
        TablePieces split =
            table == Table.PRICES || table == Table.OPEN_INTEREST
                ? TablePieces.split(file, table, pieceBytes)
                : null;
        if (split == null || split.count() < 2) {
          pieces.add(
              pool.submit(
                  () -> readTable(file, table, SnapshotAssembler.withoutPlaces().keepDays(scope))));
        } else {
          for (int k = 0; k < split.count(); k++) {
            int piece = k;
            pieces.add(pool.submit(() -> readPiece(split, piece, scope)));
          }
        }
        pending.add(pieces);
      }
      List<SnapshotAssembler> parts = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        parts.addAll(collect(pending.get(i), files.get(i), tables.get(i), scope));
      }
      return parts;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataException("interrupted while reading");
    } finally {
      pool.shutdownNow();
    }
  }

  /** A table's parts, in order; read again in one go when a piece failed. */
  private static List<SnapshotAssembler> collect(
      List<Future<SnapshotAssembler>> pending, Path file, Table table, Scope scope)
      throws InterruptedException {
    List<SnapshotAssembler> parts = new ArrayList<>();
    try {
      for (Future<SnapshotAssembler> f : pending) {
        parts.add(f.get());
      }
    } catch (ExecutionException e) {
      if (pending.size() > 1 && e.getCause() instanceof DataException) {
        // for the line number
        return List.of(readTable(file, table, new SnapshotAssembler().keepDays(scope)));
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
    return parts;
  }

  private static SnapshotAssembler readTable(Path file, Table table, SnapshotAssembler part) {
    String name = file.toString();
    try (CsvCursor csv = new CsvCursor(Files.newInputStream(file), name)) {
      if (!csv.next()) {
        throw new DataException(name + ": empty file, expected a header row");
      }
      readRows(csv, new CsvRow(csv, name, header(csv, table, name)), table, part);
    } catch (NoSuchFileException e) {
      throw new DataException(name + ": no such file");
    } catch (IOException e) {
      throw new DataException(name + ": cannot read: " + reason(e), e);
    }
    return part;
  }

  /**
   * Piece {@code k} of a split table. The first also reads the header; the others start at a line
   * break and count their lines from 1, which only an error would show, and an error has the table
   * read again in one go.
   */
  private static SnapshotAssembler readPiece(TablePieces split, int k, Scope scope) {
    String name = split.file().toString();
    SnapshotAssembler part = SnapshotAssembler.withoutPlaces().keepDays(scope);
    part.expect(split.table(), split.bytes(k), split.keptPerByte());
    try (CsvCursor csv = split.open(k)) {
      if (k == 0) {
        csv.next();
        header(csv, split.table(), name);
      }
      readRows(csv, new CsvRow(csv, name, split.columns()), split.table(), part);
      split.read(k, part.rowsKept());
      return part;
    } catch (IOException e) {
      throw new DataException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static void readRows(CsvCursor csv, CsvRow row, Table table, SnapshotAssembler part)
      throws IOException {
    while (csv.next()) {
      if (csv.cells() != row.columns.length) {
        throw new DataException(
            row.where()
                + ": expected "
                + row.columns.length
                + " cells as in the header, found "
                + csv.cells());
      }
      part.add(table, row);
    }
  }

  /** The column names, lower case, checked for repeats and the table's required columns. */
  static String[] header(CsvCursor csv, Table table, String name) {
    Map<String, Integer> columns = new HashMap<>();
    String[] names = new String[csv.cells()];
    for (int i = 0; i < csv.cells(); i++) {
      // interned, so that a look-up by the assembler's literal names is mostly by identity
      String col = csv.cell(i).toString().toLowerCase(Locale.ROOT).intern();
      names[i] = col;
      if (columns.putIfAbsent(col, i) != null) {
        throw new DataException(name + ":" + csv.line() + ": column " + col + " appears twice");
      }
    }
    List<String> missing = new ArrayList<>();
    for (String required : table.requiredColumns) {
      if (!columns.containsKey(required)) {
        missing.add(required);
      }
    }
    if (!missing.isEmpty()) {
      throw new DataException(
          name
              + ":"
              + csv.line()
              + ": missing column"
              + (missing.size() > 1 ? "s " : " ")
              + String.join(", ", missing));
    }
    return names;
  }
}
