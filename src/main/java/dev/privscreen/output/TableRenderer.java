package dev.privscreen.output;

import dev.privscreen.format.NumberText;
import dev.privscreen.model.ListingEvent;
import dev.privscreen.screen.ResultField;
import dev.privscreen.screen.ResultRow;
import dev.privscreen.screen.ScreenResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code --format table}: aligned columns for people; numbers right-aligned, short units. */
final class TableRenderer implements ScreenRenderer {
  private static final int MAX_TEXT = 24;
  private final Style style;

  TableRenderer(Style style) {
    this.style = style;
  }

  @Override
  public void render(ScreenResult r, List<ResultField> fields, PrintWriter out) {
    int n = fields.size();
    int[] width = new int[n];
    List<String> header = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      header.add(label(fields.get(i).name()));
      width[i] = header.get(i).length();
    }
    List<String[]> rows = new ArrayList<>();
    for (ResultRow row : r.results()) {
      String[] cells = new String[n];
      for (int i = 0; i < n; i++) {
        cells[i] = text(fields.get(i), fields.get(i).get(row));
        width[i] = Math.max(width[i], cells[i].length());
      }
      rows.add(cells);
    }
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < n; i++) {
      line.append(style.bold(pad(header.get(i), width[i], rightAligned(fields.get(i)))));
      line.append(i < n - 1 ? "  " : "");
    }
    out.println(line.toString().stripTrailing());
    for (String[] cells : rows) {
      line.setLength(0);
      for (int i = 0; i < n; i++) {
        String padded = pad(cells[i], width[i], rightAligned(fields.get(i)));
        line.append(colour(fields.get(i), cells[i], padded));
        line.append(i < n - 1 ? "  " : "");
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private String colour(ResultField f, String raw, String padded) {
    if (f.kind() == ResultField.Kind.PERCENT) {
      if (raw.startsWith("+") && !raw.equals("+0.0%")) {
        return style.green(padded);
      }
      if (raw.startsWith("-") && raw.length() > 1) {
        return style.red(padded);
      }
    }
    return padded;
  }

  private static boolean rightAligned(ResultField f) {
    return f.kind().numeric();
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(Math.max(0, width - s.length()));
    return right ? fill + s : s + fill;
  }

  /** Column headings: short, upper case; {@code gain_7d_pct} reads {@code 7D}. */
  static String label(String field) {
    return switch (field) {
      case "rank" -> "#";
      case "price_usd" -> "PRICE";
      case "market_cap_usd" -> "MCAP";
      case "fdv_usd" -> "FDV";
      case "volume_24h_usd" -> "VOL 24H";
      case "volume_ratio_30d" -> "VOL/30D";
      case "oi_usd" -> "OI";
      case "oi_prev_high_usd" -> "OI PREV HIGH";
      default -> {
        if (field.startsWith("gain_") && field.endsWith("_pct")) {
          yield field.substring(5, field.length() - 4).toUpperCase(java.util.Locale.ROOT);
        }
        if (field.startsWith("oi_change_") && field.endsWith("_pct")) {
          yield "OI " + field.substring(10, field.length() - 4).toUpperCase(java.util.Locale.ROOT);
        }
        yield field.toUpperCase(java.util.Locale.ROOT);
      }
    };
  }

  @SuppressWarnings("unchecked")
  static String text(ResultField f, Object v) {
    if (v == null) {
      return "-";
    }
    return switch (f.kind()) {
      case TEXT -> truncate(v.toString());
      case INTEGER -> v.toString();
      case USD -> NumberText.usd(((Number) v).doubleValue());
      case PERCENT -> NumberText.percent(((Number) v).doubleValue());
      case NUMBER ->
          f.name().startsWith("volume_ratio")
              ? NumberText.ratio(((Number) v).doubleValue())
              : NumberText.plain(((Number) v).doubleValue());
      case IDS -> ((List<String>) v).isEmpty() ? "-" : String.join(",", (List<String>) v);
      case LISTINGS -> {
        List<String> parts = new ArrayList<>();
        for (ListingEvent e : (List<ListingEvent>) v) {
          parts.add(
              (e.action() == ListingEvent.Action.DELIST ? "-" : "")
                  + e.venue()
                  + " "
                  + e.market().label()
                  + " "
                  + e.listedAt().toString().substring(0, 10));
        }
        yield parts.isEmpty() ? "-" : String.join(", ", parts);
      }
    };
  }

  private static String truncate(String s) {
    return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
  }
}
