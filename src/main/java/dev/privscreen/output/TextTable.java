package dev.privscreen.output;

import dev.privscreen.format.Column;
import dev.privscreen.format.Kind;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Aligned columns for people: a bold header, numbers right-aligned, percents green or red on a
 * terminal, and optional lines under each row (the reasons of {@code --explain}).
 */
final class TextTable {
  private TextTable() {}

  static <T> void write(
      List<T> rows,
      List<? extends Column<T>> columns,
      Style style,
      PrintWriter out,
      Predicate<T> dim,
      BiConsumer<T, PrintWriter> under) {
    int n = columns.size();
    int[] width = new int[n];
    List<String> header = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      header.add(label(columns.get(i).name()));
      width[i] = DisplayWidth.of(header.get(i));
    }
    List<String[]> cells = new ArrayList<>();
    for (T row : rows) {
      String[] c = new String[n];
      for (int i = 0; i < n; i++) {
        c[i] = Cells.table(columns.get(i).kind(), columns.get(i).get(row));
        width[i] = Math.max(width[i], DisplayWidth.of(c[i]));
      }
      cells.add(c);
    }
    int all = n;
    n = fitting(width, style.fit());
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < n; i++) {
      line.append(style.bold(pad(header.get(i), width[i], columns.get(i).kind().numeric())));
      line.append(i < n - 1 ? "  " : "");
    }
    out.println(line.toString().stripTrailing());
    for (int k = 0; k < rows.size(); k++) {
      T row = rows.get(k);
      boolean faint = dim.test(row);
      line.setLength(0);
      for (int i = 0; i < n; i++) {
        Kind kind = columns.get(i).kind();
        String padded = pad(cells.get(k)[i], width[i], kind.numeric());
        line.append(faint ? style.dim(padded) : colour(kind, cells.get(k)[i], padded, style));
        line.append(i < n - 1 ? "  " : "");
      }
      out.println(line.toString().stripTrailing());
      under.accept(row, out);
    }
    if (n < all) {
      out.println(style.dim("(+" + (all - n) + " columns: widen, or --format csv)"));
    }
  }

  /**
   * How many of the columns (from the first) fit in {@code fit} cells with their gaps; at least two
   * (a rank and a symbol), and all of them when {@code fit} is 0.
   */
  static int fitting(int[] width, int fit) {
    if (fit <= 0) {
      return width.length;
    }
    int used = 0;
    for (int i = 0; i < width.length; i++) {
      used += width[i] + (i > 0 ? 2 : 0);
      if (used > fit) {
        return Math.min(width.length, Math.max(2, i));
      }
    }
    return width.length;
  }

  private static String colour(Kind kind, String raw, String padded, Style style) {
    if (kind == Kind.PERCENT || kind == Kind.RATE_PERCENT) {
      if (raw.startsWith("+") && !raw.equals("+0.0%") && !raw.equals("+0.0000%")) {
        return style.green(padded);
      }
      if (raw.startsWith("-") && raw.length() > 1) {
        return style.red(padded);
      }
    }
    return padded;
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(Math.max(0, width - DisplayWidth.of(s)));
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
          yield field.substring(5, field.length() - 4).toUpperCase(Locale.ROOT);
        }
        if (field.startsWith("oi_change_") && field.endsWith("_pct")) {
          yield "OI " + field.substring(10, field.length() - 4).toUpperCase(Locale.ROOT);
        }
        yield field.toUpperCase(Locale.ROOT);
      }
    };
  }
}
