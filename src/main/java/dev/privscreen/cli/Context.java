package dev.privscreen.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;

/**
 * What a run may touch of the outside world, passed in so tests can run commands in parallel with
 * their own streams and environment.
 *
 * @param stdoutIsTerminal whether stdout is a terminal (colour, progress)
 */
public record Context(
    PrintWriter out,
    PrintWriter err,
    InputStream stdin,
    Map<String, String> env,
    boolean stdoutIsTerminal) {

  /** The real process: System streams and environment. */
  public static Context system(PrintWriter out, PrintWriter err) {
    String tty = System.getProperty("privscreen.tty");
    boolean terminal = tty != null ? tty.equals("1") : System.console() != null;
    return new Context(out, err, System.in, System.getenv(), terminal);
  }

  /**
   * The terminal's width: {@code COLUMNS} when set (interactive shells seldom export it), else the
   * terminal's own when stdout is one (as picocli's usageHelpAutoWidth asks it), else {@code dflt}.
   */
  public int columns(int dflt) {
    String v = env.get("COLUMNS");
    if (v != null) {
      try {
        int n = Integer.parseInt(v.strip());
        if (n > 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // not a width: ask the terminal
      }
    }
    int asked = stdoutIsTerminal ? Terminal.columns() : 0;
    return asked > 0 ? asked : dflt;
  }
}
