package dev.privscreen.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Apprise-style URLs: where each sends, and how it is shown with its secrets masked. */
class TargetTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "tgram://123:AAH-tok/-1001 | https://api.telegram.org/bot123:AAH-tok/sendMessage | tgram://***/***",
        "discord://111/tok-en | https://discord.com/api/webhooks/111/tok-en | discord://***/***",
        "slack://T1/B2/X3 | https://hooks.slack.com/services/T1/B2/X3 | slack://***/***/***",
        "ntfy://alerts-4f2a | https://ntfy.sh/alerts-4f2a | ntfy://***",
        "ntfys://u:p@ntfy.example.org/t | https://ntfy.example.org/t | ntfys://***@ntfy.example.org/***",
        "ntfy://ntfy.example.org/t | https://ntfy.example.org/t | ntfy://ntfy.example.org/***",
        "ntfy://127.0.0.1:8080/t | http://127.0.0.1:8080/t | ntfy://127.0.0.1:8080/***",
        "jsons://hooks.example.org/in/abc | https://hooks.example.org/in/abc | jsons://hooks.example.org/***",
        "json://localhost:9000/x | http://localhost:9000/x | json://localhost:9000/***",
      })
  void aUrlSendsToItsServiceAndShowsNoSecret(String url, String endpoint, String shown) {
    Target t = Target.parse(url, Map.of());

    assertThat(t.endpoint()).hasToString(endpoint);
    assertThat(t.redacted()).isEqualTo(shown);
    assertThat(t.toString()).isEqualTo(shown);
  }

  @Test
  void ntfyCredentialsBecomeABasicAuthorizationHeader() {
    Target t = Target.parse("ntfys://phil:s3cret@ntfy.example.org/t", Map.of());

    assertThat(t.authorization()).isEqualTo("Basic cGhpbDpzM2NyZXQ=");
  }

  @Test
  void aServiceBaseUrlComesFromTheEnvironmentForTests() {
    Target t =
        Target.parse("tgram://1:x/2", Map.of("PRIVSCREEN_TELEGRAM_URL", "http://127.0.0.1:5000/"));

    assertThat(t.endpoint()).hasToString("http://127.0.0.1:5000/bot1:x/sendMessage");
    assertThatThrownBy(
            () ->
                Target.parse(
                    "tgram://1:x/2", Map.of("PRIVSCREEN_TELEGRAM_URL", "http://evil.example")))
        .hasMessageContaining("plain http is only allowed to a loopback host");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "tgram://nocolon/1 | --notify tgram://***: must be tgram://BOT_TOKEN/CHAT_ID",
        "discord://only | --notify discord://***: must be discord://WEBHOOK_ID/WEBHOOK_TOKEN",
        "json://hooks.example.org/in | plain json:// is only for a loopback host; use jsons://",
        "mailto://me@example.org | --notify mailto://***: is not a service privscreen sends to",
        "s3cr3t-token | --notify ***: is not a notification URL",
      })
  void aBadUrlIsRefusedWithoutEchoingIt(String url, String message) {
    assertThatThrownBy(() -> Target.parse(url, Map.of()))
        .hasMessageContaining(message)
        .satisfies(
            e -> assertThat(e.getMessage()).doesNotContain("s3cr3t").doesNotContain("nocolon"));
  }

  @Test
  void aRunWhoseTimeForNotifyingRanOutSendsNothingAndSaysSo() {
    Sender spent =
        new Sender(
            java.time.Duration.ofSeconds(1),
            java.time.Duration.ofSeconds(60),
            java.time.Duration.ZERO,
            "privscreen/test",
            1);

    Sender.Outcome o =
        spent.send(
            Target.parse("json://127.0.0.1:9/x", Map.of()),
            new AlertMessage("m", java.time.Instant.EPOCH, java.util.List.of()));

    assertThat(o.delivered()).isFalse();
    assertThat(o.detail())
        .isEqualTo("json://127.0.0.1:9/***: not sent: the run's time for notifying ran out");
  }

  @Test
  void longMessagesAreSplitAtLineEndsUnderTheServicesLimit() {
    String text = ("x".repeat(30) + "\n").repeat(100);

    var parts = AlertMessage.split(text, 100);

    assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(100));
    assertThat(String.join("\n", parts)).isEqualTo(text);
    assertThat(AlertMessage.escape("<b>&")).isEqualTo("&lt;b&gt;&amp;");
  }

  @Test
  void theUrlsQueryCarriesAppriseOptionsAndAnUnknownOneIsRefused() {
    Target ntfy =
        Target.parse(
            "ntfy://alerts?priority=urgent&tags=rotating_light&click=https%3A%2F%2Fexample.org%2Fd",
            Map.of());

    assertThat(ntfy.option("priority", "high")).isEqualTo("urgent");
    assertThat(ntfy.option("tags", "x")).isEqualTo("rotating_light");
    assertThat(ntfy.option("click", null)).isEqualTo("https://example.org/d");
    assertThat(ntfy.endpoint()).hasToString("https://ntfy.sh/alerts");
    assertThat(Target.parse("tgram://1:x/2?format=markdown", Map.of()).option("format", "html"))
        .isEqualTo("markdown");
    assertThatThrownBy(() -> Target.parse("ntfy://alerts?priorty=5", Map.of()))
        .hasMessage(
            "--notify ntfy://***: ?priorty is not an option of ntfy (it takes: click, priority,"
                + " tags)");
    assertThatThrownBy(() -> Target.parse("ntfy://alerts?priority=9", Map.of()))
        .hasMessageContaining("?priority=9 is not one of ntfy's");
    assertThatThrownBy(() -> Target.parse("ntfy://alerts?click=javascript:x", Map.of()))
        .hasMessageContaining("?click= must be an http(s) URL");
  }

  @Test
  void telegramMarkdownV2EscapesEveryReservedCharacter() {
    AlertMessage m =
        new AlertMessage(
            "movers",
            java.time.Instant.parse("2025-11-07T00:00:00Z"),
            java.util.List.of(
                new AlertMessage.Entry(
                    "zcash",
                    "ZEC",
                    "Zcash",
                    532.06,
                    41.0,
                    null,
                    null,
                    java.util.List.of("oi_breakout"))));

    assertThat(m.markdownV2())
        .isEqualTo(
            "*privscreen movers: 1 new: ZEC*\n"
                + "ZEC $532\\.06 7d \\+41\\.0% \\[oi\\_breakout\\]\n"
                + "_as of 2025\\-11\\-07T00:00:00Z_");
  }
}
