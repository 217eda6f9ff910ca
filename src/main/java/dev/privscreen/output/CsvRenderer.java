package dev.privscreen.output;

import dev.privscreen.format.NumberText;
import dev.privscreen.format.Times;
import dev.privscreen.model.ListingEvent;
import dev.privscreen.screen.ResultField;
import dev.privscreen.screen.ResultRow;
import dev.privscreen.screen.ScreenResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code --format csv}: a header and one row per result. Lists are joined by {@code ;} (a listing
 * as {@code venue market pair listed_at action}), null is an empty cell, and a text cell that a
 * spreadsheet would run as a formula gets a leading {@code '}.
 */
final class CsvRenderer implements ScreenRenderer {
  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

  @Override
  public void render(ScreenResult r, List<ResultField> fields, PrintWriter out) {
    try {
      CSVPrinter p = new CSVPrinter(out, FORMAT);
      List<String> header = new ArrayList<>();
      for (ResultField f : fields) {
        header.add(f.name());
      }
      p.printRecord(header);
      for (ResultRow row : r.results()) {
        List<String> cells = new ArrayList<>(fields.size());
        for (ResultField f : fields) {
          cells.add(cell(f, f.get(row)));
        }
        p.printRecord(cells);
      }
      p.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static String cell(ResultField f, Object v) {
    if (v == null) {
      return "";
    }
    return switch (f.kind()) {
      case TEXT -> defuse(v.toString());
      case IDS -> defuse(String.join(";", (List<String>) v));
      case LISTINGS -> {
        List<String> parts = new ArrayList<>();
        for (ListingEvent e : (List<ListingEvent>) v) {
          parts.add(
              e.venue()
                  + " "
                  + e.market().label()
                  + " "
                  + (e.pair() == null ? "-" : e.pair())
                  + " "
                  + Times.instant(e.listedAt())
                  + " "
                  + e.action().label());
        }
        yield defuse(String.join(";", parts));
      }
      case INTEGER -> v.toString();
      default -> {
        double d = ((Number) v).doubleValue();
        yield Double.isFinite(d) ? NumberText.exact(d) : "";
      }
    };
  }

  /** Keeps a spreadsheet from running text as a formula (OWASP CSV injection). */
  static String defuse(String s) {
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      return "'" + s;
    }
    return s;
  }
}
