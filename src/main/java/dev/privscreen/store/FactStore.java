package dev.privscreen.store;

import dev.privscreen.error.DataException;
import dev.privscreen.error.PrivscreenException;
import dev.privscreen.model.Asset;
import dev.privscreen.model.ListingEvent;
import dev.privscreen.model.MetricPoint;
import dev.privscreen.model.OiPoint;
import dev.privscreen.model.PricePoint;
import dev.privscreen.model.Snapshot;
import dev.privscreen.model.SourceStatus;
import dev.privscreen.source.SnapshotReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

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

  /** A fetch's snapshot, as it was when that fetch was the newest. */
  public Snapshot read(FetchEntry e, Consumer<String> warn) {
    return read(e, warn, SnapshotReader.Scope.ALL);
  }

  /** A fetch's snapshot, of the tables and days a command uses (as a CSV directory is read). */
  public Snapshot read(FetchEntry e, Consumer<String> warn, SnapshotReader.Scope scope) {
    Path gen = generation();
    return rebuild(gen, e, record(gen, e), warn, scope);
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

  /** The facts the fetch saw, of its members, overlaid by its record. */
  static Snapshot rebuild(Path gen, FetchEntry e, Snapshot record, Consumer<String> warn) {
    return rebuild(gen, e, record, warn, SnapshotReader.Scope.ALL);
  }

  /**
   * @param scope the tables left unread, and the first day of prices and open interest read: the
   *     rows of earlier days are passed over as far as their date (today's readings, in the record,
   *     are always there)
   */
  static Snapshot rebuild(
      Path gen, FetchEntry e, Snapshot record, Consumer<String> warn, SnapshotReader.Scope scope) {
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
      boolean daily = t == FactTable.PRICES || t == FactTable.OPEN_INTEREST;
      String fromDay =
          daily && scope.firstDay() != null && !scope.firstDay().equals(LocalDate.MIN)
              ? dayText(scope.firstDay())
              : null;
      scan(
          gen,
          t,
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
    List<PricePoint> p = new ArrayList<>(prices.values());
    p.sort(Comparator.comparing(PricePoint::id).thenComparing(PricePoint::date));
    List<OiPoint> o = new ArrayList<>(oi.values());
    o.sort(
        Comparator.comparing(OiPoint::id)
            .thenComparing(OiPoint::venue)
            .thenComparing(OiPoint::date));
    listings.sort(
        Comparator.comparing(ListingEvent::id)
            .thenComparing(ListingEvent::venue)
            .thenComparing(ListingEvent::listedAt));
    return new Snapshot(
        record.asOf(),
        record.category(),
        record.assets(),
        p,
        o,
        listings,
        metrics,
        record.sources());
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

  /** Takes each row of a fact file: its cells (SPEC §2's columns) and whether it withdraws. */
  @FunctionalInterface
  interface RowSink {
    void row(String[] cells, boolean gone);
  }

  /**
   * Reads a fact file's rows up to {@code end} bytes, the part a fetch saw; a row that does not
   * read is skipped, and the file named in one warning.
   */
  static void scan(Path gen, FactTable t, long end, RowSink sink, Consumer<String> warn) {
    scan(gen, t, end, null, sink, warn);
  }

  /**
   * @param fromDay rows of earlier days are passed over unread (a fetch compares only the days its
   *     APIs returned), or null for all
   */
  static void scan(
      Path gen, FactTable t, long end, String fromDay, RowSink sink, Consumer<String> warn) {
    if (end <= 0) {
      return;
    }
    Path f = gen.resolve(t.file());
    byte[] bytes;
    try {
      long size = Files.size(f);
      if (size < end) {
        warn.accept(
            f
                + ": "
                + size
                + " bytes where the index says "
                + end
                + ": the facts past it are lost");
        end = size;
      }
      bytes = readRange(f, 0, end);
    } catch (NoSuchFileException x) {
      warn.accept(f + ": missing: its facts are lost");
      return;
    } catch (IOException x) {
      warn.accept(f + ": cannot read (" + reason(x) + "): its facts are lost");
      return;
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    int width = t.columns.length + 2;
    int lineNo = 0;
    int bad = 0;
    int firstBad = 0;
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      if (nl < 0) {
        nl = text.length();
      }
      String line = text.substring(start, nl);
      start = nl + 1;
      lineNo++;
      if (lineNo == 1 && line.startsWith("fetch,")) {
        continue;
      }
      if (fromDay != null && before(line, t.dateCell() + 1, fromDay)) {
        continue;
      }
      String[] all = CsvLine.split(line);
      if (all == null
          || all.length != width
          || all[1].isEmpty()
          || !(all[width - 1].isEmpty() || all[width - 1].equals("1"))) {
        if (bad++ == 0) {
          firstBad = lineNo;
        }
        continue;
      }
      sink.row(Arrays.copyOfRange(all, 1, width - 1), all[width - 1].equals("1"));
    }
    if (bad > 0) {
      warn.accept(
          f
              + ":"
              + firstBad
              + ": damaged row skipped"
              + (bad > 1 ? " (and " + (bad - 1) + " more)" : ""));
    }
  }

  /** Whether the line's cell {@code cell} is a day before {@code day}; false when unsure. */
  private static boolean before(String line, int cell, String day) {
    int at = 0;
    for (int i = 0; i < cell; i++) {
      at = line.indexOf(',', at) + 1;
      if (at == 0) {
        return false;
      }
    }
    if (at + 10 > line.length() || line.indexOf('"') >= 0) {
      return false;
    }
    for (int i = 0; i < day.length(); i++) {
      char a = line.charAt(at + i);
      char b = day.charAt(i);
      if (a != b) {
        return a < b;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------- writing

  /** A row to append: a fact, or the withdrawal of its key. */
  record Fact(String[] cells, boolean gone) {}

  /**
   * Appends a fetch: the facts it learned, then its record, then its index line. Call it holding
   * the store's lock.
   *
   * @param fresh what the fetch brought: its assets, their history as the APIs gave it, today's
   *     live readings, its sources
   * @return the new fetch
   */
  public FetchEntry append(Snapshot fresh, Consumer<String> warn) {
    Path gen = ensureGeneration();
    Index idx = repair(gen);
    Snapshot previous = newestRecord(gen, idx, warn);
    Set<String> members = new HashSet<>();
    for (Asset a : fresh.assets()) {
      members.add(a.id());
    }
    LocalDate today = fresh.asOf().atOffset(ZoneOffset.UTC).toLocalDate();
    Map<FactTable, LinkedHashMap<String, String[]>> seen = emptyTables();
    LinkedHashMap<String, PricePoint> todayPrices = new LinkedHashMap<>();
    LinkedHashMap<String, OiPoint> todayOi = new LinkedHashMap<>();
    // the previous fetch's own day carries forward, as the old store merged it: its readings
    // stand until a fresh one replaces them, and become history once their day has passed
    List<Snapshot> layers = previous == null ? List.of(fresh) : List.of(previous, fresh);
    Set<String> others = new java.util.TreeSet<>();
    for (Snapshot s : layers) {
      // the previous fetch's rows of members only, as the old store merged; the fresh ones all
      boolean all = s == fresh;
      for (PricePoint p : s.prices()) {
        if (all || members.contains(p.id())) {
          String[] c = FactTable.cells(p);
          String k = FactTable.PRICES.key(c);
          if (!p.date().isBefore(today)) {
            todayPrices.put(k, p);
          } else {
            seen.get(FactTable.PRICES).put(k, c);
          }
        }
      }
      for (OiPoint p : s.openInterest()) {
        if (all || members.contains(p.id())) {
          String[] c = FactTable.cells(p);
          String k = FactTable.OPEN_INTEREST.key(c);
          if (!p.date().isBefore(today)) {
            todayOi.put(k, p);
          } else {
            seen.get(FactTable.OPEN_INTEREST).put(k, c);
          }
        }
      }
    }
    for (PricePoint p : fresh.prices()) {
      others.add(p.id());
    }
    for (OiPoint p : fresh.openInterest()) {
      others.add(p.id());
    }
    for (ListingEvent l : fresh.listings()) {
      others.add(l.id());
    }
    for (MetricPoint m : fresh.metrics()) {
      others.add(m.id());
    }
    others.removeAll(members);
    for (ListingEvent l : fresh.listings()) {
      String[] c = FactTable.cells(l);
      seen.get(FactTable.LISTINGS).put(FactTable.LISTINGS.key(c), c);
    }
    for (MetricPoint m : fresh.metrics()) {
      String[] c = FactTable.cells(m);
      seen.get(FactTable.METRICS).put(FactTable.METRICS.key(c), c);
    }
    FetchEntry last = idx.fetches().isEmpty() ? null : idx.fetches().get(idx.fetches().size() - 1);
    Map<FactTable, List<Fact>> learned = new EnumMap<>(FactTable.class);
    for (FactTable t : FactTable.values()) {
      Map<String, String[]> wanted = seen.get(t);
      Map<String, Fact> known = new java.util.HashMap<>();
      if (last != null && !wanted.isEmpty()) {
        String fromDay = null;
        if (t.dateCell() >= 0) {
          for (String[] c : wanted.values()) {
            String d = c[t.dateCell()];
            fromDay = fromDay == null || d.compareTo(fromDay) < 0 ? d : fromDay;
          }
        }
        scan(
            gen,
            t,
            last.factEnds()[t.ordinal()],
            fromDay,
            (cells, gone) -> {
              String k = t.key(cells);
              if (wanted.containsKey(k)) {
                known.put(k, new Fact(cells, gone));
              }
            },
            warn);
      }
      List<Fact> rows = new ArrayList<>();
      for (Map.Entry<String, String[]> w : wanted.entrySet()) {
        Fact k = known.get(w.getKey());
        if (k == null || k.gone() || !Arrays.equals(k.cells(), w.getValue())) {
          rows.add(new Fact(w.getValue(), false));
        }
      }
      learned.put(t, rows);
    }
    Snapshot record =
        new Snapshot(
            fresh.asOf(),
            fresh.category(),
            fresh.assets(),
            new ArrayList<>(todayPrices.values()),
            new ArrayList<>(todayOi.values()),
            List.of(),
            List.of(),
            fresh.sources());
    return commit(gen, idx, null, record, learned, others, FactStore::holdForTests);
  }

  static Map<FactTable, LinkedHashMap<String, String[]>> emptyTables() {
    Map<FactTable, LinkedHashMap<String, String[]>> m = new EnumMap<>(FactTable.class);
    for (FactTable t : FactTable.values()) {
      m.put(t, new LinkedHashMap<>());
    }
    return m;
  }

  /** The newest fetch's record that reads (a damaged one is passed over, with a warning). */
  static Snapshot newestRecord(Path gen, Index idx, Consumer<String> warn) {
    for (int i = idx.fetches().size() - 1; i >= 0; i--) {
      try {
        return record(gen, idx.fetches().get(i));
      } catch (PrivscreenException x) {
        warn.accept("skipped a damaged fetch: " + x.getMessage());
      }
    }
    return null;
  }

  /** Writes a fetch's facts, record and index line, in that order, each forced to disk. */
  static FetchEntry commit(
      Path gen,
      Index idx,
      String givenId,
      Snapshot record,
      Map<FactTable, List<Fact>> learned,
      Set<String> otherIds,
      Runnable beforeIndexLine) {
    String id =
        givenId != null ? givenId : FetchIds.forTime(record.asOf(), new HashSet<>(idx.ids()));
    long added = 0;
    long[] ends = new long[FactTable.values().length];
    try {
      for (FactTable t : FactTable.values()) {
        Path f = gen.resolve(t.file());
        long size = Files.exists(f) ? Files.size(f) : 0;
        List<Fact> rows = learned.getOrDefault(t, List.of());
        if (!rows.isEmpty()) {
          StringBuilder s = new StringBuilder(rows.size() * 64);
          if (size == 0) {
            s.append(t.header());
          }
          for (Fact r : rows) {
            s.append(id);
            for (String cell : r.cells()) {
              s.append(',');
              CsvLine.append(s, cell);
            }
            s.append(',').append(r.gone() ? "1" : "").append('\n');
          }
          byte[] b = s.toString().getBytes(StandardCharsets.UTF_8);
          appendForced(f, b);
          size += b.length;
          added += b.length;
        }
        ends[t.ordinal()] = size;
      }
      String recordFile = "fetches-" + id.substring(0, 4) + "-" + id.substring(4, 6) + ".csv.gz";
      Path rf = gen.resolve(recordFile);
      byte[] member = gzip(record);
      long offset = Files.exists(rf) ? Files.size(rf) : 0;
      appendForced(rf, member);
      added += member.length;
      beforeIndexLine.run();
      Path index = gen.resolve(INDEX);
      boolean fresh = !Files.exists(index) || Files.size(index) == 0;
      String sources = sources(record.sources());
      FetchEntry draft =
          new FetchEntry(
              id,
              record.asOf(),
              record.category(),
              record.assets().size(),
              sources,
              recordFile,
              offset,
              member.length,
              ends,
              0,
              String.join(" ", otherIds));
      int lineBytes =
          draft.line().getBytes(StandardCharsets.UTF_8).length
              + (fresh ? FetchEntry.HEADER.length() : 0);
      // the line counts itself: its length hardly changes with the digits of the count
      long total = added + lineBytes;
      FetchEntry entry = withAdded(draft, total);
      long total2 =
          added
              + entry.line().getBytes(StandardCharsets.UTF_8).length
              + (fresh ? FetchEntry.HEADER.length() : 0);
      entry = withAdded(draft, total2);
      String line = (fresh ? FetchEntry.HEADER : "") + entry.line();
      appendForced(index, line.getBytes(StandardCharsets.UTF_8));
      return entry;
    } catch (IOException x) {
      throw new DataException(gen + ": cannot write the fetch: " + reason(x), x);
    }
  }

  private static FetchEntry withAdded(FetchEntry e, long added) {
    return new FetchEntry(
        e.id(),
        e.asOf(),
        e.category(),
        e.members(),
        e.sources(),
        e.recordFile(),
        e.recordOffset(),
        e.recordBytes(),
        e.factEnds(),
        added,
        e.otherIds());
  }

  static String sources(List<SourceStatus> sources) {
    StringBuilder s = new StringBuilder();
    for (SourceStatus st : sources) {
      if (s.length() > 0) {
        s.append(' ');
      }
      s.append(st.name()).append('=').append(st.status());
    }
    return s.toString();
  }

  static byte[] gzip(Snapshot record) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 14);
    // the best compression: a record is written once and read seldom, and the store's size over a
    // year of hourly fetches is mostly these (level 9 saves 3% of 6's, measured)
    try (GZIPOutputStream gz =
            new GZIPOutputStream(bytes, 1 << 14) {
              {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
              }
            };
        Writer w = new OutputStreamWriter(gz, StandardCharsets.UTF_8)) {
      w.write(FetchRecord.write(record));
    }
    return bytes.toByteArray();
  }

  static void appendForced(Path f, byte[] b) throws IOException {
    try (FileChannel ch =
        FileChannel.open(
            f, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer buf = ByteBuffer.wrap(b);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
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

  /**
   * Cuts off what a killed write left past the last fetch of the index (facts, a record, half an
   * index line). Call it holding the lock.
   */
  static Index repair(Path gen) {
    Index idx = index(gen);
    try {
      Path index = gen.resolve(INDEX);
      if (Files.exists(index)) {
        byte[] all = Files.readAllBytes(index);
        int end = all.length;
        while (end > 0 && all[end - 1] != '\n') {
          end--;
        }
        truncate(index, end);
      }
      FetchEntry last =
          idx.fetches().isEmpty() ? null : idx.fetches().get(idx.fetches().size() - 1);
      for (FactTable t : FactTable.values()) {
        truncate(gen.resolve(t.file()), last == null ? 0 : last.factEnds()[t.ordinal()]);
      }
      try (DirectoryStream<Path> records = Files.newDirectoryStream(gen, "fetches-*.csv.gz")) {
        for (Path r : records) {
          String name = r.getFileName().toString();
          if (last == null || name.compareTo(last.recordFile()) > 0) {
            Files.deleteIfExists(r);
          } else if (name.equals(last.recordFile())) {
            truncate(r, last.recordOffset() + last.recordBytes());
          }
        }
      }
    } catch (IOException x) {
      throw new DataException(gen + ": cannot repair the store: " + reason(x), x);
    }
    return idx;
  }

  private static void truncate(Path f, long size) throws IOException {
    if (Files.exists(f) && Files.size(f) > size) {
      try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
        ch.truncate(size);
        ch.force(true);
      }
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

  /**
   * A test hook: {@code PRIVSCREEN_TEST_HOLD_WRITE_MS} holds a fetch whose facts and record are
   * written, before its index line, so a process test can kill the run in the middle of a write.
   */
  private static void holdForTests() {
    String ms = System.getenv("PRIVSCREEN_TEST_HOLD_WRITE_MS");
    if (ms != null) {
      try {
        Thread.sleep(Long.parseLong(ms));
      } catch (InterruptedException | NumberFormatException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
