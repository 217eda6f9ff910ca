package dev.privscreen.rule.where;

/** A {@code --where} expression that cannot be read or does not fit the fields; a usage error. */
public final class WhereException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  WhereException(int pos, String message) {
    super("--where: at " + pos + ": " + message);
  }

  WhereException(String message) {
    super("--where: " + message);
  }
}
