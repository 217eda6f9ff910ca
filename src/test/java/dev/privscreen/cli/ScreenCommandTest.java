package dev.privscreen.cli;

import static dev.privscreen.CliDriver.EXAMPLE_DIR;
import static dev.privscreen.CliDriver.EXAMPLE_JSON;
import static dev.privscreen.CliDriver.privscreen;
import static org.assertj.core.api.Assertions.assertThat;

import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The screen command as a user meets it: flags, exit codes, streams, colour, the store. */
class ScreenCommandTest {
  @TempDir Path home;

  @Test
  void helpListsTheExitCodes() {
    Result r = privscreen("screen", "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout())
        .contains(
            "--min-gain",
            "--volume-spike",
            "Exit codes:",
            "3    data error",
            "table, json, ndjson, csv");
  }

  @Test
  void versionIsPrintedByEveryCommand() {
    for (String[] args :
        new String[][] {{"--version"}, {"screen", "--version"}, {"store", "prune", "-V"}}) {
      Result r = privscreen(args);
      assertThat(r.exitCode()).isZero();
      assertThat(r.stdout()).as(r.toString()).startsWith("privscreen ");
    }
  }

  @Test
  void noCommandIsAUsageError() {
    Result r = privscreen();
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("a command is required");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--bogus                       | Unknown option: '--bogus'",
        "--min-gain 7x=5               | '7x' is not a window",
        "--min-gain 7d                 | is not WINDOW=PERCENT",
        "--min-gain 36h=5              | is not whole days",
        "--min-gain 7d=abc             | 'abc' is not a number",
        "--min-gain 7d=10 --min-gain 1w=20 | rule gain_7d is given twice",
        "--volume-spike 0              | --volume-spike: 0 must be a factor above 0",
        "--top 0                       | --top: 0 must be 1 or more",
        "--match some                  | --match",
        "--format xml                  | table, json, ndjson, csv",
        "--sort nope                   | --sort: unknown field 'nope' (valid: rank, id, symbol",
        "--sort listings               | --sort: listings holds several values and cannot be sorted",
        "--sort funding_by_venue       | --sort: funding_by_venue holds several values",
        "--where funding_by_venue>1    | unknown field 'funding_by_venue'",
        "--sort symbol:up              | the direction must be asc or desc",
        "--fields symbol,nope          | --fields: unknown field 'nope'",
        "--as-of 2025-12-01            | --as-of: 2025-12-01 is after the snapshot's as-of day 2025-11-07",
        "--as-of yesterday             | 'yesterday' is not a date",
      })
  void badFlagsAreUsageErrorsThatSayWhatIsWrong(String flags, String message) {
    String[] args = ("screen --from " + EXAMPLE_JSON + " " + flags.strip()).split(" +");
    Result r = privscreen(args);

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.stdout()).isEmpty();
    assertThat(r.stderr())
        .as(r.toString())
        .contains(message)
        .contains("Try 'privscreen screen --help'");
    assertThat(r.stderr()).doesNotContain("Exception");
  }

  @Test
  void anEmptyStoreSaysHowToGetData() {
    Result r = new CliDriver().env("PRIVSCREEN_HOME", home.toString()).run("screen");

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.stderr())
        .contains("no snapshot in the store")
        .contains(home.resolve("snapshots").toString())
        .contains("privscreen fetch")
        .contains("--from examples/privacy-2025-11-07");
  }

  @Test
  void withoutFromTheNewestSnapshotInTheStoreIsScreened() throws IOException {
    Path store = Files.createDirectories(home.resolve("snapshots"));
    Files.copy(Path.of(EXAMPLE_JSON), store.resolve("20251107T000000Z.json"));
    Files.writeString(
        store.resolve("20251101T000000Z.json"),
        "{\"schema\":\"privscreen.snapshot/1\",\"as_of\":\"2025-11-01\",\"assets\":[{\"id\":\"old\",\"symbol\":\"OLD\"}]}");
    Files.writeString(store.resolve("20251108T000000Z.json.tmp"), "{\"half a wri");

    Result r = new CliDriver().env("PRIVSCREEN_HOME", home.toString()).run("screen", "--json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.json().get("as_of").asText()).isEqualTo("2025-11-07T00:00:00Z");
    assertThat(r.symbols()).contains("ZEC").doesNotContain("OLD");
  }

  @Test
  void failIfEmptyExitsOneWhenNothingPassed() {
    Result none =
        privscreen("screen", "--from", EXAMPLE_DIR, "--min-gain", "7d=1000", "--fail-if-empty");
    Result some =
        privscreen("screen", "--from", EXAMPLE_DIR, "--min-gain", "7d=100", "--fail-if-empty");
    Result noFlag = privscreen("screen", "--from", EXAMPLE_DIR, "--min-gain", "7d=1000");

    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(some.exitCode()).isZero();
    assertThat(noFlag.exitCode()).isZero();
  }

  @Test
  void theTableGoesToStdoutAndTheSummaryToStderr() {
    Result r = privscreen("screen", "--from", EXAMPLE_DIR, "--min-gain", "7d=100");

    assertThat(r.stdout().lines().findFirst().orElseThrow()).startsWith("#  SYMBOL");
    assertThat(r.stdout().lines()).hasSize(5);
    assertThat(r.stderr())
        .isEqualTo("4 of 11 assets passed (all: price gain over 7d >= 100%); as of 2025-11-07\n");
  }

  @Test
  void quietSilencesTheSummaryBeforeOrAfterTheCommandName() {
    Result after = privscreen("screen", "--from", EXAMPLE_DIR, "-q");
    Result before = privscreen("-q", "screen", "--from", EXAMPLE_DIR);

    assertThat(after.stderr()).isEmpty();
    assertThat(before.stderr()).as(before.toString()).isEmpty();
    assertThat(after.stdout()).isEqualTo(before.stdout()).isNotEmpty();
  }

  @Test
  void colourOnlyOnATerminalWithoutNoColor() {
    String[] args = {"screen", "--from", EXAMPLE_DIR};
    assertThat(new CliDriver().terminal(true).run(args).stdout()).contains("\u001b[");
    assertThat(new CliDriver().terminal(false).run(args).stdout()).doesNotContain("\u001b[");
    assertThat(new CliDriver().terminal(true).env("NO_COLOR", "1").run(args).stdout())
        .doesNotContain("\u001b[");
    assertThat(
            new CliDriver()
                .terminal(true)
                .run("screen", "--from", EXAMPLE_DIR, "--no-color")
                .stdout())
        .doesNotContain("\u001b[");
  }

  @Test
  void jsonIsShortForFormatJson() {
    assertThat(privscreen("screen", "--from", EXAMPLE_DIR, "--json").stdout())
        .isEqualTo(privscreen("screen", "--from", EXAMPLE_DIR, "--format", "json").stdout());
  }

  @Test
  void topKeepsTheRanksAssignedBeforeTheCut() {
    Result r = privscreen("screen", "--from", EXAMPLE_DIR, "--json", "--top", "3");
    Result all = privscreen("screen", "--from", EXAMPLE_DIR, "--json");

    assertThat(r.symbols()).containsExactlyElementsOf(all.symbols().subList(0, 3));
    assertThat(r.json().get("results").get(2).get("rank").asInt()).isEqualTo(3);
  }

  @Test
  void verboseWarnsAboutRowsForUnknownIds(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("assets.csv"), "id,symbol\nzcash,ZEC\n");
    Files.writeString(
        dir.resolve("prices.csv"), "id,date,close_usd\nzcash,2025-11-07,1\nghost,2025-11-07,2\n");

    Result quiet = privscreen("screen", "--from", dir.toString(), "--json");
    Result verbose = privscreen("screen", "--from", dir.toString(), "--json", "-v");

    assertThat(quiet.stderr()).isEmpty();
    assertThat(verbose.stderr())
        .contains("warning: ignored 1 rows whose id is not in assets (ghost)");
    assertThat(verbose.symbols()).containsExactly("ZEC");
  }

  @Test
  void matchAnyKeepsAssetsWithAtLeastOneSignal() {
    Result all =
        privscreen(
            "screen",
            "--from",
            EXAMPLE_DIR,
            "--json",
            "--min-gain",
            "7d=100",
            "--volume-spike",
            "2.5");
    Result any =
        privscreen(
            "screen",
            "--from",
            EXAMPLE_DIR,
            "--json",
            "--min-gain",
            "7d=100",
            "--volume-spike",
            "2.5",
            "--match",
            "any");

    assertThat(all.symbols()).containsExactly("DASH");
    assertThat(all.bySymbol().get("DASH").get("score").asInt()).isEqualTo(2);
    assertThat(any.symbols()).containsExactly("DASH", "ZK", "ZEN", "DCR");
  }
}
