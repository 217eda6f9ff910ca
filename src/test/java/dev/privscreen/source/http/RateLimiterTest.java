package dev.privscreen.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Calls to one host are spaced by the limit: n calls take at least (n - 1) intervals. */
class RateLimiterTest {
  @Test
  void callsAreSpacedByTheLimit() throws InterruptedException {
    RateLimiter limiter = new RateLimiter(1200); // one call every 50 ms
    long t0 = System.nanoTime();
    for (int i = 0; i < 11; i++) {
      limiter.acquire();
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;

    assertThat(ms).isGreaterThanOrEqualTo(495); // 10 intervals of 50 ms, less timer slack
  }

  @Test
  void aPausePushesTheNextSlotBack() throws InterruptedException {
    RateLimiter limiter = new RateLimiter(0); // unlimited
    limiter.acquire();
    limiter.pause(300); // e.g. a Retry-After
    long t0 = System.nanoTime();
    limiter.acquire();

    assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(290);
  }
}
