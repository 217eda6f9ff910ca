package dev.privscreen.cli;

import java.util.List;

/** Values that shells complete for options whose type is a plain string. */
final class Completions {
  private Completions() {}

  /** The venues privscreen fetches from; data may name others (e.g. kraken). */
  static final class Venues extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Venues() {
      super(List.of("binance", "okx", "bybit", "bitget"));
    }
  }

  static final class Markets extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Markets() {
      super(List.of("spot", "perp"));
    }
  }

  static final class Actions extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Actions() {
      super(List.of("list", "delist"));
    }
  }

  /** The result fields every screen has (metrics' m_* fields depend on the data). */
  static final class Fields extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Fields() {
      for (var f :
          new dev.privscreen.fields.ResultFields(
                  dev.privscreen.metrics.MetricsSpec.defaults(), List.of())
              .all()) {
        add(f.name());
      }
    }
  }
}
