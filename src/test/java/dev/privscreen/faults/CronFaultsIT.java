package dev.privscreen.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privscreen.fetch.FakeApis;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cron case through the built launcher, as a separate process whose whole stderr is seen: a JVM
 * or library log line (Caffeine's WARNING with a trace, say) would show here and nowhere
 * in-process.
 */
class CronFaultsIT {
  static final Path LAUNCHER =
      Path.of(System.getProperty("privscreen.launcher", "target/privscreen"));

  @TempDir Path home;

  record Proc(int exit, String stdout, String stderr, long millis) {}

  Proc run(Map<String, String> env, List<String> args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(LAUNCHER.toString());
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("PRIVSCREEN_HOME", home.toString());
    pb.environment().putAll(env);
    File out = home.resolve("out").toFile();
    File err = home.resolve("err").toFile();
    pb.redirectOutput(out).redirectError(err).redirectInput(new File("/dev/null"));
    long t0 = System.nanoTime();
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished within 60 s").isTrue();
    return new Proc(
        p.exitValue(),
        Files.readString(out.toPath(), StandardCharsets.UTF_8),
        Files.readString(err.toPath(), StandardCharsets.UTF_8),
        (System.nanoTime() - t0) / 1_000_000);
  }

  @Test
  void oneSourceDownUnderQuietIsExactlyOneLineOnStderr() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    try (FakeApis apis = new FakeApis()) {
      List<String> args = new ArrayList<>(List.of("fetch", "-q"));
      for (String s : FakeApis.SOURCES) {
        String url = s.equals("okx") ? "http://127.0.0.1:" + closed : apis.base(s);
        args.addAll(List.of("--endpoint", s + "=" + url, "--rate-limit", s + "=60000"));
      }

      Proc p = run(Map.of("PRIVSCREEN_BACKOFF_MS", "20"), args);

      assertThat(p.exit()).as(p.toString()).isZero();
      assertThat(p.stderr().lines().toList())
          .as(p.toString())
          .singleElement()
          .satisfies(
              l ->
                  assertThat(l)
                      .startsWith(
                          "privscreen: okx: failed: okx /api/v5/public/instruments: cannot connect"
                              + " to 127.0.0.1 (connection refused)"));
      Quiet.noNoise(p.stderr());
      // it prints the new fetch's id, which the store now has
      assertThat(new dev.privscreen.store.SnapshotStore(home.resolve("snapshots")).ids())
          .containsExactly(p.stdout().strip());
    }
  }

  @Test
  void everySourceFailingIsOneLineAndExitThreeWithNoTrace() throws Exception {
    try (FakeApis apis = new FakeApis()) {
      List<String> args = new ArrayList<>(List.of("fetch", "-q", "--offline"));
      for (String s : FakeApis.SOURCES) {
        args.addAll(List.of("--endpoint", s + "=" + apis.base(s)));
      }

      Proc p = run(Map.of(), args);

      assertThat(p.exit()).as(p.toString()).isEqualTo(3);
      assertThat(p.stderr()).as(p.toString()).contains("not in the cache (--offline)");
      // the run failed as a whole: one line, naming the first source's reason and the rest
      assertThat(p.stderr().lines().toList())
          .as(p.toString())
          .singleElement()
          .satisfies(
              l ->
                  assertThat(l)
                      .startsWith("privscreen: all sources failed: coingecko /coins/markets")
                      .endsWith("(and 6 more); nothing written"));
      Quiet.noNoise(p.stderr());
    }
  }

  @Test
  void aDirectoryArgumentIsNeverWalkedBeforeTheError() throws Exception {
    Proc p = run(Map.of(), List.of("screen", "--from", "/"));

    assertThat(p.exit()).as(p.toString()).isEqualTo(3);
    assertThat(p.stderr())
        .isEqualTo("privscreen: /: not a snapshot directory: assets.csv is missing\n");
    assertThat(p.millis()).as("no walk of /").isLessThan(5_000);
  }

  @Test
  void aDeepWhereIsAUsageErrorThroughTheLauncherToo() throws Exception {
    Proc p =
        run(
            Map.of(),
            List.of(
                "screen",
                "--from",
                "examples/privacy-2025-11-07",
                "--where",
                "(".repeat(5000) + "1 > 0" + ")".repeat(5000)));

    assertThat(p.exit()).as(p.toString()).isEqualTo(2);
    assertThat(p.stderr().lines().count()).isEqualTo(2);
    Quiet.noNoise(p.stderr());
  }
}
