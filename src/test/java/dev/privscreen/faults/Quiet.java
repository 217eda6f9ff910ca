package dev.privscreen.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privscreen.CliDriver.Result;
import java.util.List;

/** What every failure must look like to a cron user: its exit code and one line per failure. */
final class Quiet {
  private Quiet() {}

  /** Lines that come from a stack trace or a logging framework, never from privscreen. */
  static final List<String> NOISE =
      List.of("\tat ", "Exception", "WARNING:", "SEVERE:", "Caused by", "java.", "\u001b");

  /**
   * Exits with {@code code} and prints exactly {@code lines} lines on stderr, none of them noise.
   */
  static void fails(Result r, int code, int lines) {
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(code);
    assertThat(r.stderr().lines().toList()).as(r.toString()).hasSize(lines);
    noNoise(r.stderr());
  }

  static void noNoise(String stderr) {
    for (String n : NOISE) {
      assertThat(stderr).as("stderr holds '%s':%n%s", n, stderr).doesNotContain(n);
    }
  }
}
