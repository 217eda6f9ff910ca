package dev.privscreen.source;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.privscreen.error.DataException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Any input to the snapshot readers gives a snapshot or a {@link DataException} (exit 3 with a
 * one-line message); any other exception is a bug Jazzer reports with the input that caused it.
 */
class SnapshotReaderFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void json(byte[] input) {
    try {
      SnapshotReader.read("-", new ByteArrayInputStream(input));
    } catch (DataException expected) {
      // a clean error: fine
    }
  }

  /** The snapshot read, or the message of the clean error. */
  private static Object outcome(java.util.function.Supplier<Object> read) {
    try {
      return read.get();
    } catch (DataException e) {
      return e.getMessage();
    }
  }

  /** The input is the directory's files, separated by lines of {@code ===}. */
  @FuzzTest(maxDuration = "2m")
  void csvDirectory(byte[] input) throws IOException {
    String[] files = {"assets.csv", "prices.csv", "open_interest.csv", "listings.csv", "snapshot.json"};
    String[] parts = new String(input, StandardCharsets.UTF_8).split("\n===\n", -1);
    Path dir = Files.createTempDirectory("fuzz");
    try {
      for (int i = 0; i < Math.min(parts.length, files.length); i++) {
        Files.writeString(dir.resolve(files[i]), parts[i], StandardCharsets.UTF_8);
      }
      // Read in one go, and in tiny pieces on several threads: the same snapshot, or the same
      // clean error.
      Object whole = outcome(() -> CsvSnapshotReader.read(dir, Long.MAX_VALUE, Long.MAX_VALUE));
      Object pieces = outcome(() -> CsvSnapshotReader.read(dir, 0, 16));
      if (!whole.equals(pieces)) {
        throw new AssertionError("in one go: " + whole + "\nin pieces: " + pieces);
      }
    } finally {
      try (var list = Files.list(dir)) {
        for (Path f : list.toList()) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(dir);
    }
  }
}
