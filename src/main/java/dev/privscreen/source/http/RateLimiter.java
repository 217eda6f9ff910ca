package dev.privscreen.source.http;

/**
 * Spaces calls to one host evenly: at most {@code perMinute} calls a minute, each call waiting for
 * its slot. Thread-safe; slots are handed out in the order asked for.
 */
final class RateLimiter {
  private final long intervalNanos;
  private long next;

  RateLimiter(double perMinute) {
    this.intervalNanos = perMinute <= 0 ? 0 : (long) (60e9 / perMinute);
    this.next = System.nanoTime();
  }

  /** Blocks until this caller's slot. */
  void acquire() throws InterruptedException {
    acquire(Long.MAX_VALUE);
  }

  /**
   * Blocks until this caller's slot, unless it is more than {@code maxWaitNanos} away: then takes
   * no slot and returns false at once.
   */
  boolean acquire(long maxWaitNanos) throws InterruptedException {
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      long slot = Math.max(now, next);
      wait = slot - now;
      if (wait > maxWaitNanos) {
        return false;
      }
      next = slot + intervalNanos;
    }
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
    return true;
  }

  /** Pushes every later slot back, e.g. after a 429 told us to wait. */
  synchronized void pause(long millis) {
    next = Math.max(next, System.nanoTime() + millis * 1_000_000);
  }
}
