package dev.privscreen.store;

import dev.privscreen.error.DataException;
import dev.privscreen.model.Asset;
import dev.privscreen.model.FundingPoint;
import dev.privscreen.model.ListingEvent;
import dev.privscreen.model.MetricPoint;
import dev.privscreen.model.OiPoint;
import dev.privscreen.model.PricePoint;
import dev.privscreen.model.Snapshot;
import dev.privscreen.source.SnapshotReader;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * The store that keeps each fact once. In the snapshots directory, {@code CURRENT} names the
 * generation directory in use ({@code gen-1}); in it:
 *
 * <ul>
 *   <li>{@code prices.csv}, {@code open_interest.csv}, {@code listings.csv}, {@code metrics.csv}:
 *       the history, appended when new or revised ({@link FactTable});
 *   <li>{@code fetches-YYYY-MM.csv.gz}: one gzip member per fetch ({@link FetchRecord}), what only
 *       that fetch knew: its assets' live values, the readings of its own day (today's price and
 *       open interest, with their instants) and its sources' statuses;
 *   <li>{@code index.csv}: a line per fetch ({@link FetchEntry}), written last: the commit.
 * </ul>
 *
 * A fetch's snapshot is the facts written up to it (the last row of each key, its members' only),
 * overlaid by its record: exactly the snapshot the old store kept whole. A write appends the facts,
 * then the record, then the index line, each forced to disk; a run killed before the index line
 * leaves a tail no reader looks at (they read only as far as the index says), which the next write
 * cuts off under the lock. Prune and migration build a new generation beside the old and switch
 * {@code CURRENT} by an atomic rename.
 */
public final class FactStore {
  static final String CURRENT = "CURRENT";
  static final String INDEX = "index.csv";

  private final Path dir;

  public FactStore(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** Whether the directory holds a store of this layout. */
  public boolean exists() {
    return Files.isRegularFile(dir.resolve(CURRENT));
  }

  /** The generation directory in use. */
  Path generation() {
    try {
      String name = Files.readString(dir.resolve(CURRENT), StandardCharsets.UTF_8).strip();
      if (!name.matches("gen-\\d+")) {
        throw new DataException(dir.resolve(CURRENT) + ": damaged (names no generation)");
      }
      return dir.resolve(name);
    } catch (IOException e) {
      throw new DataException(dir.resolve(CURRENT) + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * The fetches of the index, oldest first, and the index lines that do not read.
   *
   * @param damaged each damaged line, named {@code file:line}
   */
  public record Index(List<FetchEntry> fetches, List<String> damaged) {
    public List<String> ids() {
      return fetches.stream().map(FetchEntry::id).toList();
    }

    /**
     * Where each fact file's rows of {@code fromDay} or later can start, for a read of the fetch at
     * {@code upTo} (its index; the size for a fetch being written): the end of each file as the
     * last fetch before any that could have seen such a row wrote it. A fact is never known before
     * its day (a close, a day's OI, a settled rate), so a fetch whose as-of is before {@code
     * fromDay} — it and every one before it, should the clock have gone back — wrote none. Zeros
     * (the whole file) for the tables other than prices, open interest and funding.
     */
    public long[] startsBefore(int upTo, LocalDate fromDay) {
      long[] starts = new long[FactTable.values().length];
      if (fromDay == null || fromDay.equals(LocalDate.MIN)) {
        return starts;
      }
      Instant from = fromDay.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      FetchEntry last = null;
      for (int i = 0; i < Math.min(upTo, fetches.size()); i++) {
        FetchEntry e = fetches.get(i);
        if (!e.asOf().isBefore(from)) {
          break; // this one, and every later one, may have seen rows of fromDay
        }
        last = e;
      }
      if (last != null) {
        for (FactTable t : List.of(FactTable.PRICES, FactTable.OPEN_INTEREST, FactTable.FUNDING)) {
          starts[t.ordinal()] = last.factEnds()[t.ordinal()];
        }
      }
      return starts;
    }

    public FetchEntry find(String id) {
      for (FetchEntry e : fetches) {
        if (e.id().equals(id)) {
          return e;
        }
      }
      return null;
    }
  }

  public Index index() {
    return index(generation());
  }

  static Index index(Path gen) {
    Path f = gen.resolve(INDEX);
    List<FetchEntry> out = new ArrayList<>();
    List<String> damaged = new ArrayList<>();
    if (!Files.exists(f)) {
      return new Index(out, damaged);
    }
    String text;
    try {
      text = Files.readString(f, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return new Index(out, damaged);
    } catch (IOException e) {
      throw new DataException(f + ": cannot read: " + e.getMessage(), e);
    }
    int lineNo = 0;
    int start = 0;
    for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      lineNo++;
      String line = text.substring(start, nl);
      start = nl + 1;
      if (lineNo == 1 && line.startsWith("fetch,")) {
        continue;
      }
      FetchEntry e = FetchEntry.parse(line);
      if (e == null) {
        damaged.add(f + ":" + lineNo);
      } else {
        out.add(e);
      }
    } // an unfinished last line is a killed write's: not a fetch, and not damage
    return new Index(out, damaged);
  }

  /**
   * A fetch's snapshot as it was when that fetch was the newest, of the tables and days a command
   * uses (as a CSV directory is read): its record, and the facts it saw.
   */
  public Snapshot read(FetchEntry e, Consumer<String> warn, SnapshotReader.Scope scope) {
    return read(generation(), e, warn, scope);
  }

  static Snapshot read(Path gen, FetchEntry e, Consumer<String> warn, SnapshotReader.Scope scope) {
    return read(gen, e, warn, scope, new long[FactTable.values().length]);
  }

  /**
   * @param starts where each fact file's rows of the scope's days can start ({@link
   *     Index#startsBefore})
   */
  static Snapshot read(
      Path gen, FetchEntry e, Consumer<String> warn, SnapshotReader.Scope scope, long[] starts) {
    return rebuild(gen, e, record(gen, e), warn, scope, starts);
  }

  /** The fetch's own record: its assets, live values and sources. */
  static Snapshot record(Path gen, FetchEntry e) {
    Path f = gen.resolve(e.recordFile());
    String name = f + "@" + e.recordOffset() + " (fetch " + e.id() + ")";
    byte[] member;
    try {
      member = readRange(f, e.recordOffset(), e.recordBytes());
    } catch (IOException x) {
      throw new DataException(name + ": cannot read: " + reason(x), x);
    }
    String text;
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(member), 1 << 14)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException x) {
      throw new DataException(name + ": damaged: " + reason(x), x);
    }
    return FetchRecord.read(name, text);
  }

  /**
   * The facts the fetch saw, of its members, overlaid by its record.
   *
   * @param scope the tables left unread, and the first day of prices and open interest read: the
   *     rows of earlier days are passed over as far as their date (today's readings, in the record,
   *     are always there)
   */
  static Snapshot rebuild(
      Path gen,
      FetchEntry e,
      Snapshot record,
      Consumer<String> warn,
      SnapshotReader.Scope scope,
      long[] starts) {
    Set<String> members = new HashSet<>();
    for (Asset a : record.assets()) {
      members.add(a.id());
    }
    if (!e.otherIds().isEmpty()) {
      members.addAll(List.of(e.otherIds().split(" ")));
    }
    Map<FactTable, LinkedHashMap<String, String[]>> latest = new EnumMap<>(FactTable.class);
    for (FactTable t : FactTable.values()) {
      LinkedHashMap<String, String[]> rows = new LinkedHashMap<>();
      latest.put(t, rows);
      if (skipped(t, scope)) {
        continue;
      }
      // funding too: a year of settlements every 8 hours on four venues is the largest table, and
      // a screen needs only its last week (the scope's first day is a month or more back)
      boolean daily =
          t == FactTable.PRICES || t == FactTable.OPEN_INTEREST || t == FactTable.FUNDING;
      String fromDay =
          daily && scope.firstDay() != null && !scope.firstDay().equals(LocalDate.MIN)
              ? dayText(scope.firstDay())
              : null;
      FactScan.scan(
          gen,
          t,
          fromDay == null ? 0 : starts[t.ordinal()],
          e.factEnds()[t.ordinal()],
          fromDay,
          (cells, gone) -> {
            if (!members.contains(FactTable.id(cells))) {
              return;
            }
            String key = t.key(cells);
            if (gone) {
              rows.remove(key);
            } else {
              rows.put(key, cells);
            }
          },
          warn);
    }
    LinkedHashMap<String, PricePoint> prices = new LinkedHashMap<>();
    convert(
        gen,
        FactTable.PRICES,
        latest,
        warn,
        c -> prices.put(FactTable.PRICES.key(c), FactTable.price(c)));
    for (PricePoint p : record.prices()) {
      if (!inScope(p.date(), scope)) {
        continue;
      }
      prices.put(FactTable.PRICES.key(FactTable.cells(p)), p);
    }
    LinkedHashMap<String, OiPoint> oi = new LinkedHashMap<>();
    convert(
        gen,
        FactTable.OPEN_INTEREST,
        latest,
        warn,
        c -> oi.put(FactTable.OPEN_INTEREST.key(c), FactTable.oi(c)));
    for (OiPoint p : record.openInterest()) {
      if (!inScope(p.date(), scope) || skipped(FactTable.OPEN_INTEREST, scope)) {
        continue;
      }
      oi.put(FactTable.OPEN_INTEREST.key(FactTable.cells(p)), p);
    }
    List<ListingEvent> listings = new ArrayList<>();
    convert(gen, FactTable.LISTINGS, latest, warn, c -> listings.add(FactTable.listing(c)));
    List<MetricPoint> metrics = new ArrayList<>();
    convert(gen, FactTable.METRICS, latest, warn, c -> metrics.add(FactTable.metric(c)));
    LinkedHashMap<String, FundingPoint> funding = new LinkedHashMap<>();
    convert(
        gen,
        FactTable.FUNDING,
        latest,
        warn,
        c -> funding.put(FactTable.FUNDING.key(c), FactTable.funding(c)));
    if (!skipped(FactTable.FUNDING, scope)) {
      for (FundingPoint f : record.funding()) {
        funding.put(FactTable.FUNDING.key(FactTable.cells(f)), f);
      }
    }
    List<FundingPoint> rates = new ArrayList<>(funding.values());
    rates.sort(HistoryOrder.FUNDING);
    List<PricePoint> p = new ArrayList<>(prices.values());
    p.sort(HistoryOrder.PRICES);
    List<OiPoint> o = new ArrayList<>(oi.values());
    o.sort(HistoryOrder.OPEN_INTEREST);
    listings.sort(HistoryOrder.LISTINGS);
    return new Snapshot(
        record.asOf(),
        record.category(),
        record.assets(),
        p,
        o,
        listings,
        metrics,
        record.sources(),
        rates);
  }

  private static boolean inScope(LocalDate d, SnapshotReader.Scope scope) {
    return (scope.firstDay() == null || !d.isBefore(scope.firstDay()))
        && (scope.lastDay() == null || !d.isAfter(scope.lastDay()));
  }

  private static boolean skipped(FactTable t, SnapshotReader.Scope scope) {
    return switch (t) {
      case PRICES -> false;
      case OPEN_INTEREST -> scope.skip().contains(SnapshotReader.Part.OPEN_INTEREST);
      case LISTINGS -> scope.skip().contains(SnapshotReader.Part.LISTINGS);
      case METRICS -> scope.skip().contains(SnapshotReader.Part.METRICS);
      case FUNDING -> scope.skip().contains(SnapshotReader.Part.FUNDING);
    };
  }

  /** A day as its rows write it; a day past 9999 (an open bound) reads after every row. */
  private static String dayText(LocalDate d) {
    return d.getYear() > 9999 ? "9" : d.getYear() < 0 ? "" : d.toString();
  }

  private static void convert(
      Path gen,
      FactTable t,
      Map<FactTable, LinkedHashMap<String, String[]>> latest,
      Consumer<String> warn,
      Consumer<String[]> sink) {
    int bad = 0;
    for (String[] c : latest.get(t).values()) {
      try {
        sink.accept(c);
      } catch (RuntimeException x) {
        bad++;
      }
    }
    if (bad > 0) {
      warn.accept(gen.resolve(t.file()) + ": " + bad + " damaged rows skipped");
    }
  }

  /** The generation in use, made (empty) when the store is new. */
  Path ensureGeneration() {
    if (exists()) {
      return generation();
    }
    try {
      Path gen = dir.resolve("gen-1");
      Files.createDirectories(gen);
      AtomicFile.write(dir.resolve(CURRENT), true, w -> w.write("gen-1\n"));
      return gen;
    } catch (IOException x) {
      throw new DataException(dir + ": cannot make the store: " + reason(x), x);
    }
  }

  static byte[] readRange(Path f, long offset, long length) throws IOException {
    if (length > Integer.MAX_VALUE - 16) {
      throw new IOException("too large to read at once: " + length + " bytes");
    }
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.allocate((int) length);
      while (b.hasRemaining()) {
        if (ch.read(b, offset + b.position()) < 0) {
          throw new EOFException(
              "ends at " + (offset + b.position()) + " of " + (offset + length) + " bytes");
        }
      }
      return b.array();
    }
  }

  static String reason(Throwable x) {
    return x.getMessage() == null ? x.getClass().getSimpleName() : x.getMessage();
  }
}
