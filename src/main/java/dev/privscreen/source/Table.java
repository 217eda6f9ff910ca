package dev.privscreen.source;

import java.util.List;

/** The snapshot's tables: their JSON key, CSV file and required columns (SPEC §2). */
enum Table {
  ASSETS("assets", List.of("id", "symbol")),
  PRICES("prices", List.of("id", "date", "close_usd")),
  OPEN_INTEREST("open_interest", List.of("id", "venue", "date", "oi_usd")),
  LISTINGS("listings", List.of("id", "venue", "market", "listed_at")),
  METRICS("metrics", List.of("id", "date", "name", "value")),
  FUNDING("funding", List.of("id", "venue", "funding_time", "rate")),
  SOURCES("sources", List.of("name"));

  final String key;
  final List<String> requiredColumns;

  Table(String key, List<String> requiredColumns) {
    this.key = key;
    this.requiredColumns = requiredColumns;
  }

  String fileName() {
    return key + ".csv";
  }

  static Table byKey(String key) {
    for (Table t : values()) {
      if (t.key.equals(key)) {
        return t;
      }
    }
    return null;
  }
}
