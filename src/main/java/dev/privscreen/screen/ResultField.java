package dev.privscreen.screen;

import java.util.function.Function;

/**
 * A field of a result (SPEC §4): its JSON key / CSV column / sort and filter name, its kind, and
 * how to read it from a row.
 */
public record ResultField(String name, Kind kind, Function<ResultRow, Object> getter) {

  /** What a field holds, which decides how it is sorted and printed. */
  public enum Kind {
    /** a whole number (rank, score) */
    INTEGER,
    /** an amount in US dollars */
    USD,
    /** a percent change */
    PERCENT,
    /** a plain ratio or a metric value */
    NUMBER,
    TEXT,
    /** listings: a list of ListingEvent */
    LISTINGS,
    /** signals: a list of rule ids */
    IDS;

    public boolean sortable() {
      return this != LISTINGS && this != IDS;
    }

    public boolean numeric() {
      return sortable() && this != TEXT;
    }
  }

  public Object get(ResultRow row) {
    return getter.apply(row);
  }
}
