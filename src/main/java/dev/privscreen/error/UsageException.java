package dev.privscreen.error;

/** A bad option value or combination, found after parsing: exit 2. */
public final class UsageException extends PrivscreenException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message, null);
  }

  @Override
  public int exitCode() {
    return 2;
  }
}
