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

  /** The terminal's columns, as {@code stty size} says; 0 when it cannot say (no tty, no stty). */
  static int columns() {
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
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(1, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
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
      if (System.console() == null || stdin != System.in) {
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
