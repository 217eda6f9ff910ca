package dev.privscreen.source;

import dev.privscreen.error.DataException;
import dev.privscreen.model.Snapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the CSV-directory form of a snapshot (SPEC §2): {@code assets.csv} and optional {@code
 * prices.csv}, {@code open_interest.csv}, {@code listings.csv}, {@code metrics.csv}, {@code
 * snapshot.json}.
 */
final class CsvSnapshotReader {
  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();

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
    try (Reader reader = open(file);
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
      List<String> header = null;
      Map<String, Integer> columns = new HashMap<>();
      for (CSVRecord rec : parser) {
        long line = parser.getCurrentLineNumber();
        if (header == null) {
          header = new ArrayList<>();
          for (String h : rec) {
            String col = h.toLowerCase(Locale.ROOT);
            if (columns.putIfAbsent(col, header.size()) != null) {
              throw new DataException(name + ":" + line + ": column " + col + " appears twice");
            }
            header.add(col);
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
                    + line
                    + ": missing column"
                    + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing));
          }
          continue;
        }
        Place where = new Place(name, line, 0);
        if (rec.size() != header.size()) {
          throw new DataException(
              where
                  + ": expected "
                  + header.size()
                  + " cells as in the header, found "
                  + rec.size());
        }
        // cells are made only for the columns the assembler asks for
        Map<String, Integer> index = columns;
        assembler.add(
            table,
            new Row(
                where,
                "",
                col -> {
                  Integer i = index.get(col);
                  return i == null ? null : new Cell(where, col, rec.get(i), false);
                }));
      }
      if (header == null) {
        throw new DataException(name + ": empty file, expected a header row");
      }
    } catch (UncheckedIOException e) {
      throw new DataException(name + ": malformed CSV: " + e.getCause().getMessage(), e);
    } catch (NoSuchFileException e) {
      throw new DataException(name + ": no such file");
    } catch (IOException e) {
      throw new DataException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** A UTF-8 reader that drops a leading byte-order mark, as spreadsheets write one. */
  private static Reader open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    BufferedReader r =
        new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    r.mark(1);
    if (r.read() != '\uFEFF') {
      r.reset();
    }
    return r;
  }
}
