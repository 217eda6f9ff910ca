package dev.privscreen.chart;

import dev.privscreen.chart.Chart.Event;
import dev.privscreen.chart.Chart.Panel;
import dev.privscreen.chart.Chart.Series;
import dev.privscreen.format.NumberText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The chart as a picture for a mail or a report: a title and a legend, the price panel (a line per
 * asset), volume bars, the open interest with its previous high dashed, a date axis, and a marker
 * under it for each listing (▲) and delisting (▼). One layout drawn on a {@link Canvas}, so the SVG
 * and the PNG are the same chart.
 */
public final class VectorChart {
  static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"};
  private static final double LEFT = 84;
  private static final double RIGHT = 24;
  private static final double TOP = 48;
  private static final double BOTTOM = 64;
  private static final double GAP = 14;

  private VectorChart() {}

  public static String svg(Chart c, int width, int height) {
    SvgCanvas canvas = new SvgCanvas(width, height);
    draw(c, canvas, width, height);
    return canvas.finish();
  }

  /** Writes the chart as a PNG image (Java2D, loaded here only). */
  public static void png(Chart c, int width, int height, Path out) throws IOException {
    ImageCanvas canvas = new ImageCanvas(width, height);
    draw(c, canvas, width, height);
    if (!javax.imageio.ImageIO.write(canvas.image, "png", out.toFile())) {
      throw new IOException("no PNG writer in this Java");
    }
  }

  static void draw(Chart c, Canvas g, int width, int height) {
    double plotW = width - LEFT - RIGHT;
    List<String> names = new ArrayList<>();
    c.assets().forEach(s -> names.add(s.symbol()));
    double legendW = 0;
    for (String sym : names) {
      legendW += sym.length() * 8 + 6 + 22;
    }
    // the title in the room the legend leaves it (15 px text is about 7.5 px a character): the
    // long form, else the symbols and the dates, else cut; a small picture must not overlap them
    int room = (int) ((width - RIGHT - legendW - LEFT - 12) / 7.5);
    String dates = c.from() + " … " + c.to();
    String title =
        String.join(", ", names)
            + " — "
            + (c.normalize() ? "close rebased to 100" : "close")
            + (c.panels().contains(Panel.volume) ? ", volume" : "")
            + (c.panels().contains(Panel.oi) ? ", open interest" : "")
            + (c.panels().contains(Panel.funding) ? ", funding rate" : "")
            + ", "
            + dates;
    if (title.length() > room) {
      title = String.join(", ", names) + " — " + dates;
    }
    if (title.length() > room) {
      title = room <= 1 ? "" : title.substring(0, room - 1) + "…";
    }
    g.text(LEFT, 24, title, 15, "start", "#222222");
    double lx = width - RIGHT;
    for (int k = c.assets().size() - 1; k >= 0; k--) {
      String sym = c.assets().get(k).symbol();
      g.text(lx, 24, sym, 13, "end", "#222222");
      lx -= sym.length() * 8 + 6;
      g.rect(lx - 12, 15, 12, 4, PALETTE[k % PALETTE.length], "legend");
      lx -= 22;
    }

    double weightSum = 0;
    for (Panel p : c.panels()) {
      weightSum += weight(p);
    }
    double avail = height - TOP - BOTTOM - GAP * (c.panels().size() - 1);
    double y = TOP;
    for (Panel p : c.panels()) {
      double h = avail * weight(p) / weightSum;
      switch (p) {
        case price -> price(c, g, y, h, plotW);
        case volume -> volume(c, g, y, h, plotW);
        case oi -> oi(c, g, y, h, plotW);
        case funding -> funding(c, g, y, h, plotW);
      }
      y += h + GAP;
    }
    axis(c, g, height - BOTTOM, plotW);
  }

  private static double weight(Panel p) {
    return switch (p) {
      case price -> 0.58;
      case volume -> 0.14;
      case oi -> 0.28;
      case funding -> 0.2;
    };
  }

  static double x(Chart c, int day, double plotW) {
    int n = c.days();
    return LEFT + (n == 1 ? plotW / 2 : plotW * day / (n - 1));
  }

  private static void frame(
      Canvas g, Scale s, double top, double h, double plotW, Scale.Unit unit) {
    // as many labels as the panel has room for: 11 px text, one every 22 px at the most
    int n = (int) Math.max(1, Math.min(4, h / 22));
    double lastY = Double.NEGATIVE_INFINITY;
    for (double t : s.ticks(n)) {
      double yy = top + (1 - s.at(t)) * h;
      if (Math.abs(yy - lastY) < 13) {
        continue; // two labels would overlap
      }
      lastY = yy;
      g.line(LEFT, yy, LEFT + plotW, yy, "#e6e6e6", false, "grid");
      g.text(LEFT - 6, yy + 4, Scale.label(t, unit), 11, "end", "#555555");
    }
    g.line(LEFT, top, LEFT, top + h, "#999999", false, "axis");
  }

  private static List<double[]> points(
      Chart c, double[] v, Scale s, double top, double h, double w) {
    List<double[]> pts = new ArrayList<>();
    for (int i = 0; i < v.length; i++) {
      double at = s.at(v[i]);
      pts.add(Double.isNaN(at) ? null : new double[] {x(c, i, w), top + (1 - at) * h});
    }
    return pts;
  }

  private static void price(Chart c, Canvas g, double top, double h, double plotW) {
    List<double[]> lines = new ArrayList<>();
    for (Series s : c.assets()) {
      lines.add(c.normalize() ? s.rebased() : s.close());
    }
    Scale s = Scale.of(lines, c.log(), false);
    if (s == null) {
      return;
    }
    frame(g, s, top, h, plotW, c.normalize() ? Scale.Unit.REBASED : Scale.Unit.USD);
    for (int k = 0; k < lines.size(); k++) {
      g.path(
          points(c, lines.get(k), s, top, h, plotW),
          PALETTE[k % PALETTE.length],
          2,
          "price",
          c.assets().get(k).symbol());
    }
  }

  private static void volume(Chart c, Canvas g, double top, double h, double plotW) {
    Series first = c.assets().get(0);
    Scale s = Scale.of(List.of(first.volume()), false, true);
    if (s == null) {
      return;
    }
    double bar = Math.max(1, plotW / c.days() * 0.7);
    for (int i = 0; i < first.volume().length; i++) {
      double v = first.volume()[i];
      if (!Double.isNaN(v)) {
        double bh = s.at(v) * h;
        g.rect(x(c, i, plotW) - bar / 2, top + h - bh, bar, bh, "#9ecae1", "bar");
      }
    }
    g.text(LEFT - 6, top + h / 2 + 4, "vol " + first.symbol(), 11, "end", "#555555");
    g.line(LEFT, top, LEFT, top + h, "#999999", false, "axis");
  }

  private static void oi(Chart c, Canvas g, double top, double h, double plotW) {
    List<Series> with = c.withOi();
    List<double[]> lines = with.stream().map(Series::oi).toList();
    double level = c.oiLevel();
    Scale s = Scale.of(lines, false, false, level);
    if (s == null) {
      return;
    }
    frame(g, s, top, h, plotW, Scale.Unit.USD);
    lines(c, g, with, lines, s, top, h, plotW, "oi", " OI");
    if (!Double.isNaN(level)) {
      double yy = top + (1 - s.at(level)) * h;
      g.line(LEFT, yy, LEFT + plotW, yy, "#444444", true, "level");
      g.text(
          LEFT + plotW, yy - 4, "OI previous high " + NumberText.usd(level), 11, "end", "#444444");
    }
  }

  /** Each asset's funding rate per 8 hours, around a dashed zero: above it longs pay. */
  private static void funding(Chart c, Canvas g, double top, double h, double plotW) {
    List<Series> with = c.withFunding();
    List<double[]> lines = with.stream().map(Series::funding).toList();
    Scale s = Scale.of(lines, false, false, 0);
    if (s == null) {
      return;
    }
    frame(g, s, top, h, plotW, Scale.Unit.RATE);
    lines(c, g, with, lines, s, top, h, plotW, "funding", " funding");
    double zero = top + (1 - s.at(0)) * h;
    g.line(LEFT, zero, LEFT + plotW, zero, "#444444", true, "level");
    g.text(LEFT + plotW, zero - 4, "funding per 8 h; above 0 longs pay", 11, "end", "#444444");
  }

  /** A lower panel's line per asset, in the asset's colour, titled with its symbol. */
  private static void lines(
      Chart c,
      Canvas g,
      List<Series> with,
      List<double[]> lines,
      Scale s,
      double top,
      double h,
      double plotW,
      String kind,
      String suffix) {
    for (int k = 0; k < lines.size(); k++) {
      int colour = c.assets().indexOf(with.get(k));
      g.path(
          points(c, lines.get(k), s, top, h, plotW),
          PALETTE[colour % PALETTE.length],
          1.5,
          kind,
          with.get(k).symbol() + suffix);
    }
  }

  private static void axis(Chart c, Canvas g, double y, double plotW) {
    g.line(LEFT, y, LEFT + plotW, y, "#999999", false, "axis");
    int days = c.days();
    int ticks = Math.max(1, Math.min(days - 1, (int) (plotW / 110)));
    for (int t = 0; t <= ticks; t++) {
      int day = days == 1 ? 0 : (int) Math.round((double) t * (days - 1) / ticks);
      double xx = x(c, day, plotW);
      g.line(xx, y, xx, y + 4, "#999999", false, "tick");
      String anchor = t == 0 ? "start" : t == ticks ? "end" : "middle"; // within the picture
      g.text(xx, y + 17, c.from().plusDays(day).toString(), 11, anchor, "#555555");
      if (days == 1) {
        break;
      }
    }
    for (Event e : c.events()) {
      int day = (int) (e.day().toEpochDay() - c.from().toEpochDay());
      g.marker(
          x(c, day, plotW),
          y + 24,
          e.list(),
          e.list() ? "#2ca02c" : "#d62728",
          e.symbol() + " " + e.venue() + " " + e.market() + " " + e.day());
    }
    if (!c.events().isEmpty()) {
      g.text(LEFT, y + 52, "▲ listing   ▼ delisting", 11, "start", "#555555");
    }
  }
}
