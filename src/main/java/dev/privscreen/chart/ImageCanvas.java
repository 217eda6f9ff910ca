package dev.privscreen.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The same chart drawn with Java2D into an image (for PNG): loaded by {@code chart --out x.png}
 * only.
 */
final class ImageCanvas implements Canvas {
  final BufferedImage image;
  private final Graphics2D g;

  ImageCanvas(int width, int height) {
    image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
  }

  private static Color c(String hex) {
    return Color.decode(hex);
  }

  @Override
  public void path(List<double[]> points, String colour, double width, String kind, String label) {
    Path2D.Double p = new Path2D.Double();
    boolean pen = false;
    for (double[] pt : points) {
      if (pt == null) {
        pen = false;
        continue;
      }
      if (pen) {
        p.lineTo(pt[0], pt[1]);
      } else {
        p.moveTo(pt[0], pt[1]);
      }
      pen = true;
    }
    g.setColor(c(colour));
    g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(p);
  }

  @Override
  public void rect(double x, double y, double w, double h, String colour, String kind) {
    g.setColor(c(colour));
    g.fill(new java.awt.geom.Rectangle2D.Double(x, y, w, h));
  }

  @Override
  public void line(
      double x1, double y1, double x2, double y2, String colour, boolean dashed, String kind) {
    g.setColor(c(colour));
    g.setStroke(
        dashed
            ? new BasicStroke(
                1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0)
            : new BasicStroke(1));
    g.draw(new java.awt.geom.Line2D.Double(x1, y1, x2, y2));
  }

  @Override
  public void text(double x, double y, String text, double size, String anchor, String colour) {
    g.setColor(c(colour));
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(size)));
    int w = g.getFontMetrics().stringWidth(text);
    double left = anchor.equals("middle") ? x - w / 2.0 : anchor.equals("end") ? x - w : x;
    g.drawString(text, (float) left, (float) y);
  }

  @Override
  public void marker(double x, double y, boolean up, String colour, String label) {
    double h = up ? 9 : -9;
    Path2D.Double p = new Path2D.Double();
    p.moveTo(x, y);
    p.lineTo(x - 5, y + h);
    p.lineTo(x + 5, y + h);
    p.closePath();
    g.setColor(c(colour));
    g.fill(p);
  }
}
