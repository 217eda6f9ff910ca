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
    assertThat(out).contains("as of 2025-11-07T00:00:00Z", "q quits");
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

  /**
   * The launcher on a terminal, watching until told: what it printed, once {@code until} is seen.
   */
  Process watching(String command) throws Exception {
    assumeTrue(
        new ProcessBuilder("sh", "-c", "command -v script").start().waitFor() == 0,
        "script (util-linux) is not installed: no pseudo-terminal to test on");
    ProcessBuilder pb = new ProcessBuilder("script", "-qec", command, "/dev/null");
    pb.environment().put("PRIVSCREEN_HOME", dir.toString());
    pb.environment().put("COLUMNS", "100");
    pb.environment().put("NO_COLOR", "1");
    pb.redirectErrorStream(true).redirectOutput(dir.resolve("out").toFile());
    return pb.start();
  }

  String out() throws Exception {
    return Files.readString(dir.resolve("out"), StandardCharsets.UTF_8);
  }

  /** Waits up to 20 s for the screen to have been painted {@code n} times. */
  void paints(int n) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (out().split("\033\\[H\033\\[2J", -1).length <= n) {
      assertThat(System.nanoTime()).as("painted %d times", n).isLessThan(end);
      Thread.sleep(50);
    }
  }

  @Test
  void qQuitsAtOnceAndTheTerminalIsPutBack() throws Exception {
    Process p =
        watching(
            LAUNCHER
                + " screen --from examples/privacy-2025-11-07.json --min-gain 7d=100 --watch 60s;"
                + " echo rc=$?; stty -a");
    paints(1);
    assertThat(out()).contains("q quits");

    p.getOutputStream().write('q'); // a key, no Enter: the keyboard is read a key at a time
    p.getOutputStream().flush();

    assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("q ended a 60s watch").isTrue();
    String out = out();
    assertThat(out).contains("rc=0");
    String modes = out.substring(out.indexOf("rc=0"));
    assertThat(modes).containsPattern("(^|\\s)icanon").containsPattern("(^|\\s)echo\\s");
    assertThat(modes).doesNotContain("-icanon").doesNotContain("-echo ");
  }

  @Test
  void aResizeRepaintsAtOnceWithoutWaitingForTheNextRefresh() throws Exception {
    Process p =
        watching(
            LAUNCHER
                + " screen --from examples/privacy-2025-11-07.json --min-gain 7d=100 --watch 60s");
    try {
      paints(1);
      ProcessHandle java =
          p.descendants()
              .filter(h -> h.info().commandLine().orElse("").contains("--watch 60s"))
              .filter(h -> h.info().command().orElse("").endsWith("java"))
              .findFirst()
              .orElseThrow();

      new ProcessBuilder("kill", "-WINCH", Long.toString(java.pid())).start().waitFor();

      paints(2); // within seconds, not at the next refresh a minute away
      assertThat(out().substring(out().lastIndexOf("\033[H\033[2J")))
          .contains("as of 2025-11-07T00:00:00Z", "ZK", "entered: ZK"); // the same screen again
    } finally {
      p.getOutputStream().write('q');
      p.getOutputStream().flush();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    }
  }
}
