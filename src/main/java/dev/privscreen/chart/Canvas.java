package dev.privscreen.chart;

import java.util.List;

/**
 * Where {@link VectorChart} draws: an SVG document or a Java2D image, so the two are one chart.
 * Coordinates in pixels from the top left; colours as {@code #rrggbb}.
 */
interface Canvas {
  /** A polyline; a null point breaks it (a day without data). One element per call. */
  void path(List<double[]> points, String colour, double width, String kind, String label);

  void rect(double x, double y, double w, double h, String colour, String kind);

  void line(double x1, double y1, double x2, double y2, String colour, boolean dashed, String kind);

  /**
   * @param anchor start, middle or end
   */
  void text(double x, double y, String text, double size, String anchor, String colour);

  /** A triangle pointing up (a listing) or down (a delisting) with its tip at (x, y). */
  void marker(double x, double y, boolean up, String colour, String label);
}
