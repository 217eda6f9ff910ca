package dev.privscreen.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.privscreen.error.DataException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * snapshot.json is read without Jackson's parser when it is the usual flat object of strings, and
 * by Jackson otherwise: the two must never disagree.
 */
class SnapshotMetaTest {
  @TempDir Path dir;

  static final List<String> FLAT =
      List.of(
          "{\n \"as_of\": \"2025-11-07T00:00:00Z\",\n \"category\": \"privacy-coins\"\n}\n",
          "{\"as_of\":\"2025-11-07T06:00:00Z\"}",
          "{\"as_of\":\"2025-11-07T06:00:00Z\",\"category\":\"privacy-coins\"}\n",
          "{}",
          "  \t{ }  ",
          "{\r\n\"as_of\" :\r\n \"2025-11-07\",\r\"category\"\t:\tnull\n}",
          "{\"category\": \"a\", \"category\": \"b\"}",
          "{\"as_of\": \"2025-11-07T00:00:00Z\"} trailing text is not read",
          "{\"note\": \"\", \"as_of\": \"2025-11-07T00:00:00Z\"}");

  /** Forms the flat reader leaves to Jackson: it must decline, not guess. */
  static final List<String> NOT_FLAT =
      List.of(
          "{\"as_of\": \"2025-11-07T00:00:00Z\", \"n\": 5}",
          "{\"as_of\": \"2025-11-07T00:00:00Z\", \"ok\": true}",
          "{\"sources\": {\"a\": 1}, \"as_of\": \"2025-11-07T00:00:00Z\"}",
          "{\"tags\": [\"x\"], \"as_of\": \"2025-11-07T00:00:00Z\"}",
          "{\"category\": \"privacy \\\"coins\\\"\"}",
          "{\"category\": \"café\"}",
          "\uFEFF{\"as_of\": \"2025-11-07T00:00:00Z\"}",
          "{\"as_of\": \"2025-11-07T00:00:00Z\",}",
          "{\"as_of\": \"2025-11-07T00:00:00Z\"",
          "{\"as_of\" \"2025-11-07T00:00:00Z\"}",
          "[\"as_of\"]",
          "{\"as_of\": nul}",
          "");

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static List<SnapshotMeta.Member> jackson(String json) throws IOException {
    return SnapshotMeta.parsed("snapshot.json", new ByteArrayInputStream(utf8(json)));
  }

  @Test
  void theUsualFilesAreReadFlatWithTheSameMembersAndLinesAsJackson() throws IOException {
    for (String json : FLAT) {
      assertThat(SnapshotMeta.flat(utf8(json))).as(json).isNotNull().isEqualTo(jackson(json));
    }
  }

  @Test
  void theBundledExampleIsReadFlat() throws IOException {
    byte[] example = Files.readAllBytes(Path.of("examples/privacy-2025-11-07/snapshot.json"));
    assertThat(SnapshotMeta.flat(example))
        .extracting(SnapshotMeta.Member::key, SnapshotMeta.Member::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("as_of", "2025-11-07T00:00:00Z"),
            org.assertj.core.groups.Tuple.tuple("category", "privacy-coins"));
  }

  @Test
  void everythingElseIsLeftToJackson() {
    for (String json : NOT_FLAT) {
      assertThat(SnapshotMeta.flat(utf8(json))).as(json).isNull();
    }
  }

  @Test
  void jacksonStillReadsWhatTheFlatReaderDeclines() throws IOException {
    Files.writeString(
        dir.resolve("snapshot.json"),
        "{\"sources\": {\"a\": [1, 2]}, \"category\": \"privacy \\\"coins\\\"\",\n"
            + " \"as_of\": \"2025-11-07T06:00:00Z\"}");

    SnapshotMeta m = SnapshotMeta.read(dir.resolve("snapshot.json"));

    assertThat(m.asOf()).isEqualTo(Instant.parse("2025-11-07T06:00:00Z"));
    assertThat(m.category()).isEqualTo("privacy \"coins\"");
  }

  @Test
  void aBadValueIsNamedAtItsLineOnEitherPath() throws IOException {
    Path file = dir.resolve("snapshot.json");
    Files.writeString(file, "{\n \"category\": \"x\",\n \"as_of\": \"yesterday\"\n}");
    String flat = message(file);
    Files.writeString(file, "{\n \"category\": \"x\\u0020\",\n \"as_of\": \"yesterday\"\n}");
    String viaJackson = message(file);

    assertThat(flat).startsWith(file + ":3:").contains("as_of").isEqualTo(viaJackson);
  }

  @Test
  void invalidJsonIsReportedByJacksonWithItsLine() throws IOException {
    Path file = dir.resolve("snapshot.json");
    Files.writeString(file, "{\n \"as_of\": \"2025-11-07T00:00:00Z\",\n}");

    assertThatThrownBy(() -> SnapshotMeta.read(file))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith(file + ":3: invalid JSON: ");
  }

  @Test
  void aFileLargerThanTheFlatLimitIsReadWhole() throws IOException {
    Path file = dir.resolve("snapshot.json");
    String pad = " ".repeat(70_000);
    Files.writeString(file, "{" + pad + "\"as_of\": \"2025-11-07T00:00:00Z\"" + pad + "}");

    assertThat(SnapshotMeta.read(file).asOf()).isEqualTo(Instant.parse("2025-11-07T00:00:00Z"));
  }

  static String message(Path file) {
    try {
      SnapshotMeta.read(file);
      throw new AssertionError("no error for " + file);
    } catch (DataException e) {
      return e.getMessage();
    }
  }
}
