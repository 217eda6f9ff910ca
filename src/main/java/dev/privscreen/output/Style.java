package dev.privscreen.output;

/**
 * How output for people looks: ANSI colour or not (off unless stdout is a terminal without
 * NO_COLOR), and the width a table must fit (0: any width).
 *
 * @param fit the terminal's columns, when stdout is a terminal: a table wider drops its last
 *     columns rather than wrap every line
 */
public record Style(boolean color, int fit) {
  public Style(boolean color) {
    this(color, 0);
  }

  private static final String RESET = "\u001b[0m";

  public String bold(String s) {
    return wrap("\u001b[1m", s);
  }

  public String green(String s) {
    return wrap("\u001b[32m", s);
  }

  public String red(String s) {
    return wrap("\u001b[31m", s);
  }

  public String dim(String s) {
    return wrap("\u001b[2m", s);
  }

  private String wrap(String code, String s) {
    return color && !s.isEmpty() ? code + s + RESET : s;
  }
}
