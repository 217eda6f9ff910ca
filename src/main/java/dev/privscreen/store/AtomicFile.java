package dev.privscreen.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that a reader sees the old one or the whole new one, never a part: into a
 * temporary file beside it (a dot name ending in {@code .tmp}), then renamed over it. A failed
 * write removes its temporary file.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** Writes the file's text. */
  @FunctionalInterface
  public interface Body {
    void write(Writer w) throws IOException;
  }

  /**
   * @param durable force the data to disk before the rename, so that it also survives a crash of
   *     the machine (snapshots, alert state); a cache need not pay for that
   * @param beforeRename runs between the finished temporary file and the rename
   */
  public static void write(Path target, boolean durable, Runnable beforeRename, Body body)
      throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
          Writer w = new BufferedWriter(Channels.newWriter(ch, StandardCharsets.UTF_8), 1 << 16)) {
        body.write(w);
        w.flush();
        if (durable) {
          ch.force(true);
        }
      }
      beforeRename.run();
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  public static void write(Path target, boolean durable, Body body) throws IOException {
    write(target, durable, () -> {}, body);
  }
}
