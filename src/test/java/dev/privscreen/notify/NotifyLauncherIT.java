package dev.privscreen.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every service end to end, as a new user meets it: the built launcher, the README's commands and
 * config, and one loopback server that answers as Telegram, Discord, Slack, ntfy and a JSON hook do
 * (the answers are files in {@code src/test/resources/notify-answers}, whose README says where each
 * shape comes from).
 */
class NotifyLauncherIT {
  static final Path LAUNCHER =
      Path.of(System.getProperty("privscreen.launcher", "target/privscreen")).toAbsolutePath();
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;
  HttpServer server;

  /** A request as the service saw it. */
  record Seen(String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      List<String> v = headers.get(name);
      return v == null ? null : v.get(0);
    }

    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }

  final List<Seen> seen = new CopyOnWriteArrayList<>();

  /** A path's next answers, in turn: a status and an answer file (null: no body); then success. */
  final Map<String, Deque<Object[]>> script = new ConcurrentHashMap<>();

  void answer(String path, int status, String file) {
    script.computeIfAbsent(path, k -> new ArrayDeque<>()).add(new Object[] {status, file});
  }

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.createContext("/", this::serve);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void serve(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    seen.add(
        new Seen(
            path,
            Map.copyOf(ex.getRequestHeaders()),
            new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    Deque<Object[]> d = script.get(path);
    Object[] a = d == null || d.isEmpty() ? success(path) : d.poll();
    byte[] body = a[1] == null ? new byte[0] : resource((String) a[1]);
    ex.sendResponseHeaders((int) a[0], body.length == 0 ? -1 : body.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(body);
    }
  }

  private static Object[] success(String path) {
    if (path.startsWith("/bot")) {
      return new Object[] {200, "telegram-ok.json"};
    }
    if (path.startsWith("/api/webhooks/")) {
      return new Object[] {204, null}; // Discord took it: no content
    }
    if (path.startsWith("/services/")) {
      return new Object[] {200, "slack-ok.txt"};
    }
    return new Object[] {200, "ntfy-ok.json"};
  }

  private static byte[] resource(String name) throws IOException {
    if (name.equals("slack-ok.txt")) {
      return "ok".getBytes(StandardCharsets.UTF_8);
    }
    try (InputStream in = NotifyLauncherIT.class.getResourceAsStream("/notify-answers/" + name)) {
      return in.readAllBytes();
    }
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The config file of the README's Notifications section, its targets named. */
  Path config() throws IOException {
    String hostPort = "127.0.0.1:" + server.getAddress().getPort();
    Path c = home.resolve("config.json");
    Files.writeString(
        c,
        "{\"notify\": {"
            + "\"desk\": \"tgram://123456:AAH-SECRET/-1001\","
            + "\"team\": \"discord://99/DISCORD-SECRET\","
            + "\"ops\": \"slack://T01/B02/SLACK-SECRET\","
            + "\"hook\": \"json://"
            + hostPort
            + "/privscreen-hook\","
            + "\"phone\": \"ntfy://"
            + hostPort
            + "/privacy-4f2a?priority=urgent&click=https://example.org/desk\"}}");
    return c;
  }

  /** The launcher as a user runs it, with the services' base URLs pointed at the server. */
  String[] run(Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().remove("PRIVSCREEN_NOTIFY");
    pb.environment().put("PRIVSCREEN_HOME", home.toString());
    pb.environment().put("PRIVSCREEN_BACKOFF_MS", "10");
    for (String s : List.of("TELEGRAM", "DISCORD", "SLACK", "NTFY")) {
      pb.environment().put("PRIVSCREEN_" + s + "_URL", base());
    }
    pb.environment().putAll(env);
    pb.redirectOutput(home.resolve("out").toFile()).redirectError(home.resolve("err").toFile());
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new String[] {
      Integer.toString(p.exitValue()),
      Files.readString(home.resolve("out"), StandardCharsets.UTF_8),
      Files.readString(home.resolve("err"), StandardCharsets.UTF_8)
    };
  }

  String[] alert(Map<String, String> env, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "screen",
                "-q",
                "--from",
                "examples/privacy-2025-11-07.json",
                "--alert",
                "movers",
                "--min-gain",
                "7d=100"));
    args.addAll(List.of(more));
    return run(env, args.toArray(String[]::new));
  }

  List<Seen> to(String prefix) {
    return seen.stream().filter(s -> s.path().startsWith(prefix)).toList();
  }

  @Test
  void everyServiceGetsTheAlertInItsOwnShapeAndRateLimitsAreWaitedOut() throws Exception {
    answer("/bot123456:AAH-SECRET/sendMessage", 429, "telegram-429.json");
    answer("/api/webhooks/99/DISCORD-SECRET", 429, "discord-429.json");
    Path config = config();

    String[] r =
        alert(
            Map.of(),
            "--config",
            config.toString(),
            "--notify",
            "@desk",
            "--notify",
            "@team",
            "--notify",
            "@ops",
            "--notify",
            "@hook",
            "--notify",
            "@phone");

    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[2]).as("quiet: every target took it").isEmpty();
    assertThat(r[1]).contains("ZK", "DASH");
    assertThat(r[1] + r[2]).doesNotContain("SECRET");

    List<Seen> tg = to("/bot123456:AAH-SECRET/sendMessage");
    assertThat(tg).hasSize(2); // the 429, then the retry after the second it asked for
    JsonNode m = tg.get(1).json();
    assertThat(m.get("chat_id").asText()).isEqualTo("-1001");
    assertThat(m.get("parse_mode").asText()).isEqualTo("HTML");
    assertThat(m.get("text").asText()).startsWith("<b>privscreen movers: 4 new: ZK, DASH");

    List<Seen> dc = to("/api/webhooks/99/DISCORD-SECRET");
    assertThat(dc).hasSize(2); // 429 with retry_after 0.2 s, then 204
    assertThat(dc.get(1).json().get("content").asText())
        .startsWith("privscreen movers: 4 new:")
        .hasSizeLessThan(2000);

    List<Seen> slack = to("/services/T01/B02/SLACK-SECRET");
    assertThat(slack).hasSize(1);
    assertThat(slack.get(0).json().get("text").asText()).contains("ZK $");

    List<Seen> hook = to("/privscreen-hook");
    assertThat(hook).hasSize(1);
    JsonNode body = hook.get(0).json();
    assertThat(body.get("schema").asText()).isEqualTo("privscreen.alert/1");
    assertThat(body.get("entries").findValuesAsText("symbol")).contains("ZK", "DASH");
    assertThat(body.get("entries").get(0).get("price_usd").isNumber()).isTrue();

    List<Seen> ntfy = to("/privacy-4f2a");
    assertThat(ntfy).hasSize(1);
    assertThat(ntfy.get(0).header("Title")).startsWith("privscreen movers: 4 new: ZK");
    assertThat(ntfy.get(0).header("Priority")).isEqualTo("urgent");
    assertThat(ntfy.get(0).header("Click")).isEqualTo("https://example.org/desk");
    assertThat(ntfy.get(0).body()).contains("as of 2025-11-07T00:00:00Z");

    int before = seen.size();
    String[] again = alert(Map.of(), "--config", config.toString(), "--notify", "@desk");
    assertThat(again[0]).isEqualTo("0");
    assertThat(seen).as("nothing new: nothing sent").hasSize(before);
  }

  @Test
  void refusalsAreOneMaskedLineEachAndStrictExitsFour() throws Exception {
    answer("/bot123456:AAH-SECRET/sendMessage", 400, "telegram-400.json");
    answer("/api/webhooks/99/DISCORD-SECRET", 401, "discord-401.json");
    answer("/services/T01/B02/SLACK-SECRET", 404, "slack-404.txt");
    // the README's way: the URLs in the environment, none on the command line
    String urls =
        "tgram://123456:AAH-SECRET/-1001 discord://99/DISCORD-SECRET slack://T01/B02/SLACK-SECRET";

    String[] r = alert(Map.of("PRIVSCREEN_NOTIFY", urls), "--strict");

    assertThat(r[0]).isEqualTo("4");
    assertThat(r[2].lines())
        .containsExactly(
            "privscreen: notify: tgram://***/***: HTTP 400: Bad Request: chat not found",
            "privscreen: notify: discord://***/***: HTTP 401: Invalid Webhook Token",
            "privscreen: notify: slack://***/***/***: HTTP 404: invalid_token");
    assertThat(r[1] + r[2]).doesNotContain("SECRET");
    // none took it, so the next run sends the same assets again
    answer("/bot123456:AAH-SECRET/sendMessage", 200, "telegram-ok.json");
    String[] again = alert(Map.of("PRIVSCREEN_NOTIFY", "tgram://123456:AAH-SECRET/-1001"));
    assertThat(again[0]).isEqualTo("0");
    assertThat(again[1]).contains("ZK");
  }

  @Test
  void aTestMessageSaysWhatEachServiceAnswered() throws Exception {
    Path config = config();
    for (String name : List.of("desk", "team", "ops", "hook", "phone")) {
      String[] r =
          run(Map.of(), "screen", "--config", config.toString(), "--notify-test", "@" + name);

      assertThat(r[0]).as(name + ": " + r[2]).isEqualTo("0");
      assertThat(r[1]).matches("(?s)\\S+://\\S*\\*\\*\\*\\S*: delivered \\(HTTP 20[04]\\)\\n");
    }
    assertThat(seen).hasSize(5);
    answer("/api/webhooks/99/DISCORD-SECRET", 401, "discord-401.json");
    String[] refused =
        run(Map.of(), "screen", "--config", config.toString(), "--notify-test", "@team");
    assertThat(refused[0]).isEqualTo("4");
    assertThat(refused[2])
        .isEqualTo("privscreen: notify: discord://***/***: HTTP 401: Invalid Webhook Token\n");
  }

  @Test
  void telegramMarkdownV2IsSentEscapedWhenTheUrlAsksForIt() throws Exception {
    String[] r =
        alert(
            Map.of("PRIVSCREEN_NOTIFY", "tgram://123456:AAH-SECRET/-1001?format=markdown"),
            "--top",
            "1");

    assertThat(r[0]).as(r[2]).isEqualTo("0");
    JsonNode m = to("/bot").get(0).json();
    assertThat(m.get("parse_mode").asText()).isEqualTo("MarkdownV2");
    assertThat(m.get("text").asText())
        .startsWith("*privscreen movers: 1 new: ZK*\n")
        .contains("\\+")
        .endsWith("\\-07T00:00:00Z_");
  }
}
