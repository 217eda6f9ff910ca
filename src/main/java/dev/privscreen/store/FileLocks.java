package dev.privscreen.store;

import dev.privscreen.error.DataException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An exclusive lock on a file for the length of a task, across processes (the OS releases it when a
 * process dies, even by SIGKILL) and across threads of this one. The holder writes who it is into
 * the file, so one that has to wait can say for whom.
 */
public final class FileLocks {
  private FileLocks() {}

  /**
   * Runs {@code body} holding the lock, waiting up to {@code wait} for it.
   *
   * @param what names the holder in the error, e.g. "another privscreen fetch"
   */
  public static <T> T hold(Path lockFile, Duration wait, String what, Supplier<T> body) {
    return hold(lockFile, wait, what, m -> {}, body);
  }

  /**
   * @param waiting told once, when the lock is taken and we start to wait: "waiting for the lock
   *     (…), held by pid 123 since …"
   */
  public static <T> T hold(
      Path lockFile, Duration wait, String what, Consumer<String> waiting, Supplier<T> body) {
    try {
      Files.createDirectories(lockFile.toAbsolutePath().getParent());
      try (FileChannel ch =
          FileChannel.open(
              lockFile,
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE)) {
        long deadline = System.nanoTime() + wait.toNanos();
        FileLock lock = tryLock(ch);
        if (lock == null) {
          waiting.accept(
              "waiting up to "
                  + wait.toSeconds()
                  + " s for "
                  + lockFile
                  + ", held by "
                  + holder(ch, what));
        }
        while (lock == null) {
          if (System.nanoTime() > deadline) {
            throw new DataException(
                what
                    + " holds the lock ("
                    + lockFile
                    + ", "
                    + holder(ch, what)
                    + "); waited "
                    + wait.toSeconds()
                    + " s");
          }
          Thread.sleep(20);
          lock = tryLock(ch);
        }
        try {
          sign(ch);
          return body.get();
        } finally {
          lock.release();
        }
      }
    } catch (IOException e) {
      throw new DataException(lockFile + ": cannot lock: " + reason(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataException("interrupted while waiting for " + lockFile);
    }
  }

  /** Who holds the lock, as the holder wrote it; {@code what} when it wrote nothing readable. */
  private static String holder(FileChannel ch, String what) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(200);
    ch.read(b, 0);
    String s = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
    return s.matches("pid \\d+ since [0-9TZ:-]+") ? s : what;
  }

  /** Writes "pid 123 since 2026-12-02T00:50:00Z" into the lock file we hold. */
  private static void sign(FileChannel ch) throws IOException {
    String me =
        "pid "
            + ProcessHandle.current().pid()
            + " since "
            + Instant.now().truncatedTo(ChronoUnit.SECONDS)
            + "\n";
    ch.truncate(0);
    ch.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
  }

  private static FileLock tryLock(FileChannel ch) throws IOException {
    try {
      return ch.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held by another thread of this process
    }
  }

  /**
   * Why an I/O operation failed, in words: the JDK's exceptions often carry only the path ({@code
   * AccessDeniedException: /x/.lock}), which said nothing of the cause.
   */
  static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied (the store needs write access: run as its owner, or set"
          + " PRIVSCREEN_HOME to a directory of yours)";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return FactStore.reason(e);
  }
}
