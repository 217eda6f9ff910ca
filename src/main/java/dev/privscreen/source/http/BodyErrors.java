package dev.privscreen.source.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privscreen.source.http.SourceFailure.Kind;

/**
 * Failures reported inside a body, often under HTTP 200 (SPEC §6): OKX {@code code}, Bybit {@code
 * retCode}, Bitget {@code code}, Binance {@code code}/{@code msg}, CoinGecko {@code
 * status.error_code}. Rate-limit codes are transient.
 */
final class BodyErrors {
  private BodyErrors() {}

  static void check(String source, String what, JsonNode n) {
    if (!n.isObject()) {
      return;
    }
    switch (source) {
      case "okx" -> {
        String code = Api.text(n.get("code"));
        if (code != null && !code.equals("0")) {
          throw fail(
              code.equals("50011") || code.equals("50061"), what, code, Api.text(n.get("msg")));
        }
      }
      case "bybit" -> {
        Double code = Api.num(n.get("retCode"));
        if (code != null && code != 0) {
          String c = Long.toString(code.longValue());
          throw fail(c.equals("10006") || c.equals("10018"), what, c, Api.text(n.get("retMsg")));
        }
      }
      case "bitget" -> {
        String code = Api.text(n.get("code"));
        if (code != null && !code.equals("00000")) {
          throw fail(
              code.equals("429") || code.equals("40429"), what, code, Api.text(n.get("msg")));
        }
      }
      case "binance" -> {
        if ("ERROR".equals(Api.text(n.get("status")))) { // fundingRate's own envelope, under 200
          throw fail(false, what, Api.text(n.get("code")), Api.text(n.get("errorData")));
        }
        Double code = Api.num(n.get("code"));
        if (code != null && code < 0) {
          String c = Long.toString(code.longValue());
          throw fail(c.equals("-1003"), what, c, Api.text(n.get("msg")));
        }
      }
      case "coingecko" -> {
        JsonNode status = n.get("status");
        if (status != null && status.has("error_code")) {
          String c = Api.text(status.get("error_code"));
          throw fail("429".equals(c), what, c, Api.text(status.get("error_message")));
        }
        if (n.has("error")) {
          throw fail(false, what, "error", Api.text(n.get("error")));
        }
      }
      case "coinmetrics" -> {
        JsonNode error = n.get("error");
        if (error != null && error.isObject()) {
          String type = Api.text(error.get("type"));
          throw fail("too_many_requests".equals(type), what, type, Api.text(error.get("message")));
        }
      }
      default -> {}
    }
  }

  private static SourceFailure fail(boolean transientCode, String what, String code, String msg) {
    String m = msg == null ? "" : msg.length() > 160 ? msg.substring(0, 160) + "…" : msg;
    return new SourceFailure(
        transientCode ? Kind.TRANSIENT : Kind.PERMANENT, what + ": error " + code + ": " + m);
  }
}
