package dev.privscreen.manners;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A terminal of 40 columns: the table drops its last columns and says so, never wraps. */
class NarrowTerminalTest {
  @Test
  void aNarrowTerminalGetsTheColumnsThatFitAndANote() {
    Result r =
        new CliDriver()
            .terminal(true)
            .env("COLUMNS", "40")
            .env("NO_COLOR", "1")
            .run("screen", "--from", CliDriver.EXAMPLE_JSON, "--min-gain", "7d=100");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<String> lines = r.stdout().lines().toList();
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(40));
    assertThat(lines.get(0)).startsWith("#  SYMBOL");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("(+6 columns: widen, or --format csv)");
    Result file =
        new CliDriver()
            .env("COLUMNS", "40")
            .run("screen", "--from", CliDriver.EXAMPLE_JSON, "--min-gain", "7d=100");
    assertThat(file.stdout().lines().findFirst().orElseThrow().length())
        .as("a file gets every column")
        .isGreaterThan(40);
  }
}
