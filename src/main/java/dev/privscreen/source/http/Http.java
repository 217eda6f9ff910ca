package dev.privscreen.source.http;

import dev.privscreen.source.http.SourceFailure.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * GET with the manners a public API expects: a User-Agent, gzip, timeouts, a per-host rate limit,
 * and retries with exponential backoff that honour Retry-After (SPEC §6). Answers are bodies as
 * text; failures are {@link SourceFailure}s whose messages name the source and path, never a key.
 */
public final class Http {
  private final HttpClient client;
  private final HttpSettings settings;
  private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
  private final Map<String, Double> perMinute;
  private final Redactor redactor;

  /**
   * @param perMinute calls a minute allowed per source name; absent means unlimited
   */
  public Http(HttpSettings settings, Map<String, Double> perMinute, Redactor redactor) {
    this.settings = settings;
    this.perMinute = Map.copyOf(perMinute);
    this.redactor = redactor;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /**
   * One GET with retries; {@code what} names the call in messages ({@code okx
   * /api/v5/public/instruments}). {@code headers} may hold an API key: it never reaches a message.
   * {@code validate} sees every 200 body and may throw a {@link SourceFailure} (a rate-limit code
   * in the body is retried like a 429).
   */
  public String get(
      String source, String what, URI uri, Map<String, String> headers, Consumer<String> validate) {
    RateLimiter limiter =
        limiters.computeIfAbsent(source, s -> new RateLimiter(perMinute.getOrDefault(s, 0.0)));
    long backoff = settings.backoff().toMillis();
    for (int attempt = 0; ; attempt++) {
      try {
        limiter.acquire();
        String body = once(source, uri, headers, what);
        validate.accept(body);
        return body;
      } catch (SourceFailure f) {
        if (f.kind() != Kind.TRANSIENT || attempt >= settings.maxRetries()) {
          String tries = attempt > 0 ? " (after " + (attempt + 1) + " tries)" : "";
          throw new SourceFailure(f.kind(), redactor.apply(f.getMessage()) + tries);
        }
        long wait = backoff << attempt;
        if (f.retryAfterMillis() >= 0) {
          if (f.retryAfterMillis() > settings.maxWait().toMillis()) {
            throw new SourceFailure(
                Kind.PERMANENT,
                redactor.apply(f.getMessage())
                    + ": Retry-After "
                    + f.retryAfterMillis() / 1000
                    + " s is longer than --max-wait "
                    + settings.maxWait().toSeconds()
                    + " s");
          }
          wait = f.retryAfterMillis();
          limiter.pause(wait);
        }
        sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SourceFailure(Kind.PERMANENT, what + ": interrupted");
      }
    }
  }

  private String once(String source, URI uri, Map<String, String> headers, String what)
      throws InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(settings.requestTimeout())
            .header("User-Agent", settings.userAgent())
            .header("Accept", "application/json")
            .header("Accept-Encoding", "gzip")
            .GET();
    headers.forEach(b::header);
    HttpResponse<InputStream> resp;
    try {
      resp = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw new SourceFailure(
          Kind.TRANSIENT,
          what + ": no answer within " + settings.requestTimeout().toSeconds() + " s");
    } catch (IOException e) {
      throw new SourceFailure(Kind.TRANSIENT, what + ": " + describe(e));
    }
    String body = readBody(resp, what);
    int status = resp.statusCode();
    if (status == 200) {
      if (looksLikeHtml(resp, body)) {
        throw new SourceFailure(Kind.TRANSIENT, what + ": an HTML page instead of JSON");
      }
      return body;
    }
    long retryAfter = retryAfter(resp);
    String detail = " HTTP " + status + (looksLikeHtml(resp, body) ? " (an HTML error page)" : "");
    if (status == 418 || (status == 403 && source.equals("bybit"))) {
      throw new SourceFailure(
          Kind.BANNED,
          what + ":" + detail + ": the source refuses us for now; not retried this run");
    }
    if (status == 429 || status >= 500) {
      throw new SourceFailure(Kind.TRANSIENT, what + ":" + detail, retryAfter);
    }
    throw new SourceFailure(Kind.PERMANENT, what + ":" + detail + snippet(body));
  }

  private String readBody(HttpResponse<InputStream> resp, String what) {
    boolean gzip =
        resp.headers()
            .firstValue("Content-Encoding")
            .map(v -> v.toLowerCase(Locale.ROOT).contains("gzip"))
            .orElse(false);
    long cap = settings.maxBodyBytes();
    long declared = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
    try (InputStream raw = resp.body();
        InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
      if (!gzip && declared > cap) {
        throw tooBig(what, cap);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
        if (out.size() > cap) {
          throw tooBig(what, cap);
        }
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (HttpTimeoutException e) {
      throw new SourceFailure(Kind.TRANSIENT, what + ": the body did not arrive in time");
    } catch (IOException e) {
      throw new SourceFailure(Kind.TRANSIENT, what + ": reading the body: " + describe(e));
    }
  }

  private static SourceFailure tooBig(String what, long cap) {
    return new SourceFailure(
        Kind.PERMANENT, what + ": the body is larger than the " + (cap >> 10) + " KiB allowed");
  }

  private static boolean looksLikeHtml(HttpResponse<?> resp, String body) {
    String type = resp.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    String start = body.stripLeading();
    return type.contains("html") || start.startsWith("<");
  }

  private static long retryAfter(HttpResponse<?> resp) {
    return resp.headers()
        .firstValue("Retry-After")
        .map(
            v -> {
              try {
                return Long.parseLong(v.strip()) * 1000;
              } catch (NumberFormatException e) {
                return -1L; // an HTTP date: rare from these APIs; fall back to our backoff
              }
            })
        .orElse(-1L);
  }

  private static String snippet(String body) {
    String b = body.strip().replaceAll("\\s+", " ");
    return b.isEmpty() ? "" : ": " + (b.length() > 160 ? b.substring(0, 160) + "…" : b);
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceFailure(Kind.PERMANENT, "interrupted");
    }
  }
}
