package dev.privscreen.universe;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One asset of the universe.
 *
 * @param pins venue → pair name, where the plain symbol would map wrongly; a null value means the
 *     asset is never mapped on that venue
 * @param origin {@code builtin} or {@code user}
 */
public record Member(
    String id,
    String symbol,
    String name,
    List<String> categories,
    Map<String, String> pins,
    String origin) {

  /** Venues whose pairs privscreen maps. */
  public static final List<String> VENUES = List.of("binance", "okx", "bybit", "bitget");

  /**
   * The perpetual pair of this asset on a venue: the pin if there is one, else the symbol's
   * USDT-margined pair in the venue's own spelling; null when pinned to nothing.
   */
  public String pair(String venue) {
    if (pins.containsKey(venue)) {
      return pins.get(venue);
    }
    String s = symbol.toUpperCase(Locale.ROOT);
    return venue.equals("okx") ? s + "-USDT-SWAP" : s + "USDT";
  }
}
