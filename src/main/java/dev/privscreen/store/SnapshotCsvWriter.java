package dev.privscreen.store;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.privscreen.format.Times;
import dev.privscreen.model.Asset;
import dev.privscreen.model.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a snapshot as SPEC §2's CSV directory ({@code assets.csv}, the four history tables and
 * {@code snapshot.json}), each file atomically, for DuckDB, pandas or a spreadsheet.
 */
public final class SnapshotCsvWriter {
  private SnapshotCsvWriter() {}

  public static void write(Snapshot s, Path dir) throws IOException {
    Files.createDirectories(dir);
    StringBuilder a = new StringBuilder(String.join(",", FetchRecord.ASSETS)).append('\n');
    for (Asset x : s.assets()) {
      CsvLine.row(a, FetchRecord.cells(x));
    }
    put(dir.resolve("assets.csv"), a);
    put(dir.resolve("prices.csv"), table(FactTable.PRICES, s.prices(), FactTable::cells));
    put(
        dir.resolve("open_interest.csv"),
        table(FactTable.OPEN_INTEREST, s.openInterest(), FactTable::cells));
    put(dir.resolve("listings.csv"), table(FactTable.LISTINGS, s.listings(), FactTable::cells));
    put(dir.resolve("metrics.csv"), table(FactTable.METRICS, s.metrics(), FactTable::cells));
    if (!s.funding().isEmpty()) {
      put(dir.resolve("funding.csv"), table(FactTable.FUNDING, s.funding(), FactTable::cells));
    }
    StringBuilder meta = new StringBuilder("{\"as_of\":\"").append(Times.instant(s.asOf()));
    meta.append('"');
    if (s.category() != null) {
      meta.append(",\"category\":\"")
          .append(JsonStringEncoder.getInstance().quoteAsString(s.category()))
          .append('"');
    }
    put(dir.resolve("snapshot.json"), meta.append("}\n"));
  }

  private static <T> StringBuilder table(
      FactTable t, List<T> rows, java.util.function.Function<T, String[]> cells) {
    StringBuilder s = new StringBuilder(String.join(",", t.columns)).append('\n');
    for (T r : rows) {
      CsvLine.row(s, cells.apply(r));
    }
    return s;
  }

  private static void put(Path f, CharSequence text) throws IOException {
    AtomicFile.write(f, false, w -> w.append(text));
  }
}
