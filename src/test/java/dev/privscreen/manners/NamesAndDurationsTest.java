package dev.privscreen.manners;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import org.junit.jupiter.api.Test;

/** Field names in any case, as formats are; a duration as bare seconds, as sleep takes one. */
class NamesAndDurationsTest {
  @Test
  void fieldNamesAreCaseInsensitiveInFieldsSortAndWhere() {
    Result lower =
        new CliDriver()
            .run(
                "screen",
                "--from",
                CliDriver.EXAMPLE_JSON,
                "--format",
                "csv",
                "--fields",
                "symbol,gain_7d_pct,oi_usd",
                "--sort",
                "symbol",
                "--where",
                "gain_7d_pct > 50");
    Result upper =
        new CliDriver()
            .run(
                "screen",
                "--from",
                CliDriver.EXAMPLE_JSON,
                "--format",
                "CSV",
                "--fields",
                "SYMBOL,Gain_7d_pct,OI_USD",
                "--sort",
                "SYMBOL",
                "--where",
                "GAIN_7D_PCT > 50");

    assertThat(upper.exitCode()).as(upper.toString()).isZero();
    assertThat(lower.stdout().lines().count()).isGreaterThan(2);
    assertThat(upper.stdout()).isEqualTo(lower.stdout());
    Result twice =
        new CliDriver()
            .run("screen", "--from", CliDriver.EXAMPLE_JSON, "--fields", "symbol,SYMBOL");
    assertThat(twice.exitCode()).isEqualTo(2);
  }

  @Test
  void aBareNumberIsSeconds() {
    Result bare =
        new CliDriver().run("store", "prune", "--keep", "90d", "--lock-wait", "3", "--dry-run");
    Result nonsense =
        new CliDriver().run("store", "prune", "--keep", "90d", "--lock-wait", "3x", "--dry-run");

    assertThat(bare.stderr()).doesNotContain("not a duration");
    assertThat(nonsense.exitCode()).isEqualTo(2);
    assertThat(nonsense.stderr()).contains("'3x' is not a duration (e.g. 500ms, 30s or 30");
  }
}
