package dev.privscreen.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivers a message to a target: the service's request, bounded by a timeout a send and a wait a
 * run; a 429 or 5xx retried up to 3 times, after the service's own hint (Retry-After, Telegram's
 * {@code parameters.retry_after}, Discord's {@code retry_after}) when it gives one, else 1, 2, 4 s.
 * Redirects are not followed (a webhook that moves is a failure to see, not to chase). Errors name
 * the target masked and never echo the body's secrets.
 */
public final class Sender {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the service said: delivered or not, and in a line for the user. */
  public record Outcome(Target target, boolean delivered, String detail) {}

  private final HttpClient http;
  private final Duration timeout;
  private final Duration maxWait;
  private final String userAgent;
  private final long backoffMillis;
  private final long deadlineNanos;

  /**
   * @param timeout for one request, connect to last byte
   * @param maxWait the longest a retry hint is honoured; a longer one fails the target
   * @param backoffMillis the first retry's wait without a hint (tests make it short)
   */
  /**
   * @param budget the whole run's time for every send and wait together: a cron run ends in a
   *     bounded time however many targets are slow
   */
  public Sender(
      Duration timeout, Duration maxWait, Duration budget, String userAgent, long backoffMillis) {
    this.deadlineNanos = System.nanoTime() + budget.toNanos();
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.timeout = timeout;
    this.maxWait = maxWait;
    this.userAgent = userAgent;
    this.backoffMillis = backoffMillis;
  }

  /** Sends the message to the target, in as many requests as the service's length limit needs. */
  public Outcome send(Target t, AlertMessage m) {
    List<HttpRequest> requests = new ArrayList<>();
    switch (t.service()) {
      case "ntfy" -> {
        HttpRequest.Builder b =
            base(t.endpoint())
                .header("Title", ascii(m.title()))
                .header("Priority", t.option("priority", "high"))
                .header("Tags", ascii(t.option("tags", "chart_with_upwards_trend")));
        String click = t.option("click", null);
        if (click != null) { // what a tap on the notification opens
          b.header("Click", ascii(click));
        }
        requests.add(b.POST(body(m.body())).build());
      }
      case "tgram" -> {
        boolean markdown = t.option("format", "html").equalsIgnoreCase("markdown");
        for (String part : AlertMessage.split(markdown ? m.markdownV2() : m.html(), 4000)) {
          requests.add(
              json(
                  t.endpoint(),
                  "{\"chat_id\":"
                      + quote(t.chat())
                      + ",\"text\":"
                      + quote(part)
                      + ",\"parse_mode\":\""
                      + (markdown ? "MarkdownV2" : "HTML")
                      + "\",\"disable_web_page_preview\":true}"));
        }
      }
      case "discord" -> {
        for (String part : AlertMessage.split(m.text(), 1900)) {
          requests.add(json(t.endpoint(), "{\"content\":" + quote(part) + "}"));
        }
      }
      case "slack" -> requests.add(json(t.endpoint(), "{\"text\":" + quote(m.text()) + "}"));
      case "json" -> requests.add(json(t.endpoint(), m.json()));
      default -> throw new IllegalStateException(t.service());
    }
    String last = "sent";
    for (HttpRequest r : requests) {
      if (t.authorization() != null) {
        r =
            HttpRequest.newBuilder(r, (k, v) -> true)
                .header("Authorization", t.authorization())
                .build();
      }
      Outcome o = deliver(t, r);
      if (!o.delivered()) {
        return o;
      }
      last = o.detail();
    }
    return new Outcome(t, true, last);
  }

  private Outcome deliver(Target t, HttpRequest r) {
    long wait = backoffMillis;
    for (int attempt = 1; ; attempt++) {
      if (leftMillis() <= 0) {
        return new Outcome(
            t, false, t.redacted() + ": not sent: the run's time for notifying ran out");
      }
      HttpResponse<String> resp;
      try {
        resp = http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        if (attempt > 3) {
          return new Outcome(t, false, t.redacted() + ": cannot reach " + t.endpoint().getHost());
        }
        sleep(wait);
        wait *= 2;
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Outcome(t, false, t.redacted() + ": interrupted");
      }
      int s = resp.statusCode();
      if (s >= 200 && s < 300) {
        return new Outcome(t, true, "HTTP " + s);
      }
      String said = said(resp.body());
      if ((s == 429 || s >= 500) && attempt <= 3) {
        Long hint = retryAfterMillis(resp);
        long w = hint != null ? hint : wait;
        if (w > maxWait.toMillis() || w > leftMillis()) {
          return new Outcome(
              t,
              false,
              t.redacted()
                  + ": HTTP "
                  + s
                  + ", asked to wait "
                  + w / 1000
                  + " s, longer than "
                  + (w > maxWait.toMillis()
                      ? "--max-wait " + maxWait.toSeconds() + " s"
                      : "the run's time for notifying"));
        }
        sleep(w);
        wait *= 2;
        continue;
      }
      return new Outcome(
          t, false, t.redacted() + ": HTTP " + s + (said.isEmpty() ? "" : ": " + said));
    }
  }

  private long leftMillis() {
    return (deadlineNanos - System.nanoTime()) / 1_000_000;
  }

  /** Retry-After (seconds), Telegram's parameters.retry_after, Discord's retry_after (seconds). */
  static Long retryAfterMillis(HttpResponse<String> resp) {
    String h = resp.headers().firstValue("Retry-After").orElse(null);
    if (h != null) {
      try {
        return (long) (Double.parseDouble(h.strip()) * 1000);
      } catch (NumberFormatException e) {
        // an HTTP date: fall back to the body's hint or the backoff
      }
    }
    try {
      JsonNode n = JSON.readTree(resp.body());
      JsonNode ra = n.path("parameters").path("retry_after");
      if (ra.isNumber()) {
        return (long) (ra.asDouble() * 1000);
      }
      ra = n.path("retry_after");
      if (ra.isNumber()) {
        return (long) (ra.asDouble() * 1000);
      }
    } catch (IOException | RuntimeException e) {
      // not JSON: no hint
    }
    return null;
  }

  /** What the service said of a refusal, in one short line: its description or message. */
  private static String said(String body) {
    try {
      JsonNode n = JSON.readTree(body);
      for (String k : List.of("description", "message", "error")) {
        JsonNode v = n.get(k);
        if (v != null && v.isTextual()) {
          return clip(v.asText());
        }
      }
    } catch (IOException | RuntimeException e) {
      // plain text (Slack says "invalid_token")
    }
    return clip(body == null ? "" : body.strip());
  }

  private static String clip(String s) {
    String one = s.replaceAll("[\\r\\n\\t]+", " ").replaceAll("[\\p{Cntrl}]", "");
    return one.length() > 160 ? one.substring(0, 160) + "…" : one;
  }

  private HttpRequest.Builder base(URI u) {
    return HttpRequest.newBuilder(u).timeout(timeout).header("User-Agent", userAgent);
  }

  private HttpRequest json(URI u, String body) {
    return base(u).header("Content-Type", "application/json").POST(body(body)).build();
  }

  private static HttpRequest.BodyPublisher body(String s) {
    return HttpRequest.BodyPublishers.ofString(s, StandardCharsets.UTF_8);
  }

  private static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Header values must be ASCII: other characters become '?'. */
  private static String ascii(String s) {
    return s.replaceAll("[^\\x20-\\x7e]", "?");
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(Math.max(0, ms));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
