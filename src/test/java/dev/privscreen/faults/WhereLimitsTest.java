package dev.privscreen.faults;

import static dev.privscreen.CliDriver.privscreen;
import static org.assertj.core.api.Assertions.assertThat;

import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import org.junit.jupiter.api.Test;

/** A runaway {@code --where} is a usage error (exit 2, one line and a hint), never a crash. */
class WhereLimitsTest {
  static Result where(String expr) {
    return privscreen("screen", "--from", CliDriver.EXAMPLE_DIR, "--where", expr);
  }

  @Test
  void fiveThousandNestedParenthesesAreAUsageError() {
    Result r = where("(".repeat(5000) + "gain_7d_pct > 1" + ")".repeat(5000));
    Quiet.fails(r, 2, 2);
    assertThat(r.stderr()).contains("tokens; at most 1000");
  }

  @Test
  void tenThousandNotsAreAUsageError() {
    Quiet.fails(where("!".repeat(10_000) + "(gain_7d_pct > 1)"), 2, 2);
  }

  @Test
  void aFlatChainOfThreeThousandTermsIsAUsageError() {
    String chain = "gain_7d_pct > 1" + " || gain_7d_pct > 1".repeat(2999);
    Quiet.fails(where(chain), 2, 2);
  }

  @Test
  void nestingIsBoundedEvenWithinTheTokenLimit() {
    Result r = where("(".repeat(100) + "gain_7d_pct > 1" + ")".repeat(100));
    Quiet.fails(r, 2, 2);
    assertThat(r.stderr()).contains("--where: at 65: nested more than 64 levels");
  }

  @Test
  void anExpressionAtTheLimitsStillRuns() {
    String deep = "(".repeat(60) + "gain_7d_pct > 100" + ")".repeat(60);
    String wide = "gain_7d_pct > 100" + " || gain_7d_pct > 100".repeat(200); // 801 tokens
    Result r =
        privscreen(
            "screen", "--from", CliDriver.EXAMPLE_DIR, "--json", "--where", deep, "--where", wide);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.symbols()).containsExactly("ZK", "DASH", "ZEN", "DCR");
  }
}
