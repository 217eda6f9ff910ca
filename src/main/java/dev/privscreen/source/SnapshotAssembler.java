package dev.privscreen.source;

import dev.privscreen.error.DataException;
import dev.privscreen.model.Asset;
import dev.privscreen.model.FundingPoint;
import dev.privscreen.model.ListingEvent;
import dev.privscreen.model.ListingEvent.Action;
import dev.privscreen.model.ListingEvent.Market;
import dev.privscreen.model.MetricPoint;
import dev.privscreen.model.OiColumns;
import dev.privscreen.model.PriceColumns;
import dev.privscreen.model.Snapshot;
import dev.privscreen.model.SourceStatus;
import dev.privscreen.model.StringPool;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
  private PriceColumns.Builder prices = new PriceColumns.Builder();

  /** Where each price and OI row was read; null when a parallel read does not keep places. */
  private Places priceRows;

  private OiColumns.Builder openInterest = new OiColumns.Builder();
  private Places oiRows;
  private final List<ListingEvent> listings = new ArrayList<>();
  private final List<MetricPoint> metrics = new ArrayList<>();
  private final List<SourceStatus> sources = new ArrayList<>();
  private final List<FundingPoint> funding = new ArrayList<>();

  /**
   * Key of each asset and metric row seen → where it was first seen, to report duplicates. Prices
   * and open interest, the long tables, are checked by sorting their columns instead.
   */
  private final Map<String, Place> seen = new HashMap<>();

  /** Venues as written → their lower-cased code in the OI columns (-1: not yet seen). */
  private final StringPool venueSpellings = new StringPool();

  private int[] venueCodes = new int[0];

  /** The newest epoch day of any price row, and of any other dated row; for the CSV as-of. */
  private int newestPriceDay = Integer.MIN_VALUE;

  private int newestOtherDay = Integer.MIN_VALUE;

  /** The epoch days of price and OI rows kept; the others are read as far as their date. */
  private int firstDay = Integer.MIN_VALUE;

  private int lastDay = Integer.MAX_VALUE;

  /** An assembler that keeps the place of each row, to name both rows of a duplicate. */
  SnapshotAssembler() {
    this(true);
  }

  private SnapshotAssembler(boolean places) {
    priceRows = places ? new Places() : null;
    oiRows = places ? new Places() : null;
  }

  /**
   * An assembler for a parallel read, which keeps no places: 8 bytes a row saved, and a duplicate
   * makes {@link #build} throw {@link DuplicateWithoutPlace}, for the caller to read again in one
   * go and so name the rows.
   */
  static SnapshotAssembler withoutPlaces() {
    return new SnapshotAssembler(false);
  }

  /**
   * Makes room for the rows of a piece of {@code bytes} of a table at once (a row of prices or open
   * interest takes about 32 bytes), instead of growing the columns in steps, each a copy.
   *
   * @param keptPerByte with a scope of days, the rows earlier pieces kept per byte read; unknown
   *     (negative) before the first is read, when the columns grow as they come
   */
  void expect(Table table, long bytes, double keptPerByte) {
    boolean scoped = firstDay != Integer.MIN_VALUE || lastDay != Integer.MAX_VALUE;
    if (scoped && keptPerByte < 0) {
      return;
    }
    // (a twentieth more than the pieces before kept: a piece a little denser seldom grows)
    double estimate = scoped ? bytes * keptPerByte * 1.05 : bytes / 32.0;
    int rows = (int) Math.min(Integer.MAX_VALUE - 8, estimate + 16);
    if (table == Table.PRICES) {
      prices.expect(rows);
    } else if (table == Table.OPEN_INTEREST) {
      openInterest.expect(rows);
    }
  }

  /** The price and open-interest rows kept so far. */
  int rowsKept() {
    return prices.size() + openInterest.size();
  }

  /** Keeps only the price and OI rows of the scope's days. */
  SnapshotAssembler keepDays(SnapshotReader.Scope scope) {
    this.firstDay = scope.firstEpochDay();
    this.lastDay = scope.lastEpochDay();
    return this;
  }

  private boolean kept(int day) {
    return day >= firstDay && day <= lastDay;
  }

  /** A duplicate found by an assembler that kept no places. */
  static final class DuplicateWithoutPlace extends RuntimeException {
    DuplicateWithoutPlace() {
      super("duplicate row", null, false, false);
    }
  }

  void add(Table table, Row row) {
    switch (table) {
      case ASSETS -> addAsset(row);
      case PRICES -> addPrice(row);
      case OPEN_INTEREST -> addOi(row);
      case LISTINGS -> addListing(row);
      case METRICS -> addMetric(row);
      case FUNDING -> addFunding(row);
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

  // The date first: a row of a day out of scope ends there. It still dates the snapshot, whose
  // as-of a CSV directory without snapshot.json takes from its newest price.
  private void addPrice(Row r) {
    int day = r.epochDay("date");
    newestPriceDay = Math.max(newestPriceDay, day);
    if (!kept(day)) {
      return;
    }
    int id = prices.idCode(r.requiredKey("id"));
    prices.add(id, day, r.nonNegativeOrNaN("close_usd"), r.nonNegativeOrNaN("volume_usd"));
    if (priceRows != null) {
      priceRows.add(r.where());
    }
  }

  private void addOi(Row r) {
    int day = r.epochDay("date");
    newestOtherDay = Math.max(newestOtherDay, day);
    if (!kept(day)) {
      return;
    }
    int id = openInterest.idCode(r.requiredKey("id"));
    int venue = venueCode(r.requiredKey("venue"));
    double atSecond = Double.NaN; // optional: the instant of a reading not of 00:00 UTC
    if (r.mayHave("at")) {
      Cell at = r.cell("at");
      atSecond = Values.text(at) == null ? Double.NaN : Values.instant(at).getEpochSecond();
    }
    openInterest.add(id, venue, day, r.nonNegativeOrNaN("oi_usd"), atSecond);
    if (oiRows != null) {
      oiRows.add(r.where());
    }
  }

  /** Venues are lower case; each spelling is lower-cased once, not once per row. */
  private int venueCode(CharSequence spelling) {
    int s = venueSpellings.code(spelling);
    if (s >= venueCodes.length) {
      int old = venueCodes.length;
      venueCodes = Arrays.copyOf(venueCodes, Math.max(8, s * 2));
      Arrays.fill(venueCodes, old, venueCodes.length, -1);
    }
    if (venueCodes[s] < 0) {
      venueCodes[s] = openInterest.venueCode(spelling.toString().toLowerCase(Locale.ROOT));
    }
    return venueCodes[s];
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
    if (!isWord(name)) {
      throw new DataException(
          r.cell("name").where()
              + ": "
              + r.cell("name").field()
              + " "
              + Values.quote(name)
              + " must be letters, digits and _ (it becomes a field m_<name>)");
    }
    unique(
        r,
        "metric " + id + " " + name + " " + date,
        () -> "metric " + name + " for " + id + " on " + date);
    Double value = Values.number(r.cell("value"));
    if (value != null) { // a metric without a value is not kept, and dates nothing
      metrics.add(new MetricPoint(id, date, name, value));
      newestOtherDay = Math.max(newestOtherDay, (int) date.toEpochDay());
    }
  }

  private void addFunding(Row r) {
    String id = Values.requiredText(r.cell("id"));
    String venue = Values.requiredText(r.cell("venue"));
    Instant at = Values.instant(r.cell("funding_time"));
    if (at == null) {
      throw new DataException(
          r.cell("funding_time").where() + ": " + r.cell("funding_time").field() + " is missing");
    }
    unique(
        r,
        "funding " + id + " " + venue + " " + at,
        () -> "funding rate for " + id + " on " + venue + " at " + at);
    Double rate = Values.number(r.cell("rate"));
    Double interval = Values.nonNegative(r.cell("interval_h"));
    if (interval != null && !(interval == 1 || interval == 2 || interval == 4 || interval == 8)) {
      throw new DataException(
          r.cell("interval_h").where()
              + ": "
              + r.cell("interval_h").field()
              + " must be 1, 2, 4 or 8 (hours between settlements)");
    }
    if (rate != null) { // a rate not given is not kept
      funding.add(
          new FundingPoint(id, venue, at, rate, interval == null ? 8 : interval.intValue()));
    }
  }

  /**
   * Letters, digits and _, checked by hand: a regular expression costs a start-up its compiling.
   */
  private static boolean isWord(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
        return false;
      }
    }
    return !name.isEmpty();
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
    throw new DataException(
        c.where() + ": " + c.field() + " " + Values.quote(t) + " must be " + allowed);
  }

  /**
   * One assembler holding the rows of several, in order. Parts read whole tables, except that a
   * large prices or open-interest table may come in consecutive pieces; asset and metric duplicates
   * are checked per part, so those tables are never split.
   */
  static SnapshotAssembler merge(List<SnapshotAssembler> parts) {
    // places are kept when every part kept them
    SnapshotAssembler all =
        new SnapshotAssembler(parts.stream().allMatch(p -> p.priceRows != null));
    int priceCount = 0;
    int oiCount = 0;
    for (SnapshotAssembler p : parts) {
      priceCount += p.prices.size();
      oiCount += p.openInterest.size();
    }
    all.prices = new PriceColumns.Builder(priceCount);
    all.openInterest = new OiColumns.Builder(oiCount);
    for (SnapshotAssembler p : parts) {
      all.assets.addAll(p.assets);
      all.prices.append(p.prices);
      all.openInterest.append(p.openInterest);
      if (all.priceRows != null) {
        all.priceRows.append(p.priceRows);
        all.oiRows.append(p.oiRows);
      }
      all.newestPriceDay = Math.max(all.newestPriceDay, p.newestPriceDay);
      all.newestOtherDay = Math.max(all.newestOtherDay, p.newestOtherDay);
      all.listings.addAll(p.listings);
      all.metrics.addAll(p.metrics);
      all.sources.addAll(p.sources);
      all.funding.addAll(p.funding);
    }
    return all;
  }

  /** The assembled snapshot; {@code asOf} null means: derive it from the newest date (CSV). */
  Snapshot build(Instant asOf, String category, String origin) {
    if (assets.isEmpty()) {
      throw new DataException(origin + ": no assets");
    }
    if (asOf == null) {
      asOf = Instant.ofEpochSecond(newestDay() * 86_400L);
    }
    PriceColumns priceColumns =
        prices.build(
            (first, later) -> {
              throw duplicate(
                  priceRows,
                  first,
                  later,
                  "price row for " + prices.id(later) + " on " + day(prices.day(later)));
            });
    OiColumns oiColumns =
        openInterest.build(
            (first, later) -> {
              throw duplicate(
                  oiRows,
                  first,
                  later,
                  "open interest row for "
                      + openInterest.id(later)
                      + " on "
                      + openInterest.venue(later)
                      + " on "
                      + day(openInterest.day(later)));
            });
    return new Snapshot(
        asOf, category, assets, priceColumns, oiColumns, listings, metrics, sources, funding);
  }

  private static RuntimeException duplicate(Places places, int first, int later, String what) {
    if (places == null) {
      return new DuplicateWithoutPlace();
    }
    return new DataException(
        places.get(later) + ": duplicate " + what + " (first at " + places.get(first) + ")");
  }

  private static LocalDate day(int epochDay) {
    return LocalDate.ofEpochDay(epochDay);
  }

  private long newestDay() {
    int newest = newestPriceDay != Integer.MIN_VALUE ? newestPriceDay : newestOtherDay;
    if (newest == Integer.MIN_VALUE) {
      throw new DataException(
          "no as-of: add snapshot.json with \"as_of\", or dated rows in prices.csv");
    }
    return newest;
  }

  /**
   * Where each row of a long table was read, as numbers, for the rare duplicate message; one file
   * per table.
   */
  private static final class Places {
    private String file;
    private long[] at = new long[256];
    private int n;

    void add(Place p) {
      file = p.file();
      if (n == at.length) {
        at = Arrays.copyOf(at, n + (n >> 1));
      }
      at[n++] = (p.line() << 32) | Math.min(p.column(), 0xFFFF_FFFFL);
    }

    Place get(int row) {
      return new Place(file, at[row] >>> 32, at[row] & 0xFFFF_FFFFL);
    }

    /** Adds the places of {@code other}, in their order. */
    void append(Places other) {
      if (other.n == 0) {
        return;
      }
      file = other.file;
      if (n + other.n > at.length) {
        at = Arrays.copyOf(at, Math.max(n + other.n, n + (n >> 1)));
      }
      System.arraycopy(other.at, 0, at, n, other.n);
      n += other.n;
    }
  }
}
