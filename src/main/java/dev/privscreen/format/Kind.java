package dev.privscreen.format;

/** What a column holds, which decides how it is sorted, filtered and printed. */
public enum Kind {
  /** a whole number (rank, score, counts) */
  INTEGER,
  /** an amount in US dollars */
  USD,
  /** a percent change */
  PERCENT,
  /** a small percent, a funding rate (printed +0.0100%) */
  RATE_PERCENT,
  /** a ratio (printed 2.80x) */
  RATIO,
  /** a plain number, e.g. a metric value */
  NUMBER,
  TEXT,
  /** a UTC instant */
  TIME,
  /** a list of ListingEvent */
  LISTINGS,
  /** a list of strings (signals, leaders, categories) */
  IDS,
  /** venue → a funding rate percent, as RATE_PERCENT prints one */
  VENUE_RATES,
  /** metric name → the day its value is from */
  NAMED_DAYS,
  /** yes or no */
  BOOLEAN,
  /** rule id → sentence (--explain) */
  REASONS;

  public boolean sortable() {
    return this != LISTINGS
        && this != IDS
        && this != REASONS
        && this != VENUE_RATES
        && this != NAMED_DAYS;
  }

  public boolean numeric() {
    return this == INTEGER
        || this == USD
        || this == PERCENT
        || this == RATE_PERCENT
        || this == RATIO
        || this == NUMBER;
  }
}
