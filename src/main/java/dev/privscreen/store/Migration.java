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
import dev.privscreen.source.SnapshotReader;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Converts a store of whole snapshot files (one per fetch, the layout before the fact store) into a
 * {@link FactStore}, without loss: each file becomes a fetch of the same id whose rebuilt snapshot
 * is checked equal to the file before anything old is removed. A file that does not read is
 * reported and moved aside into {@code damaged/}, never fatal. Call it holding the lock.
 */
public final class Migration {
  private Migration() {}

  /** What a migration did. */
  public record Result(int converted, List<String> damaged, long bytesBefore, long bytesAfter) {
    /** The one line that reports it, for {@code fetch} and {@code store migrate} alike. */
    public String summary() {
      return "converted the store to keep each fact once: "
          + converted
          + " fetches ("
          + (bytesBefore >> 10)
          + " KiB to "
          + (bytesAfter >> 10)
          + " KiB), each read back equal"
          + (damaged.isEmpty() ? "" : "; " + damaged.size() + " damaged kept aside in damaged/");
    }
  }

  public static Result run(Path dir, List<Path> oldFiles, Consumer<String> warn) {
    FactStore store = new FactStore(dir);
    if (store.exists()) {
      throw new DataException(dir + ": already holds a fact store; nothing to migrate into");
    }
    Path tmp = dir.resolve(".gen-1.tmp");
    long before = 0;
    try {
      deleteTree(tmp);
      Files.createDirectories(tmp);
      Map<FactTable, Map<String, FetchWriter.Fact>> latest = new EnumMap<>(FactTable.class);
      Map<FactTable, Map<String, Integer>> live = new EnumMap<>(FactTable.class);
      for (FactTable t : FactTable.values()) {
        latest.put(t, new HashMap<>());
        live.put(t, new HashMap<>());
      }
      List<String> damaged = new ArrayList<>();
      List<Path> converted = new ArrayList<>();
      List<FetchEntry> entries = new ArrayList<>();
      for (Path f : oldFiles) {
        before += Files.size(f);
        Snapshot s;
        try {
          s = SnapshotReader.read(f);
        } catch (PrivscreenException x) {
          damaged.add(f.getFileName().toString());
          warn.accept("kept aside a damaged snapshot: " + x.getMessage());
          continue;
        }
        String id = stem(f);
        entries.add(write(tmp, entries, id, s, latest, live));
        converted.add(f);
      }
      // read each back before the old files go
      FactStore.Index idx = new FactStore.Index(entries, List.of());
      for (int i = 0; i < converted.size(); i++) {
        Snapshot was = SnapshotReader.read(converted.get(i));
        FetchEntry e = idx.fetches().get(i);
        Snapshot now = FactStore.read(tmp, e, m -> {}, SnapshotReader.Scope.ALL);
        if (!canonical(was).equals(canonical(now))) {
          throw new DataException(
              converted.get(i)
                  + ": the converted fetch does not read back equal; the old store is left as it"
                  + " was");
        }
      }
      Path gen = dir.resolve("gen-1");
      Files.move(tmp, gen, StandardCopyOption.ATOMIC_MOVE);
      AtomicFile.write(dir.resolve(FactStore.CURRENT), true, w -> w.write("gen-1\n"));
      if (!damaged.isEmpty()) {
        Path aside = Files.createDirectories(dir.resolve("damaged"));
        for (String name : damaged) {
          Files.move(dir.resolve(name), aside.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      for (Path f : converted) {
        Files.deleteIfExists(f);
      }
      return new Result(converted.size(), damaged, before, sizeOf(gen));
    } catch (IOException x) {
      throw new DataException(dir + ": cannot migrate the store: " + FactStore.reason(x), x);
    }
  }

  /**
   * Writes one old snapshot as a fetch: what differs from the facts so far is appended, and a key
   * the snapshot no longer has (an asset that left and came back, a damaged file passed over) is
   * withdrawn, so the fetch rebuilds to exactly the file.
   */
  private static FetchEntry write(
      Path gen,
      List<FetchEntry> entries,
      String id,
      Snapshot s,
      Map<FactTable, Map<String, FetchWriter.Fact>> latest,
      Map<FactTable, Map<String, Integer>> live) {
    Set<String> members = new HashSet<>();
    for (Asset a : s.assets()) {
      members.add(a.id());
    }
    Set<String> assetIds = Set.copyOf(members);
    // rows of ids outside the assets are part of the snapshot too (a hand-made one has them)
    members.addAll(FetchWriter.rowIds(s));
    LocalDate today = s.asOf().atOffset(ZoneOffset.UTC).toLocalDate();
    Map<FactTable, LinkedHashMap<String, String[]>> rows = FetchWriter.emptyTables();
    Set<String> todayKeys = new HashSet<>();
    List<PricePoint> todayPrices = new ArrayList<>();
    List<OiPoint> todayOi = new ArrayList<>();
    for (PricePoint p : s.prices()) {
      String[] c = FactTable.cells(p);
      if (p.date().isBefore(today)) {
        rows.get(FactTable.PRICES).put(FactTable.PRICES.key(c), c);
      } else {
        todayPrices.add(p);
        todayKeys.add("p" + FactTable.PRICES.key(c));
      }
    }
    for (OiPoint p : s.openInterest()) {
      String[] c = FactTable.cells(p);
      if (p.date().isBefore(today)) {
        rows.get(FactTable.OPEN_INTEREST).put(FactTable.OPEN_INTEREST.key(c), c);
      } else {
        todayOi.add(p);
        todayKeys.add("o" + FactTable.OPEN_INTEREST.key(c));
      }
    }
    FetchWriter.putListingsAndMetrics(s, rows);
    List<FundingPoint> pending = new ArrayList<>();
    for (FundingPoint f : s.funding()) {
      String[] c = FactTable.cells(f);
      if (f.fundingTime().isAfter(s.asOf())) {
        pending.add(f);
        todayKeys.add("f" + FactTable.FUNDING.key(c));
      } else {
        rows.get(FactTable.FUNDING).put(FactTable.FUNDING.key(c), c);
      }
    }
    Map<FactTable, List<FetchWriter.Fact>> learned = new EnumMap<>(FactTable.class);
    for (FactTable t : FactTable.values()) {
      Map<String, FetchWriter.Fact> known = latest.get(t);
      Map<String, Integer> count = live.get(t);
      List<FetchWriter.Fact> out = new ArrayList<>();
      int stillLive = 0;
      for (Map.Entry<String, String[]> r : rows.get(t).entrySet()) {
        FetchWriter.Fact k = known.get(r.getKey());
        if (k != null && !k.gone()) {
          stillLive++;
        }
        if (k == null || k.gone() || !java.util.Arrays.equals(k.cells(), r.getValue())) {
          out.add(new FetchWriter.Fact(r.getValue(), false));
        }
      }
      int membersLive = 0;
      for (String m : members) {
        membersLive += count.getOrDefault(m, 0);
      }
      if (membersLive > stillLive) { // some key of a member is no longer in the snapshot
        String prefix =
            switch (t) {
              case PRICES -> "p";
              case OPEN_INTEREST -> "o";
              case FUNDING -> "f";
              default -> "-";
            };
        for (Map.Entry<String, FetchWriter.Fact> k : known.entrySet()) {
          FetchWriter.Fact f = k.getValue();
          if (!f.gone()
              && members.contains(FactTable.id(f.cells()))
              && !rows.get(t).containsKey(k.getKey())
              && !todayKeys.contains(prefix + k.getKey())) {
            out.add(new FetchWriter.Fact(f.cells(), true));
          }
        }
      }
      for (FetchWriter.Fact f : out) {
        String k = t.key(f.cells());
        FetchWriter.Fact old = known.put(k, f);
        String asset = FactTable.id(f.cells());
        int delta = (f.gone() ? 0 : 1) - (old == null || old.gone() ? 0 : 1);
        if (delta != 0) {
          count.merge(asset, delta, Integer::sum);
        }
      }
      learned.put(t, out);
    }
    Snapshot record =
        new Snapshot(
            s.asOf(),
            s.category(),
            s.assets(),
            todayPrices,
            todayOi,
            List.of(),
            List.of(),
            s.sources(),
            pending);
    Set<String> others = FetchWriter.rowIds(s);
    others.removeAll(assetIds);
    return FetchWriter.commit(
        gen, new FactStore.Index(entries, List.of()), id, record, learned, others, () -> {});
  }

  /** A snapshot's text with its tables in one order, for comparing two of them. */
  static String canonical(Snapshot s) {
    List<PricePoint> p = new ArrayList<>(s.prices());
    p.sort(HistoryOrder.PRICES);
    List<OiPoint> o = new ArrayList<>(s.openInterest());
    o.sort(HistoryOrder.OPEN_INTEREST);
    List<ListingEvent> l = new ArrayList<>(s.listings());
    l.sort(Comparator.comparing(e -> String.join(",", FactTable.cells(e))));
    List<FundingPoint> f = new ArrayList<>(s.funding());
    f.sort(HistoryOrder.FUNDING);
    List<MetricPoint> m = new ArrayList<>(s.metrics());
    m.sort(Comparator.comparing(e -> String.join(",", FactTable.cells(e))));
    StringWriter w = new StringWriter();
    try {
      SnapshotWriter.write(
          new Snapshot(s.asOf(), s.category(), s.assets(), p, o, l, m, s.sources(), f), w);
    } catch (IOException x) {
      throw new IllegalStateException(x);
    }
    return w.toString();
  }

  static String stem(Path f) {
    String n = f.getFileName().toString();
    return n.substring(0, n.length() - ".json".length());
  }

  static long sizeOf(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (var files = Files.walk(p)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }
}
