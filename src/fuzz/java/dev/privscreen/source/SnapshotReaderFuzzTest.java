package dev.privscreen.source;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
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

  @FuzzTest(maxDuration = "2m")
  void csvDirectory(FuzzedDataProvider data) throws IOException {
    Path dir = Files.createTempDirectory("fuzz");
    try {
      Files.writeString(dir.resolve("assets.csv"), data.consumeString(2000), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("prices.csv"), data.consumeString(4000), StandardCharsets.UTF_8);
      if (data.consumeBoolean()) {
        Files.writeString(dir.resolve("open_interest.csv"), data.consumeString(2000), StandardCharsets.UTF_8);
      }
      if (data.consumeBoolean()) {
        Files.writeString(dir.resolve("listings.csv"), data.consumeString(2000), StandardCharsets.UTF_8);
      }
      if (data.consumeBoolean()) {
        Files.writeString(dir.resolve("snapshot.json"), data.consumeRemainingAsString(), StandardCharsets.UTF_8);
      }
      try {
        SnapshotReader.read(dir);
      } catch (DataException expected) {
        // a clean error: fine
      }
    } finally {
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(dir);
    }
  }
}
