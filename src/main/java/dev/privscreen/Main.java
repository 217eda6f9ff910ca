package dev.privscreen;

import dev.privscreen.cli.Cli;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point: the only place that calls {@code System.exit}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = writer(FileDescriptor.out);
    PrintWriter err = writer(FileDescriptor.err);
    int code;
    try {
      code = Cli.run(out, err, args);
    } catch (Throwable t) { // last resort: whatever escaped, one line and 70, never 1
      err.println("privscreen: internal error: " + t);
      code = 70;
    }
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** UTF-8 whatever the platform's default, buffered: results can be large. */
  private static PrintWriter writer(FileDescriptor fd) {
    return new PrintWriter(
        new BufferedWriter(
            new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), 1 << 16));
  }
}
