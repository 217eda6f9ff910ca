package dev.privscreen.error;

/** Unreadable or invalid input data, an empty store: exit 3. */
public final class DataException extends PrivscreenException {
  private static final long serialVersionUID = 1L;

  public DataException(String message) {
    super(message, null);
  }

  public DataException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int exitCode() {
    return 3;
  }
}
