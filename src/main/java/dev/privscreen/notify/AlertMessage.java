package dev.privscreen.notify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.privscreen.format.NumberText;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One run's alert as a message: a first line short enough for a phone's lock screen (what fired,
 * for which assets), then a line per asset with its key numbers, then the data's as-of. Rendered as
 * plain text (ntfy, Slack, Discord), Telegram HTML, or privscreen.alert/1 JSON.
 *
 * @param alert the alert's name
 * @param asOf the data's as-of
 * @param entries the assets alerted, in rank order
 */
public record AlertMessage(String alert, Instant asOf, List<Entry> entries) {

  public static final String SCHEMA = "privscreen.alert/1";

  /**
   * One asset alerted: its figures (null where unknown) and the rules it passed.
   *
   * @param gain7dPct the 7-day gain, percent
   * @param oiUsd open interest, USD
   */
  public record Entry(
      String id,
      String symbol,
      String name,
      Double priceUsd,
      Double gain7dPct,
      Double oiUsd,
      Double fundingRatePct,
      List<String> signals) {}

  /** The lock-screen line: {@code privscreen movers: 2 new: ZEC, DASH}. */
  public String title() {
    if (entries.isEmpty()) { // --notify-test
      return "privscreen " + alert + ": a test message; alerts will arrive here";
    }
    List<String> symbols = new ArrayList<>();
    for (Entry e : entries) {
      symbols.add(e.symbol());
    }
    String list = String.join(", ", symbols.subList(0, Math.min(6, symbols.size())));
    return "privscreen "
        + alert
        + ": "
        + entries.size()
        + " new: "
        + list
        + (symbols.size() > 6 ? " +" + (symbols.size() - 6) : "");
  }

  /**
   * One line per asset: {@code ZEC $532.06 7d +41.0% OI $812.0M funding +0.0100% [oi_breakout]}.
   */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    for (Entry e : entries) {
      StringBuilder b = new StringBuilder(e.symbol());
      if (e.priceUsd() != null) {
        b.append(' ').append(NumberText.usd(e.priceUsd()));
      }
      if (e.gain7dPct() != null) {
        b.append(" 7d ").append(NumberText.percent(e.gain7dPct()));
      }
      if (e.oiUsd() != null) {
        b.append(" OI ").append(NumberText.usd(e.oiUsd()));
      }
      if (e.fundingRatePct() != null) {
        b.append(" funding ").append(NumberText.ratePercent(e.fundingRatePct()));
      }
      if (!e.signals().isEmpty()) {
        b.append(" [").append(String.join(", ", e.signals())).append(']');
      }
      out.add(b.toString());
    }
    return out;
  }

  /** The whole message as text: the title, the lines, the as-of. */
  public String text() {
    return title() + "\n" + String.join("\n", lines()) + "\n" + footer();
  }

  /** The lines and the as-of, for services that carry the title apart (ntfy's Title header). */
  public String body() {
    return String.join("\n", lines()) + "\n" + footer();
  }

  private String footer() {
    return "as of " + dev.privscreen.format.Times.instant(asOf);
  }

  /** Telegram's HTML: the title bold, every text escaped (&lt; &gt; &amp;). */
  public String html() {
    StringBuilder b = new StringBuilder("<b>").append(escape(title())).append("</b>\n");
    for (String l : lines()) {
      b.append(escape(l)).append('\n');
    }
    return b.append("<i>").append(escape(footer())).append("</i>").toString();
  }

  /**
   * Telegram's MarkdownV2: the title bold, the as-of italic, and every one of the characters its
   * documentation reserves ({@code _*[]()~`>#+-=|{}.!} and the backslash) escaped with a backslash,
   * which a price ({@code $0.5}) or a gain ({@code +41.0%}) is full of.
   */
  public String markdownV2() {
    StringBuilder b = new StringBuilder("*").append(escapeMarkdown(title())).append("*\n");
    for (String l : lines()) {
      b.append(escapeMarkdown(l)).append('\n');
    }
    return b.append('_').append(escapeMarkdown(footer())).append('_').toString();
  }

  static String escapeMarkdown(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("_*[]()~`>#+-=|{}.!\\".indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** privscreen.alert/1: {@code {"schema","alert","as_of","title","entries":[{…}]}}. */
  public String json() {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("schema", SCHEMA);
      g.writeStringField("alert", alert);
      g.writeStringField("as_of", dev.privscreen.format.Times.instant(asOf));
      g.writeStringField("title", title());
      g.writeArrayFieldStart("entries");
      for (Entry e : entries) {
        g.writeStartObject();
        g.writeStringField("id", e.id());
        g.writeStringField("symbol", e.symbol());
        g.writeStringField("name", e.name());
        number(g, "price_usd", e.priceUsd());
        number(g, "gain_7d_pct", e.gain7dPct());
        number(g, "oi_usd", e.oiUsd());
        number(g, "funding_rate_pct", e.fundingRatePct());
        g.writeArrayFieldStart("signals");
        for (String s : e.signals()) {
          g.writeString(s);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
    return w.toString();
  }

  private static void number(JsonGenerator g, String name, Double v) throws IOException {
    g.writeFieldName(name);
    if (v == null || !Double.isFinite(v)) {
      g.writeNull();
    } else {
      g.writeNumber(NumberText.result(v));
    }
  }

  /**
   * Splits text into pieces of at most {@code max} characters, at line ends where it can: Telegram
   * takes 4,096 a message, Discord 2,000.
   */
  static List<String> split(String text, int max) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String l = line;
      while (l.length() > max) { // a line longer than a message: cut it
        if (cur.length() > 0) {
          out.add(cur.toString());
          cur.setLength(0);
        }
        out.add(l.substring(0, max));
        l = l.substring(max);
      }
      if (cur.length() > 0 && cur.length() + 1 + l.length() > max) {
        out.add(cur.toString());
        cur.setLength(0);
      }
      if (cur.length() > 0) {
        cur.append('\n');
      }
      cur.append(l);
    }
    if (cur.length() > 0) {
      out.add(cur.toString());
    }
    return out;
  }
}
