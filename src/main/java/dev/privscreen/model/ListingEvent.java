package dev.privscreen.model;

import java.time.Instant;

/** A listing or delisting of a pair on a venue. */
public record ListingEvent(
    String id, String venue, Market market, String pair, Instant listedAt, Action action) {

  /** The pair, or "" when the venue did not name it: what listings are ordered by last. */
  public String pairOrEmpty() {
    return pair == null ? "" : pair;
  }

  /** The kind of market a pair trades on. */
  public enum Market {
    SPOT,
    PERP;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Whether the pair was listed or delisted. */
  public enum Action {
    LIST,
    DELIST;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
