package dev.privscreen.source.http;

import dev.privscreen.store.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Responses kept across runs under the cache directory, one file per URL (named by its SHA-256):
 * the first line is when it was fetched (epoch ms), the rest the body. Written atomically.
 */
public final class DiskCache {
  private final Path dir;
  private final Clock clock;

  public DiskCache(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
  }

  /** The cached body if it is younger than {@code maxAge} (any age when maxAge is null). */
  public Optional<String> get(String key, Duration maxAge) {
    Path f = file(key);
    try {
      if (!Files.isRegularFile(f)) {
        return Optional.empty();
      }
      String s = Files.readString(f, StandardCharsets.UTF_8);
      int nl = s.indexOf('\n');
      if (nl < 0) {
        return Optional.empty();
      }
      long at = Long.parseLong(s.substring(0, nl));
      if (maxAge != null && clock.millis() - at > maxAge.toMillis()) {
        return Optional.empty();
      }
      return Optional.of(s.substring(nl + 1));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty(); // a damaged entry is a miss, never an error
    }
  }

  public void put(String key, String body) {
    try {
      AtomicFile.write(file(key), false, w -> w.write(clock.millis() + "\n" + body));
    } catch (IOException e) {
      // a cache that cannot be written only costs speed next time
    }
  }

  private Path file(String key) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return dir.resolve(HexFormat.of().formatHex(h) + ".json");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
