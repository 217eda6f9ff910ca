package dev.privscreen.source.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.privscreen.source.http.SourceFailure.Kind;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sources' one way to the network: the disk cache first (unless {@code --refresh}; only it with
 * {@code --offline}), identical in-flight requests coalesced (a Caffeine {@link AsyncCache}), a
 * banned or unreachable source never called again this run, bodies checked for errors and for the
 * API's shape.
 *
 * <p>The cache holds {@link Outcome}s, which never fail: Caffeine logs every load that completes
 * exceptionally (a WARNING with a stack trace on stderr), and a cron user must never see that.
 */
public final class Caller {
  private final Http http;
  private final Endpoints endpoints;
  private final DiskCache disk;
  private final boolean offline;
  private final boolean refresh;
  private final Map<String, Map<String, String>> headers;
  private final Executor pool;
  private final AsyncCache<String, Outcome> inFlight;
  private final Map<String, SourceFailure> banned = new ConcurrentHashMap<>();

  /** A call's answer or its failure: a value either way, so the cache never sees an exception. */
  private record Outcome(JsonNode body, SourceFailure failure) {
    JsonNode get() {
      if (failure != null) {
        throw failure;
      }
      return body;
    }
  }

  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  /**
   * @param headers extra headers per source (the CoinGecko key)
   * @param disk null for no disk cache
   */
  public Caller(
      Http http,
      Endpoints endpoints,
      DiskCache disk,
      boolean offline,
      boolean refresh,
      Map<String, Map<String, String>> headers,
      Executor pool) {
    this.http = http;
    this.endpoints = endpoints;
    this.disk = disk;
    this.offline = offline;
    this.refresh = refresh;
    this.headers = headers;
    this.pool = pool;
    this.inFlight = Caffeine.newBuilder().executor(pool).buildAsync();
  }

  /** GET {@code pathAndQuery} under the source's base URL, as parsed JSON of the given shape. */
  public CompletableFuture<JsonNode> get(
      String source, String pathAndQuery, Duration maxAge, Shape shape) {
    URI uri = endpoints.url(source, pathAndQuery);
    String key = source + " " + uri;
    return inFlight
        .get(
            key,
            (k, executor) ->
                CompletableFuture.supplyAsync(
                    () -> outcome(source, pathAndQuery, uri, key, maxAge, shape), executor))
        .thenApply(Outcome::get);
  }

  private Outcome outcome(
      String source, String pathAndQuery, URI uri, String key, Duration maxAge, Shape shape) {
    try {
      return new Outcome(load(source, pathAndQuery, uri, key, maxAge, shape), null);
    } catch (SourceFailure f) {
      return new Outcome(null, f);
    } catch (RuntimeException e) { // a bug in a parser: the call fails, the run goes on
      return new Outcome(
          null, new SourceFailure(Kind.PERMANENT, source + " " + pathAndQuery + ": " + e));
    }
  }

  private JsonNode load(
      String source, String pathAndQuery, URI uri, String key, Duration maxAge, Shape shape) {
    // messages name the API's own path, whatever base URL a mirror or a test put before it
    int q = pathAndQuery.indexOf('?');
    String what = source + " " + (q < 0 ? pathAndQuery : pathAndQuery.substring(0, q));
    if (disk != null && !refresh) {
      var hit = disk.get(key, offline ? null : maxAge);
      if (hit.isPresent()) {
        JsonNode n = Api.parse(what, hit.get());
        if (shape.problem(n) == null) {
          return n;
        } // a cached answer of another shape (an older version's?) is no answer
      }
    }
    if (offline) {
      throw new SourceFailure(
          Kind.PERMANENT, source + " " + pathAndQuery + ": not in the cache (--offline)");
    }
    SourceFailure ban = banned.get(source);
    if (ban != null) {
      throw new SourceFailure(ban.kind(), ban.getMessage());
    }
    calls.computeIfAbsent(source, s -> new AtomicInteger()).incrementAndGet();
    JsonNode[] parsed = new JsonNode[1];
    try {
      String body =
          http.get(
              source,
              what,
              uri,
              headers.getOrDefault(source, Map.of()),
              b -> {
                parsed[0] = Api.parse(what, b);
                BodyErrors.check(source, what, parsed[0]);
                String problem = shape.problem(parsed[0]);
                if (problem != null) {
                  throw new SourceFailure(
                      Kind.PERMANENT, what + ": not the API's answer: " + problem);
                }
              });
      if (disk != null) {
        disk.put(key, body);
      }
      return parsed[0];
    } catch (SourceFailure f) {
      if (f.kind() == Kind.BANNED || f.kind() == Kind.UNREACHABLE) {
        banned.putIfAbsent(source, f);
      }
      throw f;
    }
  }

  /** How many calls went to the network for a source (cache hits not counted). */
  public int calls(String source) {
    AtomicInteger n = calls.get(source);
    return n == null ? 0 : n.get();
  }

  /** The failure inside a future's exception, or a generic one naming the source. */
  public static SourceFailure unwrap(Throwable t, String source) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    if (c instanceof SourceFailure f) {
      return f;
    }
    return new SourceFailure(Kind.PERMANENT, source + ": " + c);
  }
}
