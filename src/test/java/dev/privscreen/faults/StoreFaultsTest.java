package dev.privscreen.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import dev.privscreen.fetch.FakeApis;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store under the faults of unattended runs: a damaged newest snapshot (a full disk, a hand
 * edit) never wedges it, a killed run's leftovers are cleaned up, and a fetch that must wait for
 * another says so and for whom.
 */
class StoreFaultsTest {
  static final String GOOD = "20251107T000000Z.json";
  static final String DAMAGED = "20251108T000000Z.json";

  @TempDir Path home;
  Path store;
  FakeApis apis;

  @BeforeEach
  void start() throws IOException {
    apis = new FakeApis();
    store = Files.createDirectories(home.resolve("snapshots"));
  }

  @AfterEach
  void stop() {
    apis.close();
  }

  CliDriver cli() {
    return CliDriver.at(home);
  }

  Result fetch(String... extra) {
    return cli().run(apis.fetchArgs(extra));
  }

  /** A good snapshot, and a newer one cut to its first 1000 bytes (a disk that filled up). */
  void goodThenDamaged() throws IOException {
    Files.copy(Path.of(CliDriver.EXAMPLE_JSON), store.resolve(GOOD));
    Files.copy(Path.of(CliDriver.EXAMPLE_JSON), store.resolve(DAMAGED));
    try (RandomAccessFile f = new RandomAccessFile(store.resolve(DAMAGED).toFile(), "rw")) {
      f.setLength(1000);
    }
  }

  @Test
  void readersSkipADamagedNewestSnapshotWithOneWarningNamingIt() throws IOException {
    goodThenDamaged();

    Result r = cli().run("screen", "--json", "--min-gain", "7d=100");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.symbols()).containsExactly("ZK", "DASH", "ZEN", "DCR");
    assertThat(r.stderr().lines().toList())
        .singleElement()
        .satisfies(
            l ->
                assertThat(l)
                    .startsWith("privscreen: warning: skipped a damaged snapshot: ")
                    .contains(store.resolve(DAMAGED).toString()));
    Quiet.noNoise(r.stderr());
    assertThat(cli().run("screen", "-q", "--json").stderr()).isEmpty();
    assertThat(cli().run("sector", "--json").exitCode()).isZero();
    assertThat(cli().run("events", "--json").exitCode()).isZero();
  }

  @Test
  void fetchHealsTheStoreFromTheNewestReadableSnapshot() throws IOException {
    goodThenDamaged();

    Result f = fetch();

    assertThat(f.exitCode()).as(f.toString()).isZero();
    // the first write converts the old store: the damaged file is kept aside, never fatal
    assertThat(f.stderr())
        .contains("kept aside a damaged snapshot: " + store.resolve(DAMAGED))
        .contains("converted the store to keep each fact once: 1 fetches");
    assertThat(store.resolve("damaged/" + DAMAGED)).exists();
    String id = f.stdout().strip();
    assertThat(id).isGreaterThan(DAMAGED);
    // the new fetch carries the good one's history forward (ZEC's close of 2025-11-01)
    Result s =
        cli()
            .run(
                "screen",
                "--snapshot",
                id,
                "--as-of",
                "2025-11-01",
                "--json",
                "--fields",
                "symbol,price_usd",
                "--where",
                "symbol == 'ZEC'");
    assertThat(s.json().get("results").get(0).get("price_usd").asDouble()).isEqualTo(322.0);
    // and it is what readers take now, without a warning
    Result after = cli().run("screen", "--json");
    assertThat(after.stderr()).isEmpty();
  }

  @Test
  void storeListOfAnOldStoreMarksTheDamagedAndPruneConvertsItFirst() throws IOException {
    goodThenDamaged();

    Result list = cli().run("store", "list", "--json");
    assertThat(list.exitCode()).as(list.toString()).isZero();
    JsonNode snaps = list.json().get("fetches");
    assertThat(snaps.get(0).get("id").asText()).isEqualTo("20251107T000000Z");
    assertThat(snaps.get(0).get("status").asText()).isEqualTo("ok");
    assertThat(snaps.get(0).get("damage").isNull()).isTrue();
    assertThat(snaps.get(1).get("status").asText()).isEqualTo("damaged");
    assertThat(snaps.get(1).get("damage").asText()).contains(DAMAGED);
    assertThat(cli().run("store", "list").stderr()).contains("2 fetches (1 damaged)");

    // prune writes: it converts the store (the damaged file kept aside), never forgets the newest
    Result keep = cli().run("store", "prune", "--keep", "0d");
    assertThat(keep.exitCode()).as(keep.toString()).isZero();
    assertThat(store.resolve("damaged/" + DAMAGED)).exists();
    Result after = cli().run("store", "list", "--format", "csv", "--fields", "id,status");
    assertThat(after.stdout().lines()).containsExactly("id,status", "20251107T000000Z,ok");
  }

  /** A store of two fetches whose newest record is damaged (a bad sector, a hand edit). */
  String twoFetchesTheNewestDamaged() throws IOException {
    Files.copy(Path.of(CliDriver.EXAMPLE_JSON), store.resolve(GOOD));
    Files.copy(Path.of(CliDriver.EXAMPLE_JSON), store.resolve(DAMAGED));
    assertThat(cli().run("store", "migrate").exitCode()).isZero();
    Path gen = store.resolve("gen-1");
    Path records;
    try (var s = Files.list(gen)) {
      records = s.filter(p -> p.toString().endsWith(".csv.gz")).findFirst().orElseThrow();
    }
    try (RandomAccessFile f = new RandomAccessFile(records.toFile(), "rw")) {
      f.seek(f.length() - 30);
      f.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    }
    return DAMAGED.replace(".json", "");
  }

  @Test
  void aDamagedFetchIsSkippedMarkedAndForgottenByIdOrWithDamaged() throws IOException {
    String damaged = twoFetchesTheNewestDamaged();

    Result r = cli().run("screen", "--json", "--min-gain", "7d=100");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.symbols()).containsExactly("ZK", "DASH", "ZEN", "DCR");
    assertThat(r.stderr().lines().toList())
        .singleElement()
        .satisfies(
            l ->
                assertThat(l)
                    .startsWith("privscreen: warning: skipped a damaged snapshot: ")
                    .contains("fetch " + damaged));
    Result list = cli().run("store", "list", "--format", "csv", "--fields", "id,status");
    assertThat(list.stdout().lines())
        .containsExactly("id,status", "20251107T000000Z,ok", damaged + ",damaged");

    Result byId = cli().run("store", "prune", damaged);
    assertThat(byId.exitCode()).as(byId.toString()).isZero();
    assertThat(cli().run("store", "list", "--format", "csv", "--fields", "id").stdout().lines())
        .containsExactly("id", "20251107T000000Z");
    assertThat(cli().run("screen", "--json").stderr()).isEmpty();
  }

  @Test
  void aFetchAfterADamagedRecordWritesAGoodOneOnTheHistoryThatReads() throws IOException {
    String damaged = twoFetchesTheNewestDamaged();

    Result f = fetch();

    assertThat(f.exitCode()).as(f.toString()).isZero();
    assertThat(f.stderr())
        .contains("privscreen: warning: skipped a damaged snapshot: ")
        .contains("fetch " + damaged);
    Result after = cli().run("screen", "--json", "--fields", "symbol");
    assertThat(after.exitCode()).as(after.toString()).isZero();
    assertThat(after.stderr()).isEmpty();
    assertThat(after.symbols()).contains("ZEC");
    // the history the converted fetches brought is still under the new fetch
    Result zec =
        cli()
            .run(
                "screen",
                "--as-of",
                "2025-11-01",
                "--json",
                "--fields",
                "symbol,price_usd",
                "--where",
                "symbol == 'ZEC'");
    assertThat(zec.json().get("results").get(0).get("price_usd").asDouble()).isEqualTo(322.0);
  }

  @Test
  void pruneDamagedForgetsWhatDoesNotRead() throws IOException {
    twoFetchesTheNewestDamaged();
    Result damaged = cli().run("store", "prune", "--damaged");
    assertThat(damaged.exitCode()).as(damaged.toString()).isZero();
    assertThat(cli().run("store", "list", "--format", "csv", "--fields", "id").stdout().lines())
        .containsExactly("id", "20251107T000000Z");
  }

  @Test
  void aDamagedRowOfHistoryLosesOnlyItselfWithOneWarningNamingIt() throws IOException {
    Files.copy(Path.of(CliDriver.EXAMPLE_JSON), store.resolve(GOOD));
    assertThat(cli().run("store", "migrate").exitCode()).isZero();
    Path prices = store.resolve("gen-1/prices.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(prices));
    lines.set(5, "?".repeat(lines.get(5).length())); // the same length: a bad sector
    lines.set(9, lines.get(9).replace(",", ";"));
    Files.write(prices, lines);

    Result r = cli().run("screen", "--json", "--min-gain", "7d=100");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stderr().lines().toList())
        .singleElement()
        .isEqualTo("privscreen: warning: " + prices + ":6: damaged row skipped (and 1 more)");
    assertThat(
            cli()
                .run("store", "list", "--json")
                .json()
                .get("fetches")
                .get(0)
                .get("status")
                .asText())
        .isEqualTo("damaged");
  }

  @Test
  void aStoreOfOnlyDamagedSnapshotsIsADataErrorThatSaysSo() throws IOException {
    goodThenDamaged();
    Files.delete(store.resolve(GOOD));

    Result r = cli().run("screen", "-q");

    Quiet.fails(r, 3, 1);
    assertThat(r.stderr()).startsWith("privscreen: no readable snapshot (1 damaged) in the store");
  }

  @Test
  void theNextFetchRemovesWhatAKilledWriteLeftBehind() throws IOException {
    Path leftover = store.resolve(".20251107T000005Z.json8812.tmp");
    Files.writeString(leftover, "{\"schema\":\"privscreen.snap");

    Result f = fetch("-q");

    assertThat(f.exitCode()).as(f.toString()).isZero();
    assertThat(leftover).doesNotExist();
  }

  @Test
  void aFetchThatMustWaitSaysForWhomAndGivesUpAtLockWait() throws Exception {
    apis.latencyMillis = 800; // the first fetch holds the lock for a few seconds
    CompletableFuture<Result> first = CompletableFuture.supplyAsync(() -> fetch("-q"));
    Path lock = store.resolve(".lock");
    long t0 = System.nanoTime();
    while (!(Files.exists(lock) && Files.size(lock) > 0) && System.nanoTime() - t0 < 5e9) {
      Thread.sleep(10);
    }

    Result second = fetch("--lock-wait", "1s");

    Quiet.fails(second, 3, 2);
    assertThat(second.stderr().lines().toList())
        .satisfiesExactly(
            l ->
                assertThat(l)
                    .startsWith("privscreen: warning: waiting up to 1 s for " + lock)
                    .containsPattern("held by pid \\d+ since 20\\d\\d-"),
            l ->
                assertThat(l)
                    .startsWith("privscreen: another privscreen fetch holds the lock (" + lock)
                    .containsPattern("pid \\d+ since .*\\); waited 1 s$"));
    assertThat(first.get().exitCode()).as(first.get().toString()).isZero();
  }
}
