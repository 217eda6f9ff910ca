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
  void listShowsTheSnapshotsAndPruneNeverRemovesTheNewest() throws IOException {
    Path store = Files.createDirectories(home.resolve("snapshots"));
    for (String name :
        new String[] {"20200101T000000Z.json", "20200601T000000Z.json", "20210101T000000Z.json"}) {
      Files.copy(Path.of("examples/privacy-2025-11-07.json"), store.resolve(name));
    }
    Files.writeString(store.resolve(".20210102T000000Z.json123.tmp"), "half");

    Result list = cli().run("store", "list", "--format", "csv", "--fields", "file,fetched_at");
    assertThat(list.stdout().lines().skip(1))
        .containsExactly(
            store.resolve("20200101T000000Z.json") + ",2020-01-01T00:00:00Z",
            store.resolve("20200601T000000Z.json") + ",2020-06-01T00:00:00Z",
            store.resolve("20210101T000000Z.json") + ",2021-01-01T00:00:00Z");

    // every snapshot is older than 90 days: all but the newest go
    Result prune = cli().run("store", "prune", "--keep", "90d");
    assertThat(prune.exitCode()).as(prune.toString()).isZero();
    assertThat(store.toFile().list((d, n) -> n.endsWith("Z.json")))
        .containsExactly("20210101T000000Z.json");

    Result newest = cli().run("store", "prune", store.resolve("20210101T000000Z.json").toString());
    assertThat(newest.exitCode()).isEqualTo(2);
    assertThat(newest.stderr())
        .contains("is the newest readable snapshot; it holds the history and is never pruned");
  }
}
