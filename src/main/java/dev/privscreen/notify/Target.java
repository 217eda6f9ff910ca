package dev.privscreen.notify;

import dev.privscreen.source.http.Endpoints;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where an alert goes, read from an Apprise-style URL (the forms users copy from Apprise and
 * shoutrrr): the service, the HTTPS endpoint a message is POSTed to, and the URL with its secrets
 * masked for every message that names it. The token never leaves this object except in the request
 * to its own host.
 *
 * <ul>
 *   <li>{@code ntfy://topic} (ntfy.sh), {@code ntfy://[user:pass@]host/topic}, {@code
 *       ntfys://host/topic}, or an {@code https://host/topic} ntfy URL
 *   <li>{@code tgram://BOT_TOKEN/CHAT_ID}: Telegram's Bot API {@code sendMessage}
 *   <li>{@code discord://WEBHOOK_ID/WEBHOOK_TOKEN}: a Discord webhook
 *   <li>{@code slack://TA/TB/TC}: a Slack incoming webhook
 *   <li>{@code json://host/path}, {@code jsons://host/path}: a POST of privscreen.alert/1 JSON
 * </ul>
 *
 * @param service ntfy, tgram, discord, slack or json
 * @param endpoint where the message is POSTed (https, or http to a loopback host only)
 * @param chat Telegram's chat id; null for the others
 * @param authorization the ntfy Basic credentials header value; null without
 * @param redacted the URL as it may be printed: {@code tgram://***}/{@code ***}
 * @param options the URL's query, as Apprise reads it: ntfy's {@code priority}, {@code tags} and
 *     {@code click}; Telegram's {@code format} ({@code html}, the default, or {@code markdown})
 */
public record Target(
    String service,
    URI endpoint,
    String chat,
    String authorization,
    String redacted,
    Map<String, String> options) {

  /** The options each service reads; any other is refused, so that a typo is not silently lost. */
  private static final Map<String, java.util.Set<String>> OPTIONS =
      Map.of(
          "ntfy", java.util.Set.of("priority", "tags", "click"),
          "tgram", java.util.Set.of("format"),
          "discord", java.util.Set.of(),
          "slack", java.util.Set.of(),
          "json", java.util.Set.of());

  /** An option of the URL, or {@code otherwise}. */
  public String option(String name, String otherwise) {
    return options.getOrDefault(name, otherwise);
  }

  /** The services' own hosts, each overridable for tests like the sources'. */
  static final Map<String, String> BASES =
      Map.of(
          "ntfy", "https://ntfy.sh",
          "tgram", "https://api.telegram.org",
          "discord", "https://discord.com",
          "slack", "https://hooks.slack.com");

  private static final Map<String, String> ENV =
      Map.of(
          "ntfy", "PRIVSCREEN_NTFY_URL",
          "tgram", "PRIVSCREEN_TELEGRAM_URL",
          "discord", "PRIVSCREEN_DISCORD_URL",
          "slack", "PRIVSCREEN_SLACK_URL");

  /** Never prints the secrets. */
  @Override
  public String toString() {
    return redacted;
  }

  /**
   * @param env for the services' base URLs ({@code PRIVSCREEN_TELEGRAM_URL}, …)
   * @throws IllegalArgumentException naming the URL, masked, and what is wrong
   */
  public static Target parse(String url, Map<String, String> env) {
    String u = url.strip();
    int colon = u.indexOf("://");
    if (colon < 0) {
      throw bad(
          "***", "is not a notification URL (ntfy://, tgram://, discord://, slack://, json://)");
    }
    String scheme = u.substring(0, colon).toLowerCase(Locale.ROOT);
    String rest = u.substring(colon + 3);
    Target t =
        switch (scheme) {
          case "tgram" -> telegram(rest, env);
          case "discord" -> discord(rest, env);
          case "slack" -> slack(rest, env);
          case "ntfy", "ntfys" -> ntfy(scheme, rest, env);
          case "https" -> ntfy("ntfys", rest, env);
          case "json", "jsons" -> json(scheme, rest);
          default -> throw bad(scheme + "://***", "is not a service privscreen sends to");
        };
    return t.with(options(t, rest));
  }

  private Target with(Map<String, String> o) {
    return new Target(service, endpoint, chat, authorization, redacted, o);
  }

  /** The query's options, each checked: a service's own names, sane values. */
  private static Map<String, String> options(Target t, String rest) {
    int q = rest.indexOf('?');
    if (q < 0 || t.service().equals("json")) { // json's query belongs to the hook's own URL
      return Map.of();
    }
    Map<String, String> out = new java.util.TreeMap<>();
    for (String pair : rest.substring(q + 1).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8)
              .toLowerCase(Locale.ROOT);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (!OPTIONS.get(t.service()).contains(k)) {
        throw bad(
            t.redacted(),
            "?"
                + k
                + " is not an option of "
                + t.service()
                + (OPTIONS.get(t.service()).isEmpty()
                    ? " (it takes none)"
                    : " (it takes: "
                        + String.join(", ", new java.util.TreeSet<>(OPTIONS.get(t.service())))
                        + ")"));
      }
      out.put(k, v);
    }
    String priority = out.get("priority");
    if (priority != null
        && !java.util.Set.of(
                "1", "2", "3", "4", "5", "min", "low", "default", "high", "max", "urgent")
            .contains(priority.toLowerCase(Locale.ROOT))) {
      throw bad(t.redacted(), "?priority=" + priority + " is not one of ntfy's (1-5, min … max)");
    }
    String click = out.get("click");
    if (click != null && !click.startsWith("https://") && !click.startsWith("http://")) {
      throw bad(t.redacted(), "?click= must be an http(s) URL");
    }
    String format = out.get("format");
    if (format != null
        && !format.equalsIgnoreCase("html")
        && !format.equalsIgnoreCase("markdown")) {
      throw bad(t.redacted(), "?format=" + format + " is not html or markdown");
    }
    return Map.copyOf(out);
  }

  private static Target telegram(String rest, Map<String, String> env) {
    List<String> p = parts(rest);
    if (p.size() != 2 || !p.get(0).contains(":")) {
      throw bad("tgram://***", "must be tgram://BOT_TOKEN/CHAT_ID (the token has a ':')");
    }
    URI endpoint = URI.create(base("tgram", env) + "/bot" + p.get(0) + "/sendMessage");
    return new Target("tgram", endpoint, p.get(1), null, "tgram://***/***", Map.of());
  }

  private static Target discord(String rest, Map<String, String> env) {
    List<String> p = parts(rest);
    if (p.size() != 2) {
      throw bad("discord://***", "must be discord://WEBHOOK_ID/WEBHOOK_TOKEN");
    }
    URI endpoint = URI.create(base("discord", env) + "/api/webhooks/" + p.get(0) + "/" + p.get(1));
    return new Target("discord", endpoint, null, null, "discord://***/***", Map.of());
  }

  private static Target slack(String rest, Map<String, String> env) {
    List<String> p = parts(rest);
    if (p.size() != 3) {
      throw bad(
          "slack://***", "must be slack://TOKEN_A/TOKEN_B/TOKEN_C (the webhook's three parts)");
    }
    URI endpoint = URI.create(base("slack", env) + "/services/" + String.join("/", p));
    return new Target("slack", endpoint, null, null, "slack://***/***/***", Map.of());
  }

  /** ntfy: the topic is its secret (anyone who knows it reads the messages), so it is masked. */
  private static Target ntfy(String scheme, String rest, Map<String, String> env) {
    String auth = null;
    int at = rest.indexOf('@');
    int slash = rest.indexOf('/');
    if (at >= 0 && (slash < 0 || at < slash)) {
      String userInfo = URLDecoder.decode(rest.substring(0, at), StandardCharsets.UTF_8);
      auth =
          "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
      rest = rest.substring(at + 1);
    }
    List<String> p = parts(rest);
    String host;
    String topic;
    String base;
    if (p.size() == 1) { // ntfy://topic: the public server
      host = null;
      topic = p.get(0);
      base = base("ntfy", env);
    } else if (p.size() == 2) {
      host = p.get(0);
      topic = p.get(1);
      boolean plain = scheme.equals("ntfy") && loopback(host);
      base = (plain ? "http://" : "https://") + host;
    } else {
      throw bad(scheme + "://***", "must be ntfy://TOPIC or ntfy://[user:pass@]HOST/TOPIC");
    }
    String shown =
        (scheme.equals("ntfys") ? "ntfys://" : "ntfy://")
            + (auth == null ? "" : "***@")
            + (host == null ? "" : host + "/")
            + "***";
    return new Target("ntfy", URI.create(base + "/" + topic), null, auth, shown, Map.of());
  }

  private static Target json(String scheme, String rest) {
    int slash = rest.indexOf('/');
    String host = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "/" : rest.substring(slash);
    if (host.isEmpty()) {
      throw bad(scheme + "://***", "must be " + scheme + "://HOST/PATH");
    }
    boolean secure = scheme.equals("jsons");
    if (!secure && !loopback(hostOnly(host))) {
      throw bad(
          scheme + "://" + host + "/***",
          "sends in the clear: plain json:// is only for a loopback host; use jsons://");
    }
    URI endpoint = URI.create((secure ? "https://" : "http://") + host + path);
    return new Target("json", endpoint, null, null, scheme + "://" + host + "/***", Map.of());
  }

  private static String base(String service, Map<String, String> env) {
    String v = env.get(ENV.get(service));
    String b = v == null || v.isBlank() ? BASES.get(service) : v.strip();
    URI u = URI.create(b);
    if ("http".equalsIgnoreCase(u.getScheme()) && !loopback(u.getHost())) {
      throw new IllegalArgumentException(
          ENV.get(service) + ": plain http is only allowed to a loopback host; use https");
    }
    return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
  }

  private static List<String> parts(String rest) {
    String r = rest;
    int q = r.indexOf('?');
    if (q >= 0) {
      r = r.substring(0, q);
    }
    while (r.endsWith("/")) {
      r = r.substring(0, r.length() - 1);
    }
    return r.isEmpty() ? List.of() : List.of(r.split("/", -1));
  }

  private static String hostOnly(String hostPort) {
    if (hostPort.startsWith("[")) {
      return hostPort.substring(1, Math.max(1, hostPort.indexOf(']')));
    }
    int c = hostPort.lastIndexOf(':');
    return c < 0 ? hostPort : hostPort.substring(0, c);
  }

  /** The fetch's own rule for plain http (a host:port is taken as its host). */
  static boolean loopback(String host) {
    return host != null && Endpoints.isLoopback(hostOnly(host));
  }

  private static IllegalArgumentException bad(String shown, String what) {
    return new IllegalArgumentException("--notify " + shown + ": " + what);
  }
}
