package dev.privscreen.source.http;

import java.time.Duration;

/**
 * The instant by which a whole fetch must be over ({@code --max-time}): every wait (a rate-limit
 * slot, a backoff, an answer) is cut to what is left, so a run always ends.
 */
public final class Deadline {
  private final long endNanos;
  private final Duration total;

  private Deadline(long endNanos, Duration total) {
    this.endNanos = endNanos;
    this.total = total;
  }

  public static Deadline in(Duration d) {
    return new Deadline(System.nanoTime() + d.toNanos(), d);
  }

  /** Nanoseconds left; zero or less once passed. */
  public long remainingNanos() {
    return endNanos - System.nanoTime();
  }

  public boolean passed() {
    return remainingNanos() <= 0;
  }

  /** For messages: "--max-time 15m". */
  public String describe() {
    long s = total.toSeconds();
    return "--max-time " + (s % 60 == 0 ? s / 60 + "m" : s + "s");
  }
}
