package dev.privscreen.chart;

import dev.privscreen.chart.Chart.Event;
import dev.privscreen.chart.Chart.Panel;
import dev.privscreen.chart.Chart.Series;
import dev.privscreen.format.NumberText;
import dev.privscreen.format.Printable;
import java.util.ArrayList;
import java.util.List;

/**
 * The chart in a terminal: the price as a line of Braille dots (2 × 4 a character), volume as bars
 * of block characters under it, open interest as a Braille line with its previous high as a dotted
 * level, listings (▲) and delistings (▼) marked under the date axis and told in a legend. Colour
 * only when asked (a terminal); the drawing is the same without.
 */
public final class TerminalChart {
  private static final String[] COLOURS = {"\u001b[36m", "\u001b[33m", "\u001b[35m", "\u001b[32m"};
  private static final String RESET = "\u001b[0m";
  private static final int GUTTER = 10;

  private TerminalChart() {}

  /**
   * @param width the whole width in characters (the plot takes what the axis labels leave)
   * @param height the price panel's rows (volume takes 3, open interest half the price's)
   */
  public static String render(Chart c, int width, int height, boolean colour) {
    int plot = Math.max(10, width - GUTTER - 1);
    StringBuilder out = new StringBuilder();
    out.append(title(c)).append('\n');
    Series first = c.assets().get(0);
    if (c.panels().contains(Panel.price)) {
      List<double[]> lines = new ArrayList<>();
      for (Series s : c.assets()) {
        lines.add(c.normalize() ? s.rebased() : s.close());
      }
      Scale y = Scale.of(lines, c.log(), false);
      if (y != null) {
        Braille b = new Braille(plot, height);
        for (int k = 0; k < lines.size(); k++) {
          b.line(lines.get(k), y, k);
        }
        b.write(out, y, c.normalize() ? Scale.Unit.REBASED : Scale.Unit.USD, colour, Double.NaN);
      }
    }
    if (c.panels().contains(Panel.volume)) {
      bars(out, first.volume(), plot, 3);
      out.append(" ".repeat(GUTTER - 4)).append("vol ").append(Printable.escape(first.symbol()));
      out.append('\n');
    }
    if (c.panels().contains(Panel.oi)) {
      List<double[]> lines = c.withOi().stream().map(Series::oi).toList();
      double level = c.oiLevel();
      Scale y = Scale.of(lines, false, false, level);
      if (y != null) {
        Braille b = new Braille(plot, Math.max(3, height / 2));
        for (int k = 0; k < lines.size(); k++) {
          b.line(lines.get(k), y, k);
        }
        b.write(out, y, Scale.Unit.USD, colour, level);
      }
    }
    if (c.panels().contains(Panel.funding)) {
      List<Series> with = c.withFunding();
      List<double[]> lines = with.stream().map(Series::funding).toList();
      Scale y = Scale.of(lines, false, false, 0); // zero always in view: who pays whom
      if (y != null) {
        Braille b = new Braille(plot, Math.max(3, height / 3));
        for (int k = 0; k < lines.size(); k++) {
          b.line(lines.get(k), y, c.assets().indexOf(with.get(k)));
        }
        b.write(out, y, Scale.Unit.RATE, colour, 0);
      }
    }
    axis(out, c, plot);
    legend(out, c, colour);
    return stripLineEnds(out);
  }

  private static String title(Chart c) {
    StringBuilder t = new StringBuilder();
    for (Series s : c.assets()) {
      if (t.length() > 0) {
        t.append("  ");
      }
      t.append(Printable.escape(s.symbol()));
      double last = Double.NaN;
      double firstClose = Double.NaN;
      for (double v : s.close()) {
        if (!Double.isNaN(v)) {
          last = v;
          if (Double.isNaN(firstClose)) {
            firstClose = v;
          }
        }
      }
      if (!Double.isNaN(last)) {
        t.append(' ').append(NumberText.usd(last));
        if (firstClose != 0) {
          t.append(" (").append(NumberText.percent((last / firstClose - 1) * 100)).append(')');
        }
      }
    }
    return t + "   " + c.from() + " … " + c.to() + (c.normalize() ? "   (rebased to 100)" : "");
  }

  /** The column a day falls in. */
  static int column(int day, int days, int width) {
    return days == 1 ? width / 2 : (int) Math.round((double) day * (width - 1) / (days - 1));
  }

  private static void bars(StringBuilder out, double[] v, int plot, int rows) {
    double max = 0;
    for (double x : v) {
      if (!Double.isNaN(x)) {
        max = Math.max(max, x);
      }
    }
    int[] level = new int[plot];
    java.util.Arrays.fill(level, -1);
    for (int day = 0; day < v.length; day++) { // a bar a day, in the day's column
      double x = v[day];
      if (!Double.isNaN(x) && max > 0) {
        level[column(day, v.length, plot)] = (int) Math.round(x / max * rows * 8);
      }
    }
    for (int r = rows - 1; r >= 0; r--) {
      out.append(" ".repeat(GUTTER)).append('│');
      for (int col = 0; col < plot; col++) {
        int l = level[col] - r * 8;
        out.append(level[col] < 0 || l <= 0 ? ' ' : "▁▂▃▄▅▆▇█".charAt(Math.min(8, l) - 1));
      }
      out.append('\n');
    }
  }

  private static void axis(StringBuilder out, Chart c, int plot) {
    int days = c.days();
    out.append(" ".repeat(GUTTER)).append('└').append("─".repeat(plot)).append('\n');
    char[] dates = " ".repeat(GUTTER + 1 + plot + 6).toCharArray();
    int ticks = Math.max(1, Math.min(days, plot / 12));
    int lastEnd = -1;
    for (int t = 0; t <= ticks; t++) {
      int day = ticks == 0 ? 0 : (int) Math.round((double) t * (days - 1) / ticks);
      int col = GUTTER + 1 + column(day, days, plot);
      String label = c.from().plusDays(day).toString().substring(5);
      int start = Math.min(col - 2, GUTTER + 1 + plot - label.length()); // within the width
      if (start > lastEnd && start >= 0) {
        label.getChars(0, label.length(), dates, start);
        lastEnd = start + label.length();
      }
    }
    out.append(new String(dates).stripTrailing()).append('\n');
    List<Event> events = c.events();
    if (!events.isEmpty()) {
      char[] marks = " ".repeat(GUTTER + 1 + plot).toCharArray();
      for (Event e : events) {
        int day = (int) (e.day().toEpochDay() - c.from().toEpochDay());
        marks[GUTTER + 1 + column(day, days, plot)] = e.list() ? '▲' : '▼';
      }
      out.append(new String(marks).stripTrailing()).append('\n');
    }
  }

  private static void legend(StringBuilder out, Chart c, boolean colour) {
    if (c.assets().size() > 1) {
      for (int k = 0; k < c.assets().size(); k++) {
        out.append(colour ? COLOURS[k % COLOURS.length] : "")
            .append("⣿ ")
            .append(colour ? RESET : "")
            .append(Printable.escape(c.assets().get(k).symbol()))
            .append(k + 1 < c.assets().size() ? "   " : "\n");
      }
    }
    if (c.panels().contains(Panel.oi)) {
      Series s = c.assets().stream().filter(Series::hasOi).findFirst().orElseThrow();
      if (!Double.isNaN(s.oiPrevHigh())) {
        out.append("┄ OI previous high (30 days before ")
            .append(c.to())
            .append("): ")
            .append(NumberText.usd(s.oiPrevHigh()))
            .append('\n');
      }
    }
    if (c.panels().contains(Panel.funding)) {
      out.append("┄ funding 0: above it longs pay shorts (per 8 hours, venues weighted by OI)\n");
    }
    for (Event e : c.events()) {
      out.append(e.list() ? "▲ " : "▼ ")
          .append(e.day())
          .append(' ')
          .append(Printable.escape(e.symbol()))
          .append(' ')
          .append(Printable.escape(e.venue()))
          .append(' ')
          .append(e.market())
          .append(e.list() ? " listing" : " delisting")
          .append('\n');
    }
  }

  /** A grid of Braille cells: 2 dots wide and 4 high a character. */
  private static final class Braille {
    final int width;
    final int rows;
    final int[][] dots;
    final int[][] owner;

    Braille(int width, int rows) {
      this.width = width;
      this.rows = rows;
      dots = new int[rows][width];
      owner = new int[rows][width];
    }

    void set(int x, int y, int who) {
      if (x < 0 || y < 0 || x >= width * 2 || y >= rows * 4) {
        return;
      }
      int[] bit = {0x01, 0x02, 0x04, 0x40, 0x08, 0x10, 0x20, 0x80};
      dots[y / 4][x / 2] |= bit[(x % 2) * 4 + y % 4];
      owner[y / 4][x / 2] = who;
    }

    /** The series as a line, broken where a day is unknown. */
    void line(double[] v, Scale s, int who) {
      int px = -1;
      int py = -1;
      for (int i = 0; i < v.length; i++) {
        double at = s.at(v[i]);
        if (Double.isNaN(at)) {
          px = -1;
          continue;
        }
        int x = column(i, v.length, width * 2);
        int y = (int) Math.round((1 - at) * (rows * 4 - 1));
        if (px < 0) {
          set(x, y, who);
        } else {
          int steps = Math.max(Math.abs(x - px), Math.abs(y - py));
          for (int k = 0; k <= steps; k++) {
            set(
                px + (int) Math.round((double) (x - px) * k / Math.max(1, steps)),
                py + (int) Math.round((double) (y - py) * k / Math.max(1, steps)),
                who);
          }
        }
        px = x;
        py = y;
      }
    }

    void write(StringBuilder out, Scale s, Scale.Unit unit, boolean colour, double level) {
      String[] labels = new String[rows];
      for (double t : s.ticks(Math.max(2, rows / 3))) {
        int r = (int) Math.round((1 - s.at(t)) * (rows * 4 - 1)) / 4;
        if (r >= 0 && r < rows && labels[r] == null) {
          labels[r] = Scale.label(t, unit);
        }
      }
      int levelRow =
          Double.isNaN(level) ? -1 : (int) Math.round((1 - s.at(level)) * (rows * 4 - 1)) / 4;
      for (int r = 0; r < rows; r++) {
        String l = labels[r] == null ? "" : labels[r];
        out.append(" ".repeat(Math.max(0, GUTTER - l.length())))
            .append(l, 0, Math.min(GUTTER, l.length()));
        out.append(labels[r] == null ? '│' : '┤');
        for (int x = 0; x < width; x++) {
          int d = dots[r][x];
          if (d == 0) {
            out.append(r == levelRow ? '┄' : ' ');
          } else if (colour) {
            out.append(COLOURS[owner[r][x] % COLOURS.length])
                .append((char) (0x2800 + d))
                .append(RESET);
          } else {
            out.append((char) (0x2800 + d));
          }
        }
        out.append('\n');
      }
    }
  }

  /**
   * Each line without its trailing spaces, in one pass. (A regex " +\n" tried every space of a long
   * blank run again: 13.7 s for a chart 10,000 wide, issue 23.)
   */
  static String stripLineEnds(CharSequence in) {
    StringBuilder b = new StringBuilder(in.length());
    int spaces = 0; // spaces seen and not yet written: written only if something follows them
    for (int i = 0; i < in.length(); i++) {
      char c = in.charAt(i);
      if (c == ' ') {
        spaces++;
      } else {
        if (c != '\n') {
          b.append(" ".repeat(spaces));
        }
        spaces = 0;
        b.append(c);
      }
    }
    return b.append(" ".repeat(spaces)).toString();
  }
}
