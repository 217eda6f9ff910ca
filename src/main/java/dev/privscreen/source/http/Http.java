package dev.privscreen.source.http;

import dev.privscreen.source.http.SourceFailure.Kind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * GET with the manners a public API expects: a User-Agent, gzip, a per-host rate limit, and retries
 * with exponential backoff that honour Retry-After (SPEC §6). It is also bounded and guarded: the
 * timeout covers the whole exchange (connect to last byte), the fetch's {@link Deadline} cuts every
 * wait, and a redirect is followed only on the same origin (scheme, host and port), so a header
 * with a key never leaves its host. Answers are bodies as text; failures are {@link SourceFailure}s
 * whose messages name the source and path, never a key.
 */
public final class Http {
  /** Redirects followed in one exchange; more is a loop as far as we are concerned. */
  static final int MAX_REDIRECTS = 5;

  private final HttpClient client;
  private final HttpSettings settings;
  private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
  private final Map<String, Double> perMinute;
  private final Redactor redactor;
  private final Deadline deadline;

  /**
   * @param perMinute calls a minute allowed per source name; absent means unlimited
   * @param deadline when the whole fetch must be over
   */
  public Http(
      HttpSettings settings, Map<String, Double> perMinute, Redactor redactor, Deadline deadline) {
    this.settings = settings;
    this.perMinute = Map.copyOf(perMinute);
    this.redactor = redactor;
    this.deadline = deadline;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER) // ours: same origin only, see once()
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
        if (!limiter.acquire(deadline.remainingNanos())) {
          throw outOfTime(what, attempt, null);
        }
        String body = once(source, uri, headers, what);
        validate.accept(body);
        return body;
      } catch (SourceFailure f) {
        int retries = f.kind() == Kind.UNREACHABLE ? 1 : settings.maxRetries();
        boolean retry = f.kind() == Kind.TRANSIENT || f.kind() == Kind.UNREACHABLE;
        if (!retry || attempt >= retries || deadline.passed()) {
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
        if (TimeUnit.MILLISECONDS.toNanos(wait) >= deadline.remainingNanos()) {
          throw outOfTime(what, attempt + 1, f);
        }
        sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SourceFailure(Kind.PERMANENT, what + ": interrupted");
      }
    }
  }

  /** The fetch's deadline passed: after {@code tries} tries, the last failing so; or at once. */
  private SourceFailure outOfTime(String what, int tries, SourceFailure last) {
    return new SourceFailure(
        Kind.PERMANENT,
        what
            + ": the fetch's "
            + deadline.describe()
            + " ran out"
            + (last == null
                ? ""
                : " after " + tries + " tries (last: " + redactor.apply(last.getMessage()) + ")"));
  }

  /** One exchange, redirects within the origin included, bounded by the timeout as a whole. */
  private String once(String source, URI uri, Map<String, String> headers, String what)
      throws InterruptedException {
    long budgetNanos = Math.min(settings.requestTimeout().toNanos(), deadline.remainingNanos());
    long end = System.nanoTime() + budgetNanos;
    URI at = uri;
    for (int hop = 0; ; hop++) {
      HttpResponse<byte[]> resp = exchange(at, headers, what, end);
      int status = resp.statusCode();
      if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
        if (hop >= MAX_REDIRECTS) {
          throw new SourceFailure(
              Kind.PERMANENT, what + ": more than " + MAX_REDIRECTS + " redirects: refused");
        }
        at = redirectTarget(uri, at, resp, what);
        continue;
      }
      return answer(source, what, resp);
    }
  }

  /**
   * Where a redirect may go: on the origin of the call (same scheme, host and port), as SPEC §6
   * asks; anything else (another host, plain http, a loop) is a failed call.
   */
  private static URI redirectTarget(URI origin, URI at, HttpResponse<?> resp, String what) {
    String location = resp.headers().firstValue("Location").orElse(null);
    if (location == null) {
      throw new SourceFailure(
          Kind.PERMANENT, what + ": HTTP " + resp.statusCode() + " without a Location");
    }
    URI next;
    try {
      next = at.resolve(location.strip());
    } catch (IllegalArgumentException e) {
      throw new SourceFailure(Kind.PERMANENT, what + ": redirected to a bad URL: refused");
    }
    String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals(origin.getScheme().toLowerCase(Locale.ROOT))) {
      throw new SourceFailure(
          Kind.PERMANENT,
          what + ": redirected from " + origin.getScheme() + " to " + scheme + ": refused");
    }
    if (next.getHost() == null
        || !next.getHost().equalsIgnoreCase(origin.getHost())
        || port(next) != port(origin)) {
      throw new SourceFailure(
          Kind.PERMANENT,
          what
              + ": redirected to another host ("
              + next.getHost()
              + (next.getPort() >= 0 ? ":" + next.getPort() : "")
              + "): refused");
    }
    return next;
  }

  private static int port(URI u) {
    return u.getPort() >= 0 ? u.getPort() : u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

  private HttpResponse<byte[]> exchange(
      URI uri, Map<String, String> headers, String what, long endNanos)
      throws InterruptedException {
    long left = endNanos - System.nanoTime();
    if (left <= 0) {
      throw timedOut(what);
    }
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(java.time.Duration.ofNanos(left))
            .header("User-Agent", settings.userAgent())
            .header("Accept", "application/json")
            .header("Accept-Encoding", "gzip")
            .GET();
    headers.forEach(b::header);
    long cap = settings.maxBodyBytes();
    CompletableFuture<HttpResponse<byte[]>> f =
        client.sendAsync(
            b.build(),
            info ->
                new CappedBody(
                    cap,
                    gzip(info.headers())
                        ? -1
                        : info.headers().firstValueAsLong("Content-Length").orElse(-1)));
    try {
      return f.get(left, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      f.cancel(true); // a server trickling its body is cut off here, whatever it still sends
      throw timedOut(what);
    } catch (InterruptedException e) {
      f.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      throw failure(what, e.getCause(), cap, uri);
    }
  }

  private SourceFailure timedOut(String what) {
    if (deadline.passed()) {
      return outOfTime(what, 0, null);
    }
    return new SourceFailure(
        Kind.TRANSIENT,
        what
            + ": no complete answer within "
            + seconds(settings.requestTimeout())
            + " (--timeout)");
  }

  private static String seconds(java.time.Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }

  private SourceFailure failure(String what, Throwable cause, long cap, URI uri) {
    Throwable c = cause;
    while (c != null && !(c instanceof IOException) && c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    if (c instanceof CappedBody.TooBig) {
      return tooBig(what, cap);
    }
    if (c instanceof HttpConnectTimeoutException) {
      return new SourceFailure(Kind.TRANSIENT, what + ": could not connect in time");
    }
    if (c instanceof HttpTimeoutException) { // the request's own timeout: the same budget
      return timedOut(what);
    }
    if (c instanceof ConnectException
        || c instanceof UnknownHostException
        || c instanceof UnresolvedAddressException
        || (c != null && c.getCause() instanceof UnresolvedAddressException)) {
      String why =
          c instanceof UnknownHostException || c instanceof UnresolvedAddressException
              ? "no such host"
              : c.getMessage() == null || c.getMessage().isBlank()
                  ? "connection refused"
                  : c.getMessage();
      return new SourceFailure(
          Kind.UNREACHABLE, what + ": cannot connect to " + uri.getHost() + " (" + why + ")");
    }
    if (c instanceof IOException io) {
      return new SourceFailure(Kind.TRANSIENT, what + ": " + describe(io));
    }
    return new SourceFailure(Kind.TRANSIENT, what + ": " + describe(cause));
  }

  private String answer(String source, String what, HttpResponse<byte[]> resp) {
    String body = text(resp, what);
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

  private static boolean gzip(HttpHeaders h) {
    return h.firstValue("Content-Encoding")
        .map(v -> v.toLowerCase(Locale.ROOT).contains("gzip"))
        .orElse(false);
  }

  /** The body as text, unzipped within the cap. */
  private String text(HttpResponse<byte[]> resp, String what) {
    byte[] raw = Objects.requireNonNullElse(resp.body(), new byte[0]);
    if (!gzip(resp.headers())) {
      return new String(raw, StandardCharsets.UTF_8);
    }
    long cap = settings.maxBodyBytes();
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
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
    } catch (IOException e) {
      throw new SourceFailure(Kind.TRANSIENT, what + ": reading the gzip body: " + describe(e));
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

  private static String describe(Throwable e) {
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
