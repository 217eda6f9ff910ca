package dev.privscreen.cron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCommandTest {
  @TempDir Path home;

  CliDriver cli() {
    return new CliDriver().env("PRIVSCREEN_HOME", home.toString());
  }

  @Test
  void listShowsTheFetchesAndPruneNeverForgetsTheNewest() throws IOException {
    Path store = Files.createDirectories(home.resolve("snapshots"));
    for (String name :
        new String[] {"20200101T000000Z.json", "20200601T000000Z.json", "20210101T000000Z.json"}) {
      Files.copy(Path.of("examples/privacy-2025-11-07.json"), store.resolve(name));
    }
    Files.writeString(store.resolve(".20210102T000000Z.json123.tmp"), "half");

    Result list =
        cli().run("store", "list", "--format", "csv", "--fields", "id,fetched_at,members");
    assertThat(list.stdout().lines().skip(1))
        .containsExactly(
            "20200101T000000Z,2020-01-01T00:00:00Z,11",
            "20200601T000000Z,2020-06-01T00:00:00Z,11",
            "20210101T000000Z,2021-01-01T00:00:00Z,11");

    // every fetch is older than 90 days: all but the newest are forgotten (after the store is
    // converted: the same snapshot three times is its facts once and three small records)
    Result prune = cli().run("store", "prune", "--keep", "90d");
    assertThat(prune.exitCode()).as(prune.toString()).isZero();
    assertThat(prune.stdout().lines()).containsExactly("20200101T000000Z", "20200601T000000Z");
    assertThat(prune.stderr()).contains("forgot 2 of 3 fetches");
    assertThat(store.resolve(".20210102T000000Z.json123.tmp")).doesNotExist();
    assertThat(cli().run("store", "list", "--format", "csv", "--fields", "id").stdout().lines())
        .containsExactly("id", "20210101T000000Z");

    Result newest = cli().run("store", "prune", "20210101T000000Z");
    assertThat(newest.exitCode()).isEqualTo(2);
    assertThat(newest.stderr()).contains("is the newest fetch that reads; it is never forgotten");

    Result unknown = cli().run("screen", "--snapshot", "20210101T010000Z");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.stderr())
        .startsWith(
            "privscreen: no fetch 20210101T010000Z in the store; nearest: 20210101T000000Z"
                + " ('privscreen store list' shows them all)\n");
  }

  @Test
  void exportWritesAnyFetchAsJsonOrCsvThatScreensTheSame() throws IOException {
    Path store = Files.createDirectories(home.resolve("snapshots"));
    Files.copy(Path.of("examples/privacy-2025-11-07.json"), store.resolve("20251107T000000Z.json"));
    assertThat(cli().run("store", "migrate").exitCode()).isZero();
    String[] rules = {"--min-gain", "7d=100", "--format", "csv"};
    String fromExample =
        cli()
            .run(
                concat(
                    new String[] {"screen", "--from", "examples/privacy-2025-11-07.json"}, rules))
            .stdout();

    Path json = home.resolve("out.json");
    Path csv = home.resolve("out-csv");
    assertThat(
            cli()
                .run("store", "export", "--snapshot", "20251107T000000Z", "--out", json.toString())
                .exitCode())
        .isZero();
    assertThat(cli().run("store", "export", "--out", csv.toString()).exitCode()).isZero();

    assertThat(
            cli().run(concat(new String[] {"screen", "--from", json.toString()}, rules)).stdout())
        .isEqualTo(fromExample);
    assertThat(cli().run(concat(new String[] {"screen", "--from", csv.toString()}, rules)).stdout())
        .isEqualTo(fromExample);
    assertThat(
            cli()
                .run(concat(new String[] {"screen", "--snapshot", "20251107T000000Z"}, rules))
                .stdout())
        .isEqualTo(fromExample);
    String[] replay = {"replay", "--start", "2025-10-25", "--min-gain", "7d=50", "--format", "csv"};
    assertThat(cli().run(concat(replay, new String[] {"--snapshot", "20251107T000000Z"})).stdout())
        .isEqualTo(
            cli()
                .run(concat(replay, new String[] {"--from", "examples/privacy-2025-11-07.json"}))
                .stdout())
        .contains("2025-11-0");
    assertThat(cli().run("store", "export", "--out", "-").stdout())
        .startsWith("{\"schema\":\"privscreen.snapshot/1\"");
  }

  @Test
  void diffTakesIdsAndSinceLastComparesTheTwoNewestFetches() throws IOException {
    Path store = Files.createDirectories(home.resolve("snapshots"));
    Path older = home.resolve("older.json");
    // the older fetch: the example before ZK joined the category
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var doc =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            json.readTree(Path.of("examples/privacy-2025-11-07.json").toFile());
    var assets = (com.fasterxml.jackson.databind.node.ArrayNode) doc.get("assets");
    for (int i = assets.size() - 1; i >= 0; i--) {
      if (assets.get(i).get("symbol").asText().equals("ZK")) {
        assets.remove(i);
      }
    }
    json.writeValue(older.toFile(), doc);
    Files.copy(older, store.resolve("20251106T000000Z.json"));
    Files.copy(Path.of("examples/privacy-2025-11-07.json"), store.resolve("20251107T000000Z.json"));
    assertThat(cli().run("store", "migrate").exitCode()).isZero();
    String[] rules = {"--min-gain", "7d=100", "--format", "csv", "--fields", "symbol"};

    Result byFiles =
        cli()
            .run(
                concat(
                    new String[] {"diff", older.toString(), "examples/privacy-2025-11-07.json"},
                    rules));
    Result byIds =
        cli().run(concat(new String[] {"diff", "20251106T000000Z", "20251107T000000Z"}, rules));
    Result sinceLast = cli().run(concat(new String[] {"diff", "--since-last"}, rules));

    assertThat(byFiles.stdout().lines()).contains("entered,ZK");
    assertThat(byIds.stdout()).isEqualTo(byFiles.stdout());
    assertThat(sinceLast.stdout()).isEqualTo(byFiles.stdout());
    Result unknown = cli().run("diff", "20251105T000000Z", "20251107T000000Z");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.stderr()).contains("no fetch 20251105T000000Z in the store; nearest:");
  }

  static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
