package dev.privscreen.source;

import static dev.privscreen.CliDriver.privscreen;
import static org.assertj.core.api.Assertions.assertThat;

import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A screen or replay of a CSV directory parses the prices and open interest of the days its figures
 * use, and no others (SnapshotReader.Scope). A close that is no number, put on one day, tells
 * whether that day was parsed: the run fails naming it, or does not see it. The example's as-of is
 * 2025-11-07 and the default look-back 30 days.
 */
class ReadScopeTest {
  @TempDir Path tmp;

  @Test
  void aScreenParsesTheThirtyDaysBeforeItsDayAndNoEarlierOne() throws IOException {
    String clean = privscreen("screen", "--from", CliDriver.EXAMPLE_DIR, "--json").stdout();

    Result before = privscreen("screen", "--from", badClose("2025-10-07").toString(), "--json");
    Result first = privscreen("screen", "--from", badClose("2025-10-08").toString(), "--json");

    assertThat(before.exitCode()).as(before.toString()).isZero();
    assertThat(before.stdout()).isEqualTo(clean);
    assertThat(first.exitCode()).as(first.toString()).isEqualTo(3);
    assertThat(first.stderr())
        .contains("prices.csv:")
        .contains("close_usd \"bad\" is not a number");
  }

  @Test
  void aSectorSummaryParsesTheSameDays() throws IOException {
    String clean = privscreen("sector", "--from", CliDriver.EXAMPLE_DIR, "--json").stdout();

    Result before = privscreen("sector", "--from", badClose("2025-10-07").toString(), "--json");

    assertThat(before.stdout()).as(before.toString()).isEqualTo(clean);
    assertThat(privscreen("sector", "--from", badClose("2025-10-08").toString()).exitCode())
        .isEqualTo(3);
  }

  @Test
  void aChartParsesTheDaysItDrawsAndThoseOfItsPreviousHigh() throws IOException {
    Path dir = badClose("2025-10-07");

    assertThat(privscreen("chart", "zcash", "--from", dir.toString(), "--days", "20").exitCode())
        .isZero(); // the previous high looks back 30 days: 2025-10-08 on
    assertThat(privscreen("chart", "zcash", "--from", dir.toString(), "--days", "32").exitCode())
        .isEqualTo(3);
    assertThat(privscreen("chart", "zcash", "--from", badClose("2025-10-08").toString()).exitCode())
        .isEqualTo(3);
  }

  @Test
  void eventsParseOnlyTheDatesOfPricesWhichStillDateTheSnapshot() throws IOException {
    Path dir = badClose("2025-11-07");
    Files.delete(dir.resolve("snapshot.json")); // the as-of: the newest price's day
    String clean = privscreen("events", "--from", CliDriver.EXAMPLE_DIR, "--json").stdout();

    Result r = privscreen("events", "--from", dir.toString(), "--json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.json().get("as_of").asText()).isEqualTo("2025-11-07T00:00:00Z");
    assertThat(r.stdout()).isEqualTo(clean);
    assertThat(privscreen("screen", "--from", dir.toString()).exitCode()).isEqualTo(3);
  }

  @Test
  void aDiffParsesEachSnapshotsDaysAsAScreenOfItWould() throws IOException {
    String clean = CliDriver.EXAMPLE_DIR;

    Result before =
        privscreen("diff", clean, badClose("2025-10-07").toString(), "--min-gain", "7d=50");
    Result first =
        privscreen("diff", clean, badClose("2025-10-08").toString(), "--min-gain", "7d=50");

    assertThat(before.exitCode()).as(before.toString()).isZero();
    assertThat(before.stdout()).contains("stayed").doesNotContain("entered");
    assertThat(first.exitCode()).as(first.toString()).isEqualTo(3);
  }

  @Test
  void aLongerWindowOfARuleReadsFurtherBack() throws IOException {
    Result r =
        privscreen(
            "screen", "--from", badClose("2025-10-07").toString(), "--min-gain", "31d=0", "--json");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
  }

  @Test
  void anAsOfMovesTheDaysRead() throws IOException {
    Path dir = badClose("2025-10-20");

    assertThat(privscreen("screen", "--from", dir.toString(), "--as-of", "2025-10-19").exitCode())
        .isEqualTo(3); // the days after it are read too, to say where a history begins
    assertThat(privscreen("screen", "--from", dir.toString(), "--as-of", "2025-11-20").exitCode())
        .isEqualTo(2); // after the snapshot: a usage error, as without a scope
  }

  @Test
  void aReplayParsesItsDaysTheirLookBackAndTheirForwardWindows() throws IOException {
    List<String> replay =
        List.of("replay", "--start", "2025-10-20", "--end", "2025-10-25", "--forward", "3d");

    // [2025-10-20 − 30 days, 2025-10-25 + 3 days]
    assertThat(run(replay, badClose("2025-09-19")).exitCode()).isZero();
    assertThat(run(replay, badClose("2025-09-20")).exitCode()).isEqualTo(3);
    assertThat(run(replay, badClose("2025-10-28")).exitCode()).isEqualTo(3);
    assertThat(run(replay, badClose("2025-10-29")).exitCode()).isZero();
    // --entries evaluates the day before --start too
    List<String> entries = new java.util.ArrayList<>(replay);
    entries.add("--entries");
    assertThat(run(entries, badClose("2025-09-19")).exitCode()).isEqualTo(3);
  }

  @Test
  void withoutADeclaredAsOfEveryDayIsParsed() throws IOException {
    Path dir = badClose("2025-09-16");
    Files.delete(dir.resolve("snapshot.json")); // the as-of is then the newest price, known late

    Result r = privscreen("screen", "--from", dir.toString(), "--json");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
  }

  @Test
  void anAssetWhoseHistoryEndedBeforeTheDaysReadIsNamedWithThem() throws IOException {
    Path dir = copy();
    Path prices = dir.resolve("prices.csv");
    List<String> kept =
        Files.readAllLines(prices).stream()
            .filter(l -> !l.startsWith("zcash,") || l.compareTo("zcash,2025-10-01") <= 0)
            .collect(Collectors.toList());
    Files.write(prices, kept);

    Result r = privscreen("screen", "--from", dir.toString(), "--as-of", "2025-11-05", "--json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stderr())
        .isEqualTo("privscreen: warning: 1 asset has no data from 2025-10-06 to 2025-11-05: ZEC\n");
  }

  private Result run(List<String> command, Path dir) {
    List<String> args = new java.util.ArrayList<>(command);
    args.addAll(List.of("--from", dir.toString(), "--format", "ndjson"));
    return privscreen(args.toArray(String[]::new));
  }

  /** The example with zcash's close on {@code day} replaced by text that is no number. */
  private Path badClose(String day) throws IOException {
    Path dir = copy();
    Path prices = dir.resolve("prices.csv");
    String row = "zcash," + day + ",";
    List<String> lines = Files.readAllLines(prices);
    int at = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(row)) {
        at = i;
      }
    }
    assertThat(at).as("a zcash row on " + day).isPositive();
    String[] cells = lines.get(at).split(",");
    lines.set(at, cells[0] + "," + cells[1] + ",bad," + cells[3]);
    Files.write(prices, lines);
    return dir;
  }

  private Path copy() throws IOException {
    Path d = Files.createTempDirectory(tmp, "snap");
    try (var files = Files.list(Path.of(CliDriver.EXAMPLE_DIR))) {
      for (Path f : files.toList()) {
        Files.copy(f, d.resolve(f.getFileName()));
      }
    }
    return d;
  }
}
