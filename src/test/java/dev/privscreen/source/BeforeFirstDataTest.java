package dev.privscreen.source;

import static dev.privscreen.CliDriver.privscreen;
import static org.assertj.core.api.Assertions.assertThat;

import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import org.junit.jupiter.api.Test;

/** An as-of or a replay before an asset's first data says so, instead of blanks without a word. */
class BeforeFirstDataTest {
  @Test
  void anAsOfBeforeTheHistoryNamesTheAssetsAndTheirFirstDay() {
    Result r =
        privscreen("screen", "--from", CliDriver.EXAMPLE_DIR, "--as-of", "2025-09-01", "--json");

    assertThat(r.exitCode()).isZero();
    assertThat(r.stderr())
        .startsWith("privscreen: warning: 11 assets have no data from 2025-08-02 to 2025-09-01: ")
        .contains("ZEC (from 2025-09-15)")
        .endsWith(", ...\n");
    assertThat(
            privscreen("screen", "--from", CliDriver.EXAMPLE_DIR, "--as-of", "2025-09-01", "-q")
                .stderr())
        .isEmpty();
  }

  @Test
  void aReplayStartingBeforeTheHistorySaysSoOnce() {
    Result r =
        privscreen(
            "replay",
            "--from",
            CliDriver.EXAMPLE_DIR,
            "--start",
            "2025-09-10",
            "--end",
            "2025-09-20",
            "--format",
            "ndjson");

    assertThat(r.stderr().lines().filter(l -> l.contains("no data from 2025-08-11 to 2025-09-10")))
        .hasSize(1);
  }

  @Test
  void anAsOfWithinEveryonesHistoryIsQuiet() {
    Result r =
        privscreen("screen", "--from", CliDriver.EXAMPLE_DIR, "--as-of", "2025-11-01", "--json");

    assertThat(r.stderr()).isEmpty();
  }
}
