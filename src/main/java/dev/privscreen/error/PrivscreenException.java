package dev.privscreen.error;

/**
 * An expected failure with a one-line message for the user and an exit code of SPEC §5. The CLI
 * prints {@code privscreen: <message>} and exits with {@link #exitCode()}; no stack trace unless
 * {@code --debug}.
 */
public abstract class PrivscreenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected PrivscreenException(String message, Throwable cause) {
    super(message, cause);
  }

  public abstract int exitCode();
}
