package dev.privscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code screen --watch} from the built launcher on a real pseudo-terminal ({@code script} gives it
 * one): the screen repainted in place, with a header and what entered; no colour with NO_COLOR.
 */
class WatchTerminalIT {
  static final Path LAUNCHER =
      Path.of(System.getProperty("privscreen.launcher", "target/privscreen")).toAbsolutePath();

  @TempDir Path dir;

  String onATerminal(boolean noColor) throws Exception {
    assumeTrue(
        new ProcessBuilder("sh", "-c", "command -v script").start().waitFor() == 0,
        "script (util-linux) is not installed: no pseudo-terminal to test on");
    ProcessBuilder pb =
        new ProcessBuilder(
            "script",
            "-qec",
            LAUNCHER
                + " screen --from examples/privacy-2025-11-07.json --min-gain 7d=100 --watch 1s",
            "/dev/null");
    pb.environment().put("PRIVSCREEN_WATCH_ROUNDS", "2");
    pb.environment().put("PRIVSCREEN_HOME", dir.toString());
    pb.environment().put("COLUMNS", "100");
    pb.environment().remove("NO_COLOR");
    if (noColor) {
      pb.environment().put("NO_COLOR", "1");
    }
    pb.redirectErrorStream(true).redirectOutput(dir.resolve("out").toFile());
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return Files.readString(dir.resolve("out"), StandardCharsets.UTF_8);
  }

  @Test
  void itRepaintsInPlaceWithAHeaderAndWhatEntered() throws Exception {
    String out = onATerminal(false);

    assertThat(out.split("\033\\[H\033\\[2J", -1)).hasSize(3); // two refreshes, each a repaint
    assertThat(out).contains("as of 2025-11-07T00:00:00Z", "Ctrl-C quits");
    assertThat(out).contains("entered: ZK, DASH, ZEN, DCR\033[0m");
    // the second refresh: the same screen, nothing entered nor left
    String second = out.substring(out.lastIndexOf("\033[H\033[2J"));
    assertThat(second).contains("ZK").doesNotContain("entered:").doesNotContain("left:");
  }

  @Test
  void noColorMeansNoColourButStillARepaint() throws Exception {
    String out = onATerminal(true);

    assertThat(out).contains("\033[H\033[2J").doesNotContain("\033[1m").doesNotContain("\033[32m");
  }
}
