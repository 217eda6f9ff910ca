package dev.privscreen.output;

import dev.privscreen.fields.ResultField;
import dev.privscreen.format.Column;
import dev.privscreen.screen.ScreenResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** {@code --format csv}: a header and one row per record (see {@link Cells#csv}). */
final class CsvRenderer implements ScreenRenderer {
  static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

  @Override
  public void render(ScreenResult r, List<ResultField> fields, PrintWriter out) {
    write(r.allRows(), fields, out);
  }

  static <T> void write(List<T> rows, List<? extends Column<T>> columns, PrintWriter out) {
    try {
      CSVPrinter p = new CSVPrinter(out, FORMAT);
      header(p, columns);
      for (T row : rows) {
        record(p, columns, row);
      }
      p.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The header line: the columns' names. */
  static void header(CSVPrinter p, List<? extends Column<?>> columns) throws IOException {
    List<String> header = new ArrayList<>(columns.size());
    for (Column<?> c : columns) {
      header.add(c.name());
    }
    p.printRecord(header);
  }

  /** One record's line. */
  static <T> void record(CSVPrinter p, List<? extends Column<T>> columns, T row)
      throws IOException {
    List<String> cells = new ArrayList<>(columns.size());
    for (Column<T> c : columns) {
      cells.add(Cells.csv(c.kind(), c.get(row)));
    }
    p.printRecord(cells);
  }
}
