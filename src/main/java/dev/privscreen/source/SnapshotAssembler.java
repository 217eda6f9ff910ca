package dev.privscreen.source;

import dev.privscreen.error.DataException;
import dev.privscreen.model.Asset;
import dev.privscreen.model.ListingEvent;
import dev.privscreen.model.ListingEvent.Action;
import dev.privscreen.model.ListingEvent.Market;
import dev.privscreen.model.MetricPoint;
import dev.privscreen.model.OiPoint;
import dev.privscreen.model.PricePoint;
import dev.privscreen.model.Snapshot;
import dev.privscreen.model.SourceStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns raw rows, from either input form, into a validated {@link Snapshot}. The one place that
 * knows what each column means, so the JSON and CSV readers cannot drift apart.
 */
final class SnapshotAssembler {
  private final List<Asset> assets = new ArrayList<>();
  private final List<PricePoint> prices = new ArrayList<>();
  private final List<OiPoint> openInterest = new ArrayList<>();
  private final List<ListingEvent> listings = new ArrayList<>();
  private final List<MetricPoint> metrics = new ArrayList<>();
  private final List<SourceStatus> sources = new ArrayList<>();

  /** Key of each time-series row seen → where it was first seen, to report duplicates. */
  private final Map<String, Place> seen = new HashMap<>();

  void add(Table table, Row row) {
    switch (table) {
      case ASSETS -> addAsset(row);
      case PRICES -> addPrice(row);
      case OPEN_INTEREST -> addOi(row);
      case LISTINGS -> addListing(row);
      case METRICS -> addMetric(row);
      case SOURCES -> addSource(row);
    }
  }

  private void addAsset(Row r) {
    String id = Values.requiredText(r.cell("id"));
    unique(r, "asset " + id, () -> "asset " + id);
    assets.add(
        new Asset(
            id,
            Values.requiredText(r.cell("symbol")),
            Values.text(r.cell("name")),
            Values.nonNegative(r.cell("price_usd")),
            Values.nonNegative(r.cell("market_cap_usd")),
            Values.nonNegative(r.cell("fdv_usd")),
            Values.nonNegative(r.cell("volume_24h_usd")),
            Values.number(r.cell("change_24h_pct")),
            Values.number(r.cell("change_7d_pct")),
            Values.number(r.cell("change_30d_pct")),
            Values.nonNegative(r.cell("circulating_supply")),
            Values.nonNegative(r.cell("max_supply"))));
  }

  private void addPrice(Row r) {
    String id = Values.requiredText(r.cell("id"));
    LocalDate date = Values.day(r.cell("date"));
    unique(r, "price " + id + " " + date, () -> "price row for " + id + " on " + date);
    prices.add(
        new PricePoint(
            id,
            date,
            Values.nonNegative(r.cell("close_usd")),
            Values.nonNegative(r.cell("volume_usd"))));
  }

  private void addOi(Row r) {
    String id = Values.requiredText(r.cell("id"));
    String venue = Values.requiredText(r.cell("venue")).toLowerCase(Locale.ROOT);
    LocalDate date = Values.day(r.cell("date"));
    unique(
        r,
        "oi " + id + " " + venue + " " + date,
        () -> "open interest row for " + id + " on " + venue + " on " + date);
    openInterest.add(new OiPoint(id, venue, date, Values.nonNegative(r.cell("oi_usd"))));
  }

  private void addListing(Row r) {
    String id = Values.requiredText(r.cell("id"));
    String venue = Values.requiredText(r.cell("venue")).toLowerCase(Locale.ROOT);
    Market market = choice(r.cell("market"), Market.class, null);
    Instant listedAt = Values.instant(r.cell("listed_at"));
    Action action = choice(r.cell("action"), Action.class, Action.LIST);
    listings.add(
        new ListingEvent(id, venue, market, Values.text(r.cell("pair")), listedAt, action));
  }

  private void addMetric(Row r) {
    String id = Values.requiredText(r.cell("id"));
    LocalDate date = Values.day(r.cell("date"));
    String name = Values.requiredText(r.cell("name"));
    if (!name.matches("[A-Za-z0-9_]+")) {
      throw new DataException(
          r.cell("name").where()
              + ": "
              + r.cell("name").field()
              + " \""
              + name
              + "\" must be letters, digits and _ (it becomes the field m_"
              + name
              + ")");
    }
    unique(
        r,
        "metric " + id + " " + name + " " + date,
        () -> "metric " + name + " for " + id + " on " + date);
    Double value = Values.number(r.cell("value"));
    if (value != null) {
      metrics.add(new MetricPoint(id, date, name, value));
    }
  }

  private void addSource(Row r) {
    String fetched = Values.text(r.cell("fetched_at"));
    sources.add(
        new SourceStatus(
            Values.requiredText(r.cell("name")),
            fetched == null ? null : Values.instant(r.cell("fetched_at")),
            Values.text(r.cell("status")),
            Values.text(r.cell("error"))));
  }

  /** {@code what} names the row in the error; built only when there is one. */
  private void unique(Row r, String key, Supplier<String> what) {
    Place first = seen.putIfAbsent(key, r.where());
    if (first != null) {
      throw new DataException(
          r.where() + ": duplicate " + what.get() + " (first at " + first + ")");
    }
  }

  private static <E extends Enum<E>> E choice(Cell c, Class<E> type, E dflt) {
    String t = Values.text(c);
    if (t == null) {
      if (dflt != null) {
        return dflt;
      }
      Values.requiredText(c);
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(t)) {
        return e;
      }
    }
    StringBuilder allowed = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      allowed.append(allowed.length() == 0 ? "" : " or ").append(e.name().toLowerCase(Locale.ROOT));
    }
    throw new DataException(c.where() + ": " + c.field() + " \"" + t + "\" must be " + allowed);
  }

  /**
   * One assembler holding the rows of several, in order; each part read its own tables, so their
   * duplicate checks never overlap.
   */
  static SnapshotAssembler merge(List<SnapshotAssembler> parts) {
    SnapshotAssembler all = new SnapshotAssembler();
    for (SnapshotAssembler p : parts) {
      all.assets.addAll(p.assets);
      all.prices.addAll(p.prices);
      all.openInterest.addAll(p.openInterest);
      all.listings.addAll(p.listings);
      all.metrics.addAll(p.metrics);
      all.sources.addAll(p.sources);
    }
    return all;
  }

  /** The assembled snapshot; {@code asOf} null means: derive it from the newest date (CSV). */
  Snapshot build(Instant asOf, String category, String origin) {
    if (assets.isEmpty()) {
      throw new DataException(origin + ": no assets");
    }
    if (asOf == null) {
      asOf = newestDay().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }
    return new Snapshot(asOf, category, assets, prices, openInterest, listings, metrics, sources);
  }

  private LocalDate newestDay() {
    LocalDate newest = null;
    for (PricePoint p : prices) {
      newest = later(newest, p.date());
    }
    if (newest != null) {
      return newest;
    }
    for (OiPoint p : openInterest) {
      newest = later(newest, p.date());
    }
    for (MetricPoint p : metrics) {
      newest = later(newest, p.date());
    }
    if (newest == null) {
      throw new DataException(
          "no as-of: add snapshot.json with \"as_of\", or dated rows in prices.csv");
    }
    return newest;
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a == null || b.isAfter(a) ? b : a;
  }
}
