package dev.privscreen.store;

import dev.privscreen.error.DataException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * An exclusive lock on a file for the length of a task, across processes (the OS releases it when a
 * process dies, even by SIGKILL) and across threads of this one.
 */
public final class FileLocks {
  private FileLocks() {}

  /**
   * Runs {@code body} holding the lock, waiting up to {@code wait} for it.
   *
   * @param what names the holder in the error, e.g. "another privscreen fetch"
   */
  public static <T> T hold(Path lockFile, Duration wait, String what, Supplier<T> body) {
    try {
      Files.createDirectories(lockFile.toAbsolutePath().getParent());
      try (FileChannel ch =
          FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        long deadline = System.nanoTime() + wait.toNanos();
        FileLock lock = tryLock(ch);
        while (lock == null) {
          if (System.nanoTime() > deadline) {
            throw new DataException(
                what + " holds the lock (" + lockFile + "); waited " + wait.toSeconds() + " s");
          }
          Thread.sleep(20);
          lock = tryLock(ch);
        }
        try {
          return body.get();
        } finally {
          lock.release();
        }
      }
    } catch (IOException e) {
      throw new DataException(lockFile + ": cannot lock: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataException("interrupted while waiting for " + lockFile);
    }
  }

  private static FileLock tryLock(FileChannel ch) throws IOException {
    try {
      return ch.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held by another thread of this process
    }
  }
}
