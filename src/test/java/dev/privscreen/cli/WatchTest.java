package dev.privscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code screen --watch} off a terminal: one NDJSON event per change, every result entering on the
 * first refresh, then only what entered or left since the last.
 */
class WatchTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static List<JsonNode> events(Result r) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : r.stdout().lines().toList()) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  @Test
  void theFirstRefreshEntersEveryResultAndAnUnchangedOneSaysNothing() throws Exception {
    Result r =
        new CliDriver()
            .env("PRIVSCREEN_WATCH_ROUNDS", "2")
            .run(
                "screen",
                "--from",
                CliDriver.EXAMPLE_JSON,
                "--min-gain",
                "7d=100",
                "--watch",
                "1s");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<JsonNode> ev = events(r);
    assertThat(ev).extracting(e -> e.get("event").asText()).containsOnly("entered");
    assertThat(ev)
        .extracting(e -> e.get("symbol").asText())
        .containsExactly("ZK", "DASH", "ZEN", "DCR");
    assertThat(ev.get(0).get("as_of").asText()).isEqualTo("2025-11-07T00:00:00Z");
    assertThat(ev.get(0).get("gain_7d_pct").isNumber()).isTrue();
  }

  @Test
  void anAssetThatLeavesIsOneLeftEvent() throws Exception {
    Path file = dir.resolve("snap.json");
    Files.copy(Path.of(CliDriver.EXAMPLE_JSON), file);
    ObjectNode doc = (ObjectNode) JSON.readTree(file.toFile());
    ArrayNode assets = (ArrayNode) doc.get("assets");
    for (int i = assets.size() - 1; i >= 0; i--) {
      if (assets.get(i).get("symbol").asText().equals("ZK")) {
        assets.remove(i);
      }
    }
    Thread cron = // as a fetch would, between the two refreshes
        new Thread(
            () -> {
              try {
                Thread.sleep(1200);
                Path tmp = dir.resolve("snap.tmp");
                JSON.writeValue(tmp.toFile(), doc);
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    cron.start();

    Result r =
        new CliDriver()
            .env("PRIVSCREEN_WATCH_ROUNDS", "2")
            .run("screen", "--from", file.toString(), "--min-gain", "7d=100", "--watch", "3s");
    cron.join();

    List<JsonNode> ev = events(r);
    assertThat(ev).hasSize(5);
    assertThat(ev.get(4).toString())
        .isEqualTo(
            "{\"event\":\"left\",\"as_of\":\"2025-11-07T00:00:00Z\",\"id\":\"zksync\",\"symbol\":\"ZK\"}");
  }

  @Test
  void theSectorIsOneLineWhenItChangedAndNoneWhenItDidNot() throws Exception {
    Result r =
        new CliDriver()
            .env("PRIVSCREEN_WATCH_ROUNDS", "2")
            .run("sector", "--from", CliDriver.EXAMPLE_JSON, "--watch", "1s");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<JsonNode> ev = events(r);
    assertThat(ev)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.get("event").asText()).isEqualTo("sector");
              assertThat(e.get("as_of").asText()).isEqualTo("2025-11-07T00:00:00Z");
              assertThat(e.get("count").asInt()).isEqualTo(11);
            });
  }

  @Test
  void theIntervalHasAFloorAndWatchIsNotForCronAlerts() {
    Result fast =
        CliDriver.privscreen("screen", "--from", CliDriver.EXAMPLE_JSON, "--watch", "100ms");
    assertThat(fast.exitCode()).isEqualTo(2);
    assertThat(fast.stderr()).contains("--watch: 100ms is under the least, 1s");
    Result alert =
        CliDriver.privscreen(
            "screen", "--from", CliDriver.EXAMPLE_JSON, "--watch", "1s", "--alert", "a");
    assertThat(alert.exitCode()).isEqualTo(2);
    assertThat(alert.stderr()).contains("--watch and --alert: choose one");
  }
}
