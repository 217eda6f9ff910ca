package dev.privscreen.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code screen --alert NAME --notify URL} against the services on 127.0.0.1, answering as the real
 * ones do. The shapes come from their documentation: Telegram's Bot API ({@code {"ok":true,
 * "result":{…}}}; a 429 as {@code {"ok":false,"error_code":429,"description":"Too Many Requests:
 * retry after N","parameters":{"retry_after":N}}}), Discord's webhook (401 {@code {"message":
 * "Invalid Webhook Token","code":50027}}), ntfy's publish ({@code {"id","time","event":"message",
 * "topic"}}).
 */
class NotifyTest {
  @TempDir Path home;
  HttpServer server;
  final List<String[]> requests = new CopyOnWriteArrayList<>(); // path, body, Title header
  final Map<String, Deque<int[]>> statuses = new ConcurrentHashMap<>();

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

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The next answers of a path: status codes, taken in turn (then 200). */
  void answer(String path, int... codes) {
    Deque<int[]> d = statuses.computeIfAbsent(path, k -> new ArrayDeque<>());
    for (int c : codes) {
      d.add(new int[] {c});
    }
  }

  private void serve(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(new String[] {path, body, ex.getRequestHeaders().getFirst("Title")});
    Deque<int[]> d = statuses.get(path);
    int code = d == null || d.isEmpty() ? 200 : d.poll()[0];
    String reply;
    if (path.startsWith("/bot")) {
      reply =
          code == 429
              ? "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\","
                  + "\"parameters\":{\"retry_after\":1}}"
              : code == 400
                  ? "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}"
                  : "{\"ok\":true,\"result\":{\"message_id\":7,\"chat\":{\"id\":42},\"date\":1}}";
    } else if (path.startsWith("/api/webhooks/")) {
      reply = code == 401 ? "{\"message\": \"Invalid Webhook Token\", \"code\": 50027}" : "";
      code = code == 200 ? 204 : code;
    } else {
      reply = "{\"id\":\"sPs8\",\"time\":1,\"event\":\"message\",\"topic\":\"t\"}";
    }
    byte[] b = reply.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(code, b.length == 0 ? -1 : b.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(b);
    }
  }

  CliDriver cli() {
    return CliDriver.at(home)
        .env("PRIVSCREEN_TELEGRAM_URL", base())
        .env("PRIVSCREEN_DISCORD_URL", base());
  }

  Result alert(CliDriver cli, String... notify) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "screen",
                "--from",
                CliDriver.EXAMPLE_JSON,
                "--alert",
                "movers",
                "--min-gain",
                "7d=100",
                "--format",
                "csv",
                "--fields",
                "symbol"));
    boolean value = false; // the value of an option given raw
    for (String n : notify) {
      if (!value && !n.startsWith("--")) {
        args.add("--notify");
      }
      args.add(n);
      value = n.startsWith("--") && !n.equals("--strict");
    }
    return cli.run(args.toArray(String[]::new));
  }

  @Test
  void aTelegramRateLimitIsWaitedOutAndABadWebhookIsOneLineWithoutItsToken() throws Exception {
    answer("/bot123:SECRET/sendMessage", 429);
    answer("/api/webhooks/99/BADTOKEN", 401);

    Result r = alert(cli(), "tgram://123:SECRET/42", "discord://99/BADTOKEN");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stderr().lines())
        .containsExactly("privscreen: notify: discord://***/***: HTTP 401: Invalid Webhook Token");
    assertThat(r.stderr() + r.stdout()).doesNotContain("SECRET").doesNotContain("BADTOKEN");
    List<String[]> tg = requests.stream().filter(q -> q[0].startsWith("/bot")).toList();
    assertThat(tg).hasSize(2); // the 429, then the retry after the second it asked for
    JsonNode sent = new ObjectMapper().readTree(tg.get(1)[1]);
    assertThat(sent.get("chat_id").asText()).isEqualTo("42");
    assertThat(sent.get("parse_mode").asText()).isEqualTo("HTML");
    assertThat(sent.get("text").asText())
        .startsWith("<b>privscreen movers: ")
        .contains("ZK ")
        .contains("as of 2025-11-07T00:00:00Z");

    // Telegram took it: the next run has nothing new and sends nothing
    requests.clear();
    Result again = alert(cli(), "tgram://123:SECRET/42");
    assertThat(again.stdout().strip()).isEqualTo("symbol");
    assertThat(requests).isEmpty();
  }

  @Test
  void whenNoTargetTookTheMessageTheNextRunSendsItAgain() {
    answer("/bot123:SECRET/sendMessage", 400, 400);

    Result failed = alert(cli(), "tgram://123:SECRET/-1");
    assertThat(failed.stderr())
        .contains("privscreen: notify: tgram://***/***: HTTP 400: Bad Request: chat not found");
    Result strict =
        cli()
            .run(
                "screen",
                "--from",
                CliDriver.EXAMPLE_JSON,
                "--alert",
                "other",
                "--min-gain",
                "7d=100",
                "--notify",
                "tgram://123:SECRET/-1",
                "--strict");
    assertThat(strict.exitCode()).as("--strict: a target refused").isEqualTo(4);

    requests.clear();
    Result retried = alert(cli(), "tgram://123:SECRET/42");
    assertThat(retried.stdout().lines().toList()).contains("ZK");
    assertThat(requests).hasSize(1);
  }

  @Test
  void aTestMessageSaysWhatTheServiceAnsweredAndANamedTargetComesFromTheConfig() throws Exception {
    java.nio.file.Files.writeString(
        home.resolve("config.json"), "{\"notify\": {\"desk\": \"tgram://123:SECRET/42\"}}");

    Result ok =
        cli()
            .run(
                "screen",
                "--config",
                home.resolve("config.json").toString(),
                "--notify-test",
                "@desk");

    assertThat(ok.exitCode()).as(ok.toString()).isZero();
    assertThat(ok.stdout().strip()).isEqualTo("tgram://***/***: delivered (HTTP 200)");
    assertThat(requests.get(0)[1]).contains("a test message; alerts will arrive here");

    answer("/api/webhooks/1/gone", 404);
    Result refused = cli().run("screen", "--notify-test", "discord://1/gone");
    assertThat(refused.exitCode()).isEqualTo(4);
    assertThat(refused.stderr().strip())
        .isEqualTo("privscreen: notify: discord://***/***: HTTP 404");
    Result unknown = cli().run("screen", "--notify-test", "@nope");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.stderr()).contains("--notify @nope: no such target in the config's notify");
  }

  @Test
  void diffSendsWhatEnteredAsOneJsonMessage() throws Exception {
    // the older snapshot: the example before ZK joined the category
    ObjectMapper json = new ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode doc =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            json.readTree(java.nio.file.Path.of(CliDriver.EXAMPLE_JSON).toFile());
    com.fasterxml.jackson.databind.node.ArrayNode assets =
        (com.fasterxml.jackson.databind.node.ArrayNode) doc.get("assets");
    for (int i = assets.size() - 1; i >= 0; i--) {
      if (assets.get(i).get("symbol").asText().equals("ZK")) {
        assets.remove(i);
      }
    }
    java.nio.file.Path older = home.resolve("older.json");
    json.writeValue(older.toFile(), doc);
    String hook = "json://127.0.0.1:" + server.getAddress().getPort() + "/hook";

    Result same =
        cli()
            .run(
                "diff",
                CliDriver.EXAMPLE_JSON,
                CliDriver.EXAMPLE_JSON,
                "--min-gain",
                "7d=100",
                "--notify",
                hook);
    assertThat(same.exitCode()).as(same.toString()).isZero();
    assertThat(requests).as("nothing entered: nothing sent").isEmpty();

    Result r =
        cli()
            .run(
                "diff",
                older.toString(),
                CliDriver.EXAMPLE_JSON,
                "--min-gain",
                "7d=100",
                "--notify",
                hook);

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(requests).singleElement().satisfies(q -> assertThat(q[0]).isEqualTo("/hook"));
    JsonNode body = json.readTree(requests.get(0)[1]);
    assertThat(body.get("schema").asText()).isEqualTo("privscreen.alert/1");
    assertThat(body.get("alert").asText()).isEqualTo("diff");
    assertThat(body.get("as_of").asText()).isEqualTo("2025-11-07T00:00:00Z");
    assertThat(body.get("entries"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.get("symbol").asText()).isEqualTo("ZK");
              assertThat(e.get("gain_7d_pct").isNumber()).isTrue();
              assertThat(e.get("signals").toString()).contains("gain_7d");
            });
  }

  @Test
  void ntfyFromTheEnvironmentGetsATitleForTheLockScreen() {
    Result r =
        cli()
            .env("PRIVSCREEN_NOTIFY", "ntfy://127.0.0.1:" + server.getAddress().getPort() + "/desk")
            .run(
                "screen", "--from", CliDriver.EXAMPLE_JSON, "--alert", "m", "--min-gain", "7d=100");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(requests)
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q[0]).isEqualTo("/desk");
              assertThat(q[2]).startsWith("privscreen m: ").contains("ZK");
              assertThat(q[1]).contains("as of 2025-11-07T00:00:00Z");
            });
  }

  @Test
  void aRetryHintLongerThanMaxWaitFailsTheTargetAtOnceAndTheAssetsStayNew() {
    answer("/bot123:SECRET/sendMessage", 429);

    Result r = alert(cli(), "tgram://123:SECRET/42", "--max-wait", "0s", "--strict");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.stderr().lines())
        .containsExactly(
            "privscreen: notify: tgram://***/***: HTTP 429, asked to wait 1 s, longer than"
                + " --max-wait 0 s");
    assertThat(requests).hasSize(1); // no retry
    Result again = alert(cli(), "tgram://123:SECRET/42");
    assertThat(again.stdout()).contains("ZK"); // not marked alerted: sent again
    assertThat(requests).hasSize(2);
    Result withFetchOption = alert(cli(), "tgram://123:SECRET/42", "--days", "3");
    assertThat(withFetchOption.exitCode()).isEqualTo(2);
    assertThat(withFetchOption.stderr()).startsWith("privscreen: --days goes with --live");
  }
}
