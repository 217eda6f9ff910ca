package dev.privscreen.chart;

import java.util.List;
import java.util.Locale;

/** A standalone SVG document, written by hand: a few elements need no library. */
final class SvgCanvas implements Canvas {
  private final StringBuilder b = new StringBuilder();

  SvgCanvas(int width, int height) {
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n")
        .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
  }

  private static String n(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String xml(String s) {
    StringBuilder o = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> o.append("&lt;");
        case '>' -> o.append("&gt;");
        case '&' -> o.append("&amp;");
        case '"' -> o.append("&quot;");
        default -> o.append(c < 0x20 ? ' ' : c); // XML 1.0 has no place for control characters
      }
    }
    return o.toString();
  }

  @Override
  public void path(List<double[]> points, String colour, double width, String kind, String label) {
    StringBuilder d = new StringBuilder();
    boolean pen = false;
    for (double[] p : points) {
      if (p == null) {
        pen = false;
        continue;
      }
      d.append(pen ? " L" : (d.length() == 0 ? "M" : " M"))
          .append(n(p[0]))
          .append(' ')
          .append(n(p[1]));
      pen = true;
    }
    b.append("<path class=\"series\" data-kind=\"")
        .append(kind)
        .append("\" data-label=\"")
        .append(xml(label))
        .append("\" d=\"")
        .append(d)
        .append("\" fill=\"none\" stroke=\"")
        .append(colour)
        .append("\" stroke-width=\"")
        .append(n(width))
        .append("\" stroke-linejoin=\"round\"/>\n");
  }

  @Override
  public void rect(double x, double y, double w, double h, String colour, String kind) {
    b.append("<rect class=\"")
        .append(kind)
        .append("\" x=\"")
        .append(n(x))
        .append("\" y=\"")
        .append(n(y))
        .append("\" width=\"")
        .append(n(w))
        .append("\" height=\"")
        .append(n(h))
        .append("\" fill=\"")
        .append(colour)
        .append("\"/>\n");
  }

  @Override
  public void line(
      double x1, double y1, double x2, double y2, String colour, boolean dashed, String kind) {
    b.append("<line class=\"")
        .append(kind)
        .append("\" x1=\"")
        .append(n(x1))
        .append("\" y1=\"")
        .append(n(y1))
        .append("\" x2=\"")
        .append(n(x2))
        .append("\" y2=\"")
        .append(n(y2))
        .append("\" stroke=\"")
        .append(colour)
        .append(dashed ? "\" stroke-dasharray=\"6 4" : "")
        .append("\" stroke-width=\"1\"/>\n");
  }

  @Override
  public void text(double x, double y, String text, double size, String anchor, String colour) {
    b.append("<text x=\"")
        .append(n(x))
        .append("\" y=\"")
        .append(n(y))
        .append("\" font-size=\"")
        .append(n(size))
        .append("\" text-anchor=\"")
        .append(anchor)
        .append("\" fill=\"")
        .append(colour)
        .append("\">")
        .append(xml(text))
        .append("</text>\n");
  }

  @Override
  public void marker(double x, double y, boolean up, String colour, String label) {
    double h = up ? 9 : -9;
    b.append("<path class=\"event\" data-kind=\"")
        .append(up ? "list" : "delist")
        .append("\" data-label=\"")
        .append(xml(label))
        .append("\" d=\"M")
        .append(n(x))
        .append(' ')
        .append(n(y))
        .append(" L")
        .append(n(x - 5))
        .append(' ')
        .append(n(y + h))
        .append(" L")
        .append(n(x + 5))
        .append(' ')
        .append(n(y + h))
        .append(" Z\" fill=\"")
        .append(colour)
        .append("\"/>\n");
  }

  String finish() {
    return b.append("</svg>\n").toString();
  }
}
