package dev.privscreen.source.http;

import java.time.Duration;

/**
 * How the HTTP layer behaves: timeouts, the body cap, retries and how long a Retry-After may make
 * us wait.
 *
 * @param backoff the first retry's wait; doubled for each further retry
 * @param maxWait the longest Retry-After honoured; longer means the call fails
 */
public record HttpSettings(
    Duration connectTimeout,
    Duration requestTimeout,
    long maxBodyBytes,
    int maxRetries,
    Duration backoff,
    Duration maxWait,
    String userAgent) {

  public static HttpSettings defaults(String version) {
    return new HttpSettings(
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        32L << 20,
        3,
        Duration.ofSeconds(1),
        Duration.ofSeconds(60),
        "privscreen/" + version);
  }
}
