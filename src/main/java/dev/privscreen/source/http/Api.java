package dev.privscreen.source.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privscreen.source.http.SourceFailure.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Reading the APIs' JSON: numbers that may be strings, millisecond times, body-level errors. */
final class Api {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Api() {}

  /** Parses a body; truncated or malformed JSON is a transient failure (worth one more try). */
  static JsonNode parse(String what, String body) {
    try {
      JsonNode n = MAPPER.readTree(body);
      if (n == null || n.isMissingNode()) {
        throw new SourceFailure(Kind.TRANSIENT, what + ": empty body");
      }
      return n;
    } catch (JsonProcessingException e) {
      String m = e.getOriginalMessage();
      int nl = m == null ? -1 : m.indexOf('\n');
      throw new SourceFailure(
          Kind.TRANSIENT, what + ": invalid JSON: " + (nl < 0 ? m : m.substring(0, nl)));
    }
  }

  /** A number sent as a JSON number or a string; null for null, "" or a non-number. */
  static Double num(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (n.isNumber()) {
      double d = n.asDouble();
      return Double.isFinite(d) ? d : null;
    }
    String t = n.asText().strip();
    if (t.isEmpty()) {
      return null;
    }
    try {
      double d = Double.parseDouble(t);
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Epoch milliseconds as a number or a string; null when absent, empty or not positive. */
  static Instant millis(JsonNode n) {
    Double d = num(n);
    return d == null || d <= 0 ? null : Instant.ofEpochMilli(d.longValue());
  }

  static LocalDate day(Instant t) {
    return t.atOffset(ZoneOffset.UTC).toLocalDate();
  }

  /**
   * The day a reading counts for (SPEC §3): the one whose 00:00 UTC it is nearest to. A daily row
   * stamped 00:00Z is its own day's; one stamped 16:00Z (the start of a UTC+8 day) is the next
   * day's; a reading at 12:00 exactly goes forward.
   */
  static LocalDate nearestDay(Instant t) {
    return day(t.plusSeconds(12 * 3600));
  }

  static String text(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() ? null : n.asText();
  }
}
