package dev.privscreen.store;

import dev.privscreen.format.Times;
import dev.privscreen.model.FundingPoint;
import dev.privscreen.model.ListingEvent;
import dev.privscreen.model.MetricPoint;
import dev.privscreen.model.OiPoint;
import dev.privscreen.model.PricePoint;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The four tables of history the store keeps each fact of once: a CSV file each, with SPEC §2's
 * columns between {@code fetch} (the id of the fetch that first saw the value) and {@code gone}
 * ({@code 1} on a row that withdraws its key: only a migrated store has them, where an old snapshot
 * had dropped a day). A key's value is its last row; a fetch sees the rows written up to it.
 */
enum FactTable {
  PRICES("prices", new String[] {"id", "date", "close_usd", "volume_usd"}, 2),
  OPEN_INTEREST("open_interest", new String[] {"id", "venue", "date", "oi_usd", "at"}, 3),
  LISTINGS("listings", new String[] {"id", "venue", "market", "pair", "listed_at", "action"}, 6),
  METRICS("metrics", new String[] {"id", "date", "name", "value"}, -1),
  FUNDING("funding", new String[] {"id", "venue", "funding_time", "rate", "interval_h"}, 3);

  final String name;
  final String[] columns;

  /** How many leading columns make the key; metrics' key is id, date and name (not value). */
  private final int keyColumns;

  FactTable(String name, String[] columns, int keyColumns) {
    this.name = name;
    this.columns = columns;
    this.keyColumns = keyColumns;
  }

  String file() {
    return name + ".csv";
  }

  String header() {
    return "fetch," + String.join(",", columns) + ",gone\n";
  }

  /** The key of a row's cells, as one string. */
  String key(String[] cells) {
    if (this == METRICS) {
      return cells[0] + '\u0001' + cells[1] + '\u0001' + cells[2];
    }
    StringBuilder k = new StringBuilder(cells[0]);
    for (int i = 1; i < keyColumns; i++) {
      k.append('\u0001').append(cells[i]);
    }
    return k.toString();
  }

  /** The column of a row's day, or -1 (listings). */
  int dateCell() {
    return switch (this) {
      case PRICES, METRICS -> 1;
      case OPEN_INTEREST, FUNDING -> 2;
      case LISTINGS -> -1;
    };
  }

  /** The asset id of a row. */
  static String id(String[] cells) {
    return cells[0];
  }

  /** The day a row describes, or null for a listing (kept whatever the days). */
  LocalDate day(String[] cells) {
    return switch (this) {
      case PRICES, METRICS -> FetchEntry.day(cells[1]);
      case OPEN_INTEREST -> FetchEntry.day(cells[2]);
      case FUNDING -> FetchEntry.day(cells[2].substring(0, 10));
      case LISTINGS -> null;
    };
  }

  static String[] cells(PricePoint p) {
    return new String[] {
      p.id(), p.date().toString(), CsvLine.num(p.closeUsd()), CsvLine.num(p.volumeUsd())
    };
  }

  static String[] cells(OiPoint p) {
    return new String[] {
      p.id(),
      p.venue(),
      p.date().toString(),
      CsvLine.num(p.oiUsd()),
      p.at() == null ? "" : instant(p.at())
    };
  }

  static String[] cells(ListingEvent e) {
    return new String[] {
      e.id(), e.venue(), e.market().label(), e.pair(), instant(e.listedAt()), e.action().label()
    };
  }

  static String[] cells(MetricPoint m) {
    return new String[] {m.id(), m.date().toString(), m.name(), CsvLine.num(m.value())};
  }

  static String[] cells(FundingPoint f) {
    return new String[] {
      f.id(),
      f.venue(),
      instant(f.fundingTime()),
      CsvLine.num(f.rate()),
      Integer.toString(f.intervalHours())
    };
  }

  static FundingPoint funding(String[] c) {
    return new FundingPoint(
        c[0], c[1], FetchEntry.instant(c[2]), Double.parseDouble(c[3]), Integer.parseInt(c[4]));
  }

  static PricePoint price(String[] c) {
    return new PricePoint(c[0], FetchEntry.day(c[1]), CsvLine.dbl(c[2]), CsvLine.dbl(c[3]));
  }

  static OiPoint oi(String[] c) {
    return new OiPoint(
        c[0],
        c[1],
        FetchEntry.day(c[2]),
        CsvLine.dbl(c[3]),
        c[4].isEmpty() ? null : FetchEntry.instant(c[4]));
  }

  static ListingEvent listing(String[] c) {
    return new ListingEvent(
        c[0],
        c[1],
        ListingEvent.Market.valueOf(c[2].toUpperCase(Locale.ROOT)),
        c[3],
        FetchEntry.instant(c[4]),
        ListingEvent.Action.valueOf(c[5].toUpperCase(Locale.ROOT)));
  }

  static MetricPoint metric(String[] c) {
    return new MetricPoint(c[0], FetchEntry.day(c[1]), c[2], Double.parseDouble(c[3]));
  }

  /** Instants to the second, as the snapshot JSON keeps them. */
  private static String instant(Instant t) {
    return Times.instant(t);
  }
}
