package dev.privscreen.output;

import dev.privscreen.format.Kind;
import dev.privscreen.format.NumberText;
import dev.privscreen.format.Printable;
import dev.privscreen.format.Times;
import dev.privscreen.model.ListingEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A value as the text of a CSV cell (exact, for machines) or a table cell (short, for people). */
final class Cells {
  private Cells() {}

  /**
   * CSV: lists joined by {@code ;} (a listing as {@code venue market pair listed_at action}), null
   * empty, numbers exact, and a text a spreadsheet would run as a formula defused.
   */
  @SuppressWarnings("unchecked")
  static String csv(Kind kind, Object v) {
    if (v == null) {
      return "";
    }
    return switch (kind) {
      case TEXT -> defuse(v.toString());
      case TIME -> Times.instant((Instant) v);
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
      case INTEGER, BOOLEAN -> v.toString();
      case REASONS -> defuse(reasons((Map<String, String>) v));
      case VENUE_RATES -> venueRates((Map<String, Double>) v, ";", ":", NumberText::result);
      case NAMED_DAYS -> defuse(named((Map<String, ?>) v, ";", ":"));
      default -> {
        double d = ((Number) v).doubleValue();
        yield Double.isFinite(d) ? NumberText.result(d) : "";
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

  /** Table: {@code $1.24B}, {@code +123.4%}, {@code 2.80x}; null is {@code -}. */
  @SuppressWarnings("unchecked")
  static String table(Kind kind, Object v) {
    if (v == null || (v instanceof Double d && !Double.isFinite(d))) {
      return "-"; // JSON prints a non-finite number as null; the table agrees
    }
    return switch (kind) {
      case TEXT -> Printable.escape(v.toString());
      case TIME -> Times.instant((Instant) v);
      case INTEGER -> v.toString();
      case USD -> NumberText.usd(((Number) v).doubleValue());
      case PERCENT -> NumberText.percent(((Number) v).doubleValue());
      case RATE_PERCENT -> NumberText.ratePercent(((Number) v).doubleValue());
      case RATIO -> NumberText.ratio(((Number) v).doubleValue());
      case NUMBER -> NumberText.plain(((Number) v).doubleValue());
      case BOOLEAN -> ((Boolean) v) ? "yes" : "no";
      case REASONS -> Printable.escape(reasons((Map<String, String>) v));
      case VENUE_RATES -> venueRates((Map<String, Double>) v, ", ", " ", NumberText::ratePercent);
      case NAMED_DAYS -> Printable.escape(named((Map<String, ?>) v, ", ", " "));
      case IDS ->
          ((List<String>) v).isEmpty() ? "-" : Printable.escape(String.join(",", (List<String>) v));
      case LISTINGS -> {
        List<String> parts = new ArrayList<>();
        for (ListingEvent e : (List<ListingEvent>) v) {
          parts.add(
              (e.action() == ListingEvent.Action.DELIST ? "-" : "")
                  + e.venue()
                  + " "
                  + e.market().label()
                  + " "
                  + Times.instant(e.listedAt()).substring(0, 10));
        }
        yield parts.isEmpty() ? "-" : String.join(", ", parts);
      }
    };
  }

  /** {@code binance:0.01;okx:-0.02} in CSV, {@code binance +0.0100%, okx -0.0200%} in a table. */
  private static String venueRates(
      Map<String, Double> rates,
      String between,
      String inside,
      java.util.function.DoubleFunction<String> number) {
    List<String> parts = new ArrayList<>();
    rates.forEach((venue, rate) -> parts.add(venue + inside + number.apply(rate)));
    return String.join(between, parts);
  }

  /** {@code name:value;…} (CSV) or {@code name value, …} (table). */
  private static String named(Map<String, ?> m, String between, String inside) {
    List<String> parts = new ArrayList<>();
    m.forEach((k, x) -> parts.add(k + inside + x));
    return String.join(between, parts);
  }

  private static String reasons(Map<String, String> r) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, String> e : r.entrySet()) {
      parts.add(e.getKey() + ": " + e.getValue());
    }
    return String.join("; ", parts);
  }
}
