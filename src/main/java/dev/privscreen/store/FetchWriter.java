package dev.privscreen.store;

import dev.privscreen.error.DataException;
import dev.privscreen.error.PrivscreenException;
import dev.privscreen.model.Asset;
import dev.privscreen.model.FundingPoint;
import dev.privscreen.model.ListingEvent;
import dev.privscreen.model.MetricPoint;
import dev.privscreen.model.OiPoint;
import dev.privscreen.model.PricePoint;
import dev.privscreen.model.Snapshot;
import dev.privscreen.model.SourceStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/**
 * Appends a fetch to a {@link FactStore}: the facts it learned, then its record, then its index
 * line, each forced to disk; and cuts off what a killed write left past the last index line. Call
 * it holding the store's lock.
 */
final class FetchWriter {
  private FetchWriter() {}

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
  static FetchEntry append(FactStore store, Snapshot fresh, Consumer<String> warn) {
    Path gen = store.ensureGeneration();
    FactStore.Index idx = repair(gen);
    Snapshot previous = newestRecord(gen, idx, warn);
    Set<String> members = new HashSet<>();
    for (Asset a : fresh.assets()) {
      members.add(a.id());
    }
    LocalDate today = fresh.asOf().atOffset(ZoneOffset.UTC).toLocalDate();
    Map<FactTable, LinkedHashMap<String, String[]>> seen = emptyTables();
    LinkedHashMap<String, PricePoint> todayPrices = new LinkedHashMap<>();
    LinkedHashMap<String, OiPoint> todayOi = new LinkedHashMap<>();
    LinkedHashMap<String, FundingPoint> pendingFunding = new LinkedHashMap<>();
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
      for (FundingPoint f : s.funding()) {
        if (all || members.contains(f.id())) {
          String[] c = FactTable.cells(f);
          String k = FactTable.FUNDING.key(c);
          if (f.fundingTime().isAfter(fresh.asOf())) { // the current period's: it still moves
            pendingFunding.put(k, f);
          } else {
            seen.get(FactTable.FUNDING).put(k, c);
          }
        }
      }
    }
    others.addAll(rowIds(fresh));
    others.removeAll(members);
    putListingsAndMetrics(fresh, seen);
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
        long start = start(idx, t, fromDay);
        FactScan.scan(
            gen,
            t,
            start,
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
            fresh.sources(),
            new ArrayList<>(pendingFunding.values()));
    return commit(gen, idx, null, record, learned, others, FetchWriter::holdForTests);
  }

  /** The ids of a snapshot's history rows (an API's, or a hand-made snapshot's, may be others'). */
  static Set<String> rowIds(Snapshot s) {
    Set<String> ids = new java.util.TreeSet<>();
    s.prices().forEach(p -> ids.add(p.id()));
    s.openInterest().forEach(p -> ids.add(p.id()));
    s.listings().forEach(l -> ids.add(l.id()));
    s.metrics().forEach(m -> ids.add(m.id()));
    s.funding().forEach(f -> ids.add(f.id()));
    return ids;
  }

  /** A snapshot's listings and metrics, by key: they are history whatever their day. */
  static void putListingsAndMetrics(
      Snapshot s, Map<FactTable, LinkedHashMap<String, String[]>> rows) {
    for (ListingEvent l : s.listings()) {
      String[] c = FactTable.cells(l);
      rows.get(FactTable.LISTINGS).put(FactTable.LISTINGS.key(c), c);
    }
    for (MetricPoint m : s.metrics()) {
      String[] c = FactTable.cells(m);
      rows.get(FactTable.METRICS).put(FactTable.METRICS.key(c), c);
    }
  }

  static Map<FactTable, LinkedHashMap<String, String[]>> emptyTables() {
    Map<FactTable, LinkedHashMap<String, String[]>> m = new EnumMap<>(FactTable.class);
    for (FactTable t : FactTable.values()) {
      m.put(t, new LinkedHashMap<>());
    }
    return m;
  }

  /** The newest fetch's record that reads (a damaged one is passed over, with a warning). */
  /** Where the rows of {@code fromDay} (a day, or an instant of it) on can start in t's file. */
  private static long start(FactStore.Index idx, FactTable t, String fromDay) {
    if (fromDay == null || fromDay.length() < 10) {
      return 0;
    }
    try {
      LocalDate d = FetchEntry.day(fromDay.substring(0, 10));
      return idx.startsBefore(idx.fetches().size(), d)[t.ordinal()];
    } catch (RuntimeException x) {
      return 0; // a row the scan will name as damaged: read the whole file
    }
  }

  static Snapshot newestRecord(Path gen, FactStore.Index idx, Consumer<String> warn) {
    for (int i = idx.fetches().size() - 1; i >= 0; i--) {
      try {
        return FactStore.record(gen, idx.fetches().get(i));
      } catch (PrivscreenException x) {
        warn.accept("skipped a damaged snapshot: " + x.getMessage());
      }
    }
    return null;
  }

  /** Writes a fetch's facts, record and index line, in that order, each forced to disk. */
  static FetchEntry commit(
      Path gen,
      FactStore.Index idx,
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
      Path index = gen.resolve(FactStore.INDEX);
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
      // the line counts its own bytes too: try the count until the line that holds it agrees
      String head = fresh ? FetchEntry.HEADER : "";
      FetchEntry entry = draft;
      for (long total = added; ; ) {
        entry = draft.withAddedBytes(total);
        long next = added + (head + entry.line()).getBytes(StandardCharsets.UTF_8).length;
        if (next == total) {
          break;
        }
        total = next;
      }
      String line = head + entry.line();
      appendForced(index, line.getBytes(StandardCharsets.UTF_8));
      return entry;
    } catch (IOException x) {
      throw new DataException(gen + ": cannot write the fetch: " + FactStore.reason(x), x);
    }
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

  /**
   * Cuts off what a killed write left past the last fetch of the index (facts, a record, half an
   * index line). Call it holding the lock.
   */
  static FactStore.Index repair(Path gen) {
    FactStore.Index idx = FactStore.index(gen);
    try {
      Path index = gen.resolve(FactStore.INDEX);
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
      throw new DataException(gen + ": cannot repair the store: " + FactStore.reason(x), x);
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

  /**
   * A test hook: {@code PRIVSCREEN_TEST_HOLD_WRITE_MS} holds a write in its middle (a fetch whose
   * facts and record are written, before its index line; a file of --out before its rename), so a
   * process test can kill the run there.
   */
  static void holdForTests() {
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
