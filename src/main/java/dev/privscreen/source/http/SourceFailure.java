package dev.privscreen.source.http;

/**
 * A call to a live source that failed: its one-line reason (never holding a secret), and whether
 * trying again may help (429, 5xx, timeouts, rate-limit codes in the body) or the source must be
 * left alone for the rest of the run (Binance 418, Bybit 403).
 */
public final class SourceFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** How a failure affects what happens next. */
  public enum Kind {
    /** worth retrying */
    TRANSIENT,
    /** this call failed; other calls to the source may still work */
    PERMANENT,
    /** the source refuses this client (ban); stop calling it */
    BANNED,
    /** the host cannot be reached at all (refused, no route, no such name); stop calling it */
    UNREACHABLE
  }

  private final Kind kind;
  private final long retryAfterMillis;

  public SourceFailure(Kind kind, String message, long retryAfterMillis) {
    super(message, null, false, false);
    this.kind = kind;
    this.retryAfterMillis = retryAfterMillis;
  }

  public SourceFailure(Kind kind, String message) {
    this(kind, message, -1);
  }

  public Kind kind() {
    return kind;
  }

  /** The server's Retry-After in milliseconds, or -1 when it sent none. */
  public long retryAfterMillis() {
    return retryAfterMillis;
  }
}
