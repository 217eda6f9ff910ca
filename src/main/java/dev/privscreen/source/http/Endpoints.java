package dev.privscreen.source.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Base URLs of the live sources (SPEC §6): the real APIs by default, overridden by {@code
 * --endpoint NAME=URL} or {@code PRIVSCREEN_<NAME>_URL}. Plain http is only for loopback hosts.
 */
public record Endpoints(Map<String, URI> bases) {
  public static final List<String> SOURCES =
      List.of("coingecko", "binance", "okx", "bybit", "bitget", "coinmetrics", "defillama");

  private static final Map<String, String> DEFAULTS =
      Map.of(
          "coingecko", "https://api.coingecko.com/api/v3",
          "binance", "https://fapi.binance.com",
          "okx", "https://www.okx.com",
          "bybit", "https://api.bybit.com",
          "bitget", "https://api.bitget.com",
          "coinmetrics", "https://community-api.coinmetrics.io/v4",
          "defillama", "https://api.llama.fi");

  /**
   * @param flags {@code NAME=URL} from the command line (win over the environment)
   * @param configured {@code NAME → URL} from the config file (lose to the environment)
   * @param proPlan the CoinGecko Pro base URL is the default when the plan is pro
   * @throws IllegalArgumentException for an unknown name, a bad URL or http to a remote host
   */
  public static Endpoints resolve(
      List<String> flags,
      Map<String, String> env,
      Map<String, String> configured,
      boolean proPlan) {
    Map<String, String> chosen = new LinkedHashMap<>(DEFAULTS);
    if (proPlan) {
      chosen.put("coingecko", "https://pro-api.coingecko.com/api/v3");
    }
    configured.forEach(
        (name, url) -> {
          if (!SOURCES.contains(name)) {
            throw new IllegalArgumentException(
                "endpoints: '" + name + "' is not one of " + String.join(", ", SOURCES));
          }
          chosen.put(name, url.strip());
        });
    for (String name : SOURCES) {
      String v = env.get("PRIVSCREEN_" + name.toUpperCase(Locale.ROOT) + "_URL");
      if (v != null && !v.isBlank()) {
        chosen.put(name, v.strip());
      }
    }
    for (String f : flags) {
      int eq = f.indexOf('=');
      String name = eq < 0 ? f : f.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      if (eq < 0 || !SOURCES.contains(name)) {
        throw new IllegalArgumentException(
            "--endpoint: '"
                + f
                + "' is not NAME=URL with NAME one of "
                + String.join(", ", SOURCES));
      }
      chosen.put(name, f.substring(eq + 1).strip());
    }
    Map<String, URI> out = new LinkedHashMap<>();
    chosen.forEach((name, url) -> out.put(name, check(name, url)));
    return new Endpoints(out);
  }

  private static URI check(String name, String url) {
    URI u;
    try {
      u = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--endpoint " + name + ": '" + url + "' is not a URL");
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (u.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalArgumentException(
          "--endpoint " + name + ": '" + url + "' must be an http(s) URL with a host");
    }
    if (scheme.equals("http") && !isLoopback(u.getHost())) {
      throw new IllegalArgumentException(
          "--endpoint "
              + name
              + ": plain http is only allowed to a loopback host (127.0.0.1, localhost, ::1), not "
              + u.getHost()
              + "; use https");
    }
    return u;
  }

  /** Whether a host (a name or an address, IPv6 in brackets or not) is this machine's loopback. */
  public static boolean isLoopback(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false; // a name other than localhost: never resolved here
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  public URI url(String source, String pathAndQuery) {
    return URI.create(bases.get(source).toString() + pathAndQuery);
  }
}
