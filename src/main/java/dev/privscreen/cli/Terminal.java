package dev.privscreen.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The controlling terminal, asked through {@code stty} on {@code /dev/tty} (the JDK has no call for
 * it): its size, and a keyboard read a key at a time for {@code --watch}. Only used when stdout is
 * a terminal, so a pipe or cron never spawns anything.
 */
final class Terminal {
  private Terminal() {}

  private static final File TTY = new File("/dev/tty");

  /** The last answer of {@link #columns}; -1 until asked, and again after a resize. */
  private static volatile int columns = -1;

  /**
   * The terminal's columns, as {@code stty size} says; 0 when it cannot say (no tty, no stty).
   * Asked once a run (a table and its trend columns, a chart and its style all ask), and again
   * after {@link #resized}.
   */
  static int columns() {
    int c = columns;
    if (c < 0) {
      c = ask();
      columns = c;
    }
    return c;
  }

  /** The terminal was resized (SIGWINCH): the next {@link #columns} asks it again. */
  static void resized() {
    columns = -1;
  }

  private static int ask() {
    String size = stty("size");
    if (size == null) {
      return 0;
    }
    String[] rowsCols = size.strip().split("\\s+");
    try {
      return rowsCols.length == 2 ? Integer.parseInt(rowsCols[1]) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** {@code stty ARGS < /dev/tty}'s output, or null when it failed or took over a second. */
  static String stty(String... args) {
    if (!TTY.canRead()) {
      return null;
    }
    String[] cmd = new String[args.length + 1];
    cmd[0] = "stty";
    System.arraycopy(args, 0, cmd, 1, args.length);
    try {
      Process p =
          new ProcessBuilder(cmd)
              .redirectInput(TTY)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      // waited for first, so the second is a real bound (its few bytes fit in the pipe)
      if (!p.waitFor(1, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.exitValue() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /**
   * The keyboard a key at a time, without echo, for as long as it is open: {@code q} quits a watch.
   * The terminal's modes are put back on close, and on Ctrl-C by a shutdown hook, so the shell is
   * never left without echo.
   */
  static final class Keys implements AutoCloseable {
    private final String saved;
    private final Thread restore;
    private volatile boolean closed;

    private Keys(String saved) {
      this.saved = saved;
      this.restore = new Thread(this::putBack, "privscreen-tty-restore");
      Runtime.getRuntime().addShutdownHook(restore);
    }

    /**
     * The keyboard in cbreak mode, each key given to {@code onKey} on a daemon thread; null when
     * stdin is not the terminal (a pipe, a test) or stty cannot set it.
     */
    static Keys open(InputStream stdin, java.util.function.IntConsumer onKey) {
      if (!readable(stdin)) {
        return null;
      }
      String saved = stty("-g");
      if (saved == null || stty("-icanon", "-echo", "min", "1") == null) {
        return null;
      }
      Keys k = new Keys(saved.strip());
      Thread reader =
          new Thread(
              () -> {
                try {
                  for (int c; !k.closed && (c = stdin.read()) >= 0; ) {
                    onKey.accept(c);
                  }
                } catch (IOException e) {
                  // the terminal went away: nothing more to read
                }
              },
              "privscreen-keys");
      reader.setDaemon(true);
      reader.start();
      return k;
    }

    /** Whether keys can be read: stdin is the process's own, and a terminal (as stdout is). */
    static boolean readable(InputStream stdin) {
      return System.console() != null && stdin == System.in;
    }

    private void putBack() {
      stty(saved);
    }

    @Override
    public void close() {
      closed = true;
      putBack();
      try {
        Runtime.getRuntime().removeShutdownHook(restore);
      } catch (IllegalStateException e) {
        // already shutting down: the hook puts the modes back
      }
    }
  }
}
