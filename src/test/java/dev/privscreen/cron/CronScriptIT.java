package dev.privscreen.cron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privscreen.fetch.FakeApis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples/cron/privscreen-alerts.sh as cron runs it: news once, then silence. */
class CronScriptIT {
  static final Path LAUNCHER =
      Path.of(System.getProperty("privscreen.launcher", "target/privscreen")).toAbsolutePath();

  @TempDir Path home;

  String run(FakeApis apis) throws Exception {
    return run(apis, Map.of());
  }

  /** The script as cron runs it, pushing to {@code notify} when given (PRIVSCREEN_NOTIFY). */
  String run(FakeApis apis, String notify) throws Exception {
    return run(apis, notify == null ? Map.of() : Map.of("PRIVSCREEN_NOTIFY", notify));
  }

  /** The script with {@code env} added to what cron gives it; it must end well and quietly. */
  String run(FakeApis apis, Map<String, String> env) throws Exception {
    Process p = start(LAUNCHER, apis, env);
    String err = Files.readString(home.resolve("err"), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(err).isZero();
    assertThat(err).as("quiet on stderr").isEmpty();
    return Files.readString(home.resolve("out"), StandardCharsets.UTF_8);
  }

  /** Runs the script with {@code privscreen} as its privscreen, to its end; out and err in home. */
  Process start(Path privscreen, FakeApis apis, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", "examples/cron/privscreen-alerts.sh");
    pb.environment().remove("PRIVSCREEN_NOTIFY");
    pb.environment().remove("PRIVSCREEN_PRUNE_HOUR");
    pb.environment().remove("PRIVSCREEN_KEEP");
    pb.environment().remove("ALERT_MAIL");
    pb.environment().put("PRIVSCREEN", privscreen.toString());
    pb.environment().put("PRIVSCREEN_HOME", home.toString());
    for (String s : FakeApis.SOURCES) {
      pb.environment().put("PRIVSCREEN_" + s.toUpperCase() + "_URL", apis.base(s));
    }
    // a pro plan's rate limit, so the run takes a second, not half a minute (the fake ignores keys)
    pb.environment().put("COINGECKO_API_KEY", "test-key-not-secret");
    pb.environment().put("COINGECKO_API_PLAN", "pro");
    pb.environment().putAll(env);
    pb.redirectOutput(home.resolve("out").toFile()).redirectError(home.resolve("err").toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return p;
  }

  /** The ids of the store's fetches, oldest first. */
  List<String> fetches() throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
            LAUNCHER.toString(), "store", "list", "--format", "csv", "--fields", "id");
    pb.environment().put("PRIVSCREEN_HOME", home.toString());
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    return out.lines().skip(1).toList();
  }

  @Test
  void theFirstRunAlertsAndTheSecondIsSilent() throws Exception {
    try (FakeApis apis = new FakeApis()) {
      String first = run(apis);
      String second = run(apis);

      assertThat(first).contains("ZEC", "oi_breakout: $1.12B > 30-day high");
      assertThat(second).isEmpty();
    }
  }

  @Test
  void withOneLineOfSetupTheAlertReachesAPhoneOnceThroughNtfy() throws Exception {
    java.util.List<String[]> pushed = new java.util.concurrent.CopyOnWriteArrayList<>();
    com.sun.net.httpserver.HttpServer ntfy =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 4);
    ntfy.createContext(
        "/",
        ex -> { // ntfy's publish answer: {"id","time","event":"message","topic"}
          pushed.add(
              new String[] {
                ex.getRequestURI().getPath(),
                ex.getRequestHeaders().getFirst("Title"),
                new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
              });
          byte[] b =
              "{\"id\":\"x1\",\"time\":1,\"event\":\"message\",\"topic\":\"t\"}"
                  .getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, b.length);
          ex.getResponseBody().write(b);
          ex.close();
        });
    ntfy.start();
    try (FakeApis apis = new FakeApis()) {
      String topic = "ntfy://127.0.0.1:" + ntfy.getAddress().getPort() + "/privacy-4f2a";
      run(apis, topic);
      run(apis, topic);

      assertThat(pushed).hasSize(1); // the second run had nothing new
      assertThat(pushed.get(0)[0]).isEqualTo("/privacy-4f2a");
      assertThat(pushed.get(0)[1]).startsWith("privscreen privacy-movers: ").contains("ZEC");
      assertThat(pushed.get(0)[2]).contains("ZEC $").contains("as of ");
    } finally {
      ntfy.stop(0);
    }
  }

  @Test
  void aDataErrorIsPassedOnSoThatCronMailsItAndOnlyNothingNewIsQuiet() throws Exception {
    // privscreen as installed, but its screen reads a file that is not there: exit 3
    Path wrapper = home.resolve("privscreen");
    Files.writeString(
        wrapper,
        "#!/usr/bin/env bash\n"
            + "if [ \"$1\" = screen ]; then exec "
            + LAUNCHER
            + " \"$@\" --from "
            + home.resolve("missing.json")
            + "; fi\n"
            + "exec "
            + LAUNCHER
            + " \"$@\"\n");
    wrapper.toFile().setExecutable(true);
    try (FakeApis apis = new FakeApis()) {
      Process p = start(wrapper, apis, Map.of());

      String err = Files.readString(home.resolve("err"), StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as(err).isEqualTo(3); // it was 0: "nothing new"
      assertThat(err).contains("missing.json");
    }
  }

  @Test
  void theRunsOfThePruneHourForgetFetchesOlderThanKeepAndTheOthersDoNot() throws Exception {
    try (FakeApis apis = new FakeApis()) {
      run(apis, Map.of("PRIVSCREEN_KEEP", "1s")); // not the prune hour (03 unless it is now)
      Thread.sleep(1_100);
      run(apis, Map.of("PRIVSCREEN_KEEP", "1s", "PRIVSCREEN_PRUNE_HOUR", "99")); // no such hour
      assertThat(fetches()).hasSize(2);

      Thread.sleep(1_100);
      LocalTime now = LocalTime.now(ZoneOffset.UTC);
      if (now.getMinute() == 59 && now.getSecond() > 50) {
        Thread.sleep(15_000); // not across the hour: the script asks the hour again
      }
      String hour = String.format("%02d", LocalTime.now(ZoneOffset.UTC).getHour());
      run(apis, Map.of("PRIVSCREEN_KEEP", "1s", "PRIVSCREEN_PRUNE_HOUR", hour));

      assertThat(fetches()).as("only the newest, the others older than 1s").hasSize(1);
    }
  }
}
