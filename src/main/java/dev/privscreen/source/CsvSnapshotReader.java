package dev.privscreen.source;

import dev.privscreen.error.DataException;
import dev.privscreen.model.Snapshot;
import java.io.IOException;
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

  static Snapshot read(Path dir) {
    String dirName = dir.toString();
    if (!Files.isRegularFile(dir.resolve(Table.ASSETS.fileName()))) {
      throw new DataException(dirName + ": not a snapshot directory: assets.csv is missing");
    }
    List<Path> files = new ArrayList<>();
    List<Table> tables = new ArrayList<>();
    long bytes = 0;
    for (Table table : Table.values()) {
      Path file = dir.resolve(table.fileName());
      if (table == Table.ASSETS || Files.isRegularFile(file)) {
        files.add(file);
        tables.add(table);
        bytes += size(file);
      }
    }
    // Each file fills its own assembler (duplicates are per table); large histories are read
    // on all cores at once, small ones on this thread, which starts quicker.
    List<SnapshotAssembler> parts = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      parts.add(new SnapshotAssembler());
    }
    if (bytes < PARALLEL_BYTES || Runtime.getRuntime().availableProcessors() < 2) {
      for (int i = 0; i < files.size(); i++) {
        readTable(files.get(i), tables.get(i), parts.get(i));
      }
    } else {
      readAll(files, tables, parts);
    }
    SnapshotAssembler assembler = SnapshotAssembler.merge(parts);
    Instant asOf = null;
    String category = null;
    Path meta = dir.resolve("snapshot.json");
    if (Files.isRegularFile(meta)) {
      SnapshotMeta m = SnapshotMeta.read(meta);
      asOf = m.asOf();
      category = m.category();
    }
    return assembler.build(asOf, category, dirName);
  }

  /** From this many bytes of CSV on, the tables are read in parallel. */
  private static final long PARALLEL_BYTES = 16L << 20;

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // reading it will say what is wrong
    }
  }

  /** Reads the tables concurrently; the first failure in table order is the one reported. */
  private static void readAll(List<Path> files, List<Table> tables, List<SnapshotAssembler> parts) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(files.size(), Runtime.getRuntime().availableProcessors()),
            r -> {
              Thread t = new Thread(r, "privscreen-read");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        int k = i;
        done.add(pool.submit(() -> readTable(files.get(k), tables.get(k), parts.get(k))));
      }
      for (Future<?> f : done) {
        try {
          f.get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataException("interrupted while reading");
    } finally {
      pool.shutdownNow();
    }
  }

  private static void readTable(Path file, Table table, SnapshotAssembler assembler) {
    String name = file.toString();
    try (CsvCursor csv = new CsvCursor(Files.newInputStream(file), name)) {
      if (!csv.next()) {
        throw new DataException(name + ": empty file, expected a header row");
      }
      CursorRow row = new CursorRow(csv, name, header(csv, table, name));
      while (csv.next()) {
        if (csv.cells() != row.columns.length) {
          throw new DataException(
              row.where()
                  + ": expected "
                  + row.columns.length
                  + " cells as in the header, found "
                  + csv.cells());
        }
        assembler.add(table, row);
      }
    } catch (NoSuchFileException e) {
      throw new DataException(name + ": no such file");
    } catch (IOException e) {
      throw new DataException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** The column names, lower case, checked for repeats and the table's required columns. */
  private static String[] header(CsvCursor csv, Table table, String name) {
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

  /**
   * The cursor's current record as a {@link Row}: one object per table, not per record, and cells
   * that are views of the cursor's buffer, made only for the columns the assembler asks for.
   */
  private static final class CursorRow implements Row {
    private final CsvCursor csv;
    private final String file;
    final String[] columns;
    private final ColumnCell[] cells;

    CursorRow(CsvCursor csv, String file, String[] columns) {
      this.csv = csv;
      this.file = file;
      this.columns = columns;
      this.cells = new ColumnCell[columns.length];
    }

    /** The current record's place, made once per record and only when asked for. */
    private Place where;

    @Override
    public Place where() {
      if (where == null || where.line() != csv.line()) {
        where = new Place(file, csv.line(), 0);
      }
      return where;
    }

    @Override
    public Cell cell(String column) {
      int i = indexOf(column);
      if (i < 0) {
        return Cell.of(where(), column, null, false);
      }
      if (cells[i] == null) {
        cells[i] = new ColumnCell(this, i);
      }
      return cells[i];
    }

    private int indexOf(String column) {
      for (int i = 0; i < columns.length; i++) {
        if (columns[i] == column) {
          return i;
        }
      }
      for (int i = 0; i < columns.length; i++) {
        if (columns[i].equals(column)) {
          return i;
        }
      }
      return -1;
    }
  }

  /** One column of the cursor's current record: reused from record to record. */
  private record ColumnCell(CursorRow row, int index) implements Cell {
    @Override
    public Place where() {
      return row.where();
    }

    @Override
    public String field() {
      return row.columns[index];
    }

    @Override
    public CharSequence text() {
      return row.csv.cell(index);
    }

    @Override
    public boolean nested() {
      return false;
    }
  }
}
