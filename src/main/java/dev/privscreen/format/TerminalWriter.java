package dev.privscreen.format;

import java.io.IOException;
import java.io.Writer;

/**
 * The writer in front of stderr: every control character but line feed and tab shown as an escape
 * ({@link Printable}), and every line cut at {@link #MAX_LINE} characters, so whatever an error
 * message quotes (a server's answer, a cell of a file) can neither drive the terminal nor flood it.
 */
public final class TerminalWriter extends Writer {
  /** Longer lines are cut, saying how much was left out. */
  public static final int MAX_LINE = 2000;

  private final Writer out;
  private final StringBuilder line = new StringBuilder();
  private long cut;

  public TerminalWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void write(char[] buf, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      char c = buf[i];
      if (c == '\n') {
        endLine();
      } else if (c == '\t' && line.length() < MAX_LINE) {
        line.append(c); // harmless to a terminal, and --debug's stack traces are indented with it
      } else if (line.length() < MAX_LINE) {
        Printable.appendEscaped(line, c);
      } else {
        cut++;
      }
    }
  }

  private void endLine() throws IOException {
    out.append(line);
    if (cut > 0) {
      out.append("… (cut: ").append(Long.toString(cut)).append(" more characters)");
      cut = 0;
    }
    out.append('\n');
    line.setLength(0);
  }

  /** Writes out what has come of the current line too: a prompt or progress need not end in \n. */
  @Override
  public void flush() throws IOException {
    if (line.length() > 0 && cut == 0) {
      out.append(line);
      line.setLength(0);
    }
    out.flush();
  }

  @Override
  public void close() throws IOException {
    flush();
    out.close();
  }
}
