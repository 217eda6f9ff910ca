package dev.privscreen.cli;

import static dev.privscreen.CliDriver.privscreen;
import static org.assertj.core.api.Assertions.assertThat;

import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import org.junit.jupiter.api.Test;

/** {@code --no-header}: the table and CSV without their header line, nothing else changed. */
class NoHeaderTest {
  static final String EX = CliDriver.EXAMPLE_DIR;

  @Test
  void csvAndTableLoseTheirHeaderOnly() {
    Result csv =
        privscreen(
            "screen",
            "--from",
            EX,
            "--min-gain",
            "7d=100",
            "--format",
            "csv",
            "--fields",
            "symbol,gain_7d_pct");
    Result bare =
        privscreen(
            "screen",
            "--from",
            EX,
            "--min-gain",
            "7d=100",
            "--format",
            "csv",
            "--fields",
            "symbol,gain_7d_pct",
            "--no-header");
    assertThat(bare.stdout()).isEqualTo(csv.stdout().substring(csv.stdout().indexOf('\n') + 1));
    assertThat(bare.stdout()).startsWith("ZK,");

    Result table = privscreen("screen", "--from", EX, "--min-gain", "7d=100", "--no-header");
    assertThat(table.stdout().lines().toList()).hasSize(4).allMatch(l -> !l.contains("SYMBOL"));
    Result events =
        privscreen("events", "--from", EX, "--within", "7d", "--format", "csv", "--no-header");
    assertThat(events.stdout()).doesNotContain("listed_at").isNotEmpty();
    Result replay =
        privscreen(
            "replay",
            "--from",
            EX,
            "--start",
            "2025-11-01",
            "--min-gain",
            "7d=100",
            "--format",
            "csv",
            "--fields",
            "date,symbol",
            "--no-header");
    assertThat(replay.stdout()).startsWith("2025-11-0").doesNotContain("date,symbol");
  }

  @Test
  void aFormatWithoutAHeaderLineSaysSo() {
    Result r = privscreen("sector", "--from", EX, "--no-header");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("--no-header: table output has no header line here");
    assertThat(privscreen("screen", "--from", EX, "--json", "--no-header").exitCode()).isEqualTo(2);
  }
}
