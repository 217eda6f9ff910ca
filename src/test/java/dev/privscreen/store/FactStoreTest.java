package dev.privscreen.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privscreen.model.Asset;
import dev.privscreen.model.ListingEvent;
import dev.privscreen.model.OiPoint;
import dev.privscreen.model.PricePoint;
import dev.privscreen.model.Snapshot;
import dev.privscreen.model.SourceStatus;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fact store against the old one it replaces: random hourly fetch sequences (members joining,
 * past days revised, venues failing, runs killed mid-write) are written both ways, the old way
 * being {@link HistoryMerge} of whole snapshots, and every fetch must rebuild by its id to exactly
 * the snapshot the old store kept.
 */
class FactStoreTest {
  @TempDir Path dir;

  static final List<String> IDS = List.of("zcash", "monero", "dash", "horizen", "secret");
  static final List<String> VENUES = List.of("binance", "okx", "bitget");

  /** A source of fresh fetches whose values move, and are sometimes revised, as the APIs' do. */
  static final class Market {
    final Random rnd;
    final Map<String, Double> truth = new LinkedHashMap<>(); // "id date" → close
    final List<ListingEvent> listings = new ArrayList<>();
    final Set<String> members = new TreeSet<>(List.of("zcash", "monero"));

    Market(long seed) {
      rnd = new Random(seed);
    }

    Snapshot fetch(Instant at) {
      if (rnd.nextInt(6) == 0 && members.size() < IDS.size()) {
        members.add(IDS.get(members.size()));
      }
      LocalDate today = at.atOffset(ZoneOffset.UTC).toLocalDate();
      List<Asset> assets = new ArrayList<>();
      List<PricePoint> prices = new ArrayList<>();
      List<OiPoint> oi = new ArrayList<>();
      for (String id : members) {
        double live = 10 + rnd.nextInt(100_000) / 100.0;
        assets.add(
            new Asset(
                id,
                id.substring(0, 3).toUpperCase(),
                id,
                live,
                live * 1e6,
                null,
                1e7 + rnd.nextInt(1000),
                rnd.nextDouble(),
                null,
                -3.25,
                1e6,
                null));
        int days = 3 + rnd.nextInt(4); // the API's window
        for (int d = days; d >= 1; d--) {
          LocalDate day = today.minusDays(d);
          String k = id + " " + day;
          double close = truth.computeIfAbsent(k, x -> Math.round(rnd.nextDouble() * 1e6) / 100.0);
          if (rnd.nextInt(40) == 0) { // a source revises a past day
            close = close + 0.5;
            truth.put(k, close);
          }
          prices.add(new PricePoint(id, day, close, close * 1000));
        }
        prices.add(new PricePoint(id, today, live, null));
        for (String venue : VENUES) {
          if (rnd.nextInt(8) == 0) {
            continue; // the venue failed this hour
          }
          if (!venue.equals("bitget")) {
            for (int d = 2; d >= 1; d--) {
              oi.add(new OiPoint(id, venue, today.minusDays(d), 1e6 * (d + 1)));
            }
          }
          oi.add(new OiPoint(id, venue, today, 1e6 + rnd.nextInt(1_000_000), at.minusSeconds(7)));
        }
      }
      List<dev.privscreen.model.FundingPoint> funding = new ArrayList<>();
      long period = 8 * 3600;
      long next = (at.getEpochSecond() / period + 1) * period;
      for (String id : members) {
        for (String venue : List.of("binance", "okx")) {
          for (int back = 3; back >= 1; back--) { // the settled ones the API returns
            Instant when = Instant.ofEpochSecond(next - back * period);
            funding.add(
                new dev.privscreen.model.FundingPoint(
                    id, venue, when, (id.hashCode() % 7 + back) * 1e-5, 8));
          }
          // the current period's rate moves until it settles
          funding.add(
              new dev.privscreen.model.FundingPoint(
                  id, venue, Instant.ofEpochSecond(next), rnd.nextInt(100) * 1e-6, 8));
        }
      }
      if (rnd.nextInt(10) == 0) {
        String id = new ArrayList<>(members).get(rnd.nextInt(members.size()));
        listings.add(
            new ListingEvent(
                id,
                VENUES.get(rnd.nextInt(3)),
                ListingEvent.Market.PERP,
                id.toUpperCase() + "USDT",
                at.minusSeconds(3600),
                ListingEvent.Action.LIST));
      }
      List<ListingEvent> mine = new ArrayList<>();
      for (ListingEvent e : listings) {
        if (members.contains(e.id())) {
          mine.add(e);
        }
      }
      List<SourceStatus> sources =
          List.of(
              new SourceStatus("coingecko", at, "ok", null),
              new SourceStatus("okx", at, rnd.nextInt(5) == 0 ? "failed" : "ok", null));
      return new Snapshot(
          at, "privacy-coins", assets, prices, oi, mine, List.of(), sources, funding);
    }
  }

  @RepeatedTest(8)
  void everyFetchRebuildsByItsIdToWhatTheOldStoreKept(org.junit.jupiter.api.RepetitionInfo rep)
      throws IOException {
    long seed = 1000 + rep.getCurrentRepetition();
    Market market = new Market(seed);
    SnapshotStore store = new SnapshotStore(dir);
    Random kills = new Random(seed * 7);
    Instant t = Instant.parse("2026-11-01T00:05:00Z");
    Snapshot previous = null;
    Map<String, String> expected = new LinkedHashMap<>();
    for (int i = 0; i < 80; i++, t = t.plus(Duration.ofMinutes(60 + kills.nextInt(30)))) {
      Snapshot fresh = market.fetch(t);
      Snapshot merged = HistoryMerge.merge(previous, fresh);
      String id = store.append(fresh, w -> {}).id();
      expected.put(id, Migration.canonical(merged));
      previous = merged;
      if (kills.nextInt(5) == 0) {
        killedMidWrite(new FactStore(dir).generation(), kills);
      }
    }
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertThat(Migration.canonical(store.read(e.getKey(), w -> {})))
          .as("seed %d, fetch %s", seed, e.getKey())
          .isEqualTo(e.getValue());
    }
    assertThat(store.ids()).containsExactlyElementsOf(expected.keySet());
  }

  /** What a run killed between its writes leaves: facts, half a record, half an index line. */
  static void killedMidWrite(Path gen, Random rnd) throws IOException {
    String junk = "20991231T000000Z,zcash,2099-12-31,1,2,\n20991231T0000";
    for (FactTable table : FactTable.values()) {
      if (rnd.nextBoolean() && Files.exists(gen.resolve(table.file()))) {
        Files.writeString(gen.resolve(table.file()), junk, StandardOpenOption.APPEND);
      }
    }
    try (var records = Files.newDirectoryStream(gen, "fetches-*.csv.gz")) {
      for (Path r : records) {
        if (rnd.nextBoolean()) {
          Files.write(r, new byte[] {31, (byte) 139, 8, 0, 1, 2}, StandardOpenOption.APPEND);
        }
      }
    }
    if (rnd.nextBoolean()) {
      Files.writeString(
          gen.resolve("index.csv"), "20991231T000000Z,2099-12", StandardOpenOption.APPEND);
    }
  }

  @Test
  void aFetchThatChangesOnlyLiveValuesAddsItsRecordAndNoFacts() throws IOException {
    Market market = new Market(5);
    SnapshotStore store = new SnapshotStore(dir);
    Instant t = Instant.parse("2026-11-01T01:05:00Z");
    store.append(market.fetch(t), w -> {});
    market.rnd.setSeed(99); // same members, history already known
    Snapshot second = market.fetch(t.plusSeconds(600));
    FetchEntry e = store.append(second, w -> {});
    Path gen = new FactStore(dir).generation();
    FetchEntry first = FactStore.index(gen).fetches().get(0);
    long factsBefore = java.util.Arrays.stream(first.factEnds()).sum();
    long factsAfter = java.util.Arrays.stream(e.factEnds()).sum();
    // only the revised days (if any) and nothing else are facts; the rest is the record
    assertThat(factsAfter - factsBefore).isLessThan(200);
    assertThat(e.addedBytes()).isLessThan(e.recordBytes() + 400);
  }

  @Test
  void anAssetThatLeavesAndComesBackHasItsHistoryAgain() {
    SnapshotStore store = new SnapshotStore(dir);
    Instant t = Instant.parse("2026-11-05T01:00:00Z");
    LocalDate d = LocalDate.parse("2026-11-04");
    Asset zec =
        new Asset("zcash", "ZEC", "Zcash", 1.0, null, null, null, null, null, null, null, null);
    Asset xmr =
        new Asset("monero", "XMR", "Monero", 2.0, null, null, null, null, null, null, null, null);
    List<SourceStatus> ok = List.of(new SourceStatus("coingecko", t, "ok", null));
    store.append(
        new Snapshot(
            t,
            "c",
            List.of(zec, xmr),
            List.of(new PricePoint("zcash", d, 5.0, 1.0)),
            List.of(),
            List.of(),
            List.of(),
            ok),
        w -> {});
    String without =
        store
            .append(
                new Snapshot(
                    t.plusSeconds(3600),
                    "c",
                    List.of(xmr),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    ok),
                w -> {})
            .id();
    String back =
        store
            .append(
                new Snapshot(
                    t.plusSeconds(7200),
                    "c",
                    List.of(zec, xmr),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    ok),
                w -> {})
            .id();
    assertThat(store.read(without, w -> {}).prices()).isEmpty();
    assertThat(store.read(back, w -> {}).prices())
        .containsExactly(new PricePoint("zcash", d, 5.0, 1.0));
  }

  @Test
  void anOldStoreMigratesAndEveryFileReadsBackByItsId() throws IOException {
    Market market = new Market(42);
    Instant t = Instant.parse("2026-11-01T00:05:00Z");
    Snapshot previous = null;
    Map<String, String> expected = new LinkedHashMap<>();
    for (int i = 0; i < 30; i++, t = t.plus(Duration.ofHours(2))) {
      Snapshot fresh = market.fetch(t);
      if (i == 10) { // monero leaves for a fetch: the old store dropped its history then
        List<Asset> a = fresh.assets().stream().filter(x -> !x.id().equals("monero")).toList();
        fresh =
            new Snapshot(
                fresh.asOf(),
                fresh.category(),
                a,
                fresh.prices().stream().filter(p -> !p.id().equals("monero")).toList(),
                List.of(),
                List.of(),
                List.of(),
                fresh.sources());
      }
      Snapshot merged = HistoryMerge.merge(previous, fresh);
      String id = FetchIds.forTime(t, Set.of());
      try (var w = Files.newBufferedWriter(dir.resolve(id + ".json"), StandardCharsets.UTF_8)) {
        SnapshotWriter.write(merged, w);
      }
      expected.put(id, Migration.canonical(merged));
      previous = merged;
    }
    Files.writeString(dir.resolve("20261104T000000Z.json"), "{\"schema\": \"privscr"); // damaged
    SnapshotStore store = new SnapshotStore(dir);
    assertThat(store.factStore()).isFalse();
    String newestBefore =
        Migration.canonical(store.newestReadable(1, w -> {}, (a, b) -> {}).get(0).snapshot());

    Migration.Result r = store.migrateIfOld(w -> {});

    assertThat(r.converted()).isEqualTo(30);
    assertThat(r.damaged()).containsExactly("20261104T000000Z.json");
    assertThat(dir.resolve("damaged/20261104T000000Z.json")).exists();
    assertThat(r.bytesAfter()).isLessThan(r.bytesBefore() / 3);
    assertThat(store.factStore()).isTrue();
    try (var old = Files.list(dir)) {
      assertThat(old.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith("Z.json"));
    }
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertThat(Migration.canonical(store.read(e.getKey(), w -> {})))
          .as(e.getKey())
          .isEqualTo(e.getValue());
    }
    assertThat(
            Migration.canonical(store.newestReadable(1, w -> {}, (a, b) -> {}).get(0).snapshot()))
        .isEqualTo(newestBefore);
  }

  @Test
  void pruneForgetsOldFetchesButKeepsEveryDaysLatestValue() {
    Market market = new Market(7);
    SnapshotStore store = new SnapshotStore(dir);
    Instant t = Instant.parse("2026-11-01T00:05:00Z");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 60; i++, t = t.plus(Duration.ofHours(3))) {
      ids.add(store.append(market.fetch(t), w -> {}).id());
    }
    Map<String, String> keptBefore = new LinkedHashMap<>();
    for (String id : ids.subList(40, 60)) {
      keptBefore.put(id, Migration.canonical(store.read(id, w -> {})));
    }
    Set<String> forget = Set.copyOf(ids.subList(0, 40));

    Compaction.Result r =
        Compaction.run(new FactStore(dir), e -> !forget.contains(e.id()), null, false);

    assertThat(r.forgotten()).hasSize(40);
    assertThat(r.bytesAfter()).isLessThan(r.bytesBefore());
    assertThat(store.ids()).containsExactlyElementsOf(keptBefore.keySet());
    for (Map.Entry<String, String> e : keptBefore.entrySet()) {
      assertThat(Migration.canonical(store.read(e.getKey(), w -> {})))
          .as(e.getKey())
          .isEqualTo(e.getValue());
    }
    assertThat(store.read(ids.get(59), w -> {}).prices().size())
        .as("the first days' closes are still there")
        .isGreaterThan(15 * 2);
  }

  @Test
  void historyBeforeADateIsDroppedOnlyWhenAsked() {
    Market market = new Market(11);
    SnapshotStore store = new SnapshotStore(dir);
    Instant t = Instant.parse("2026-11-01T00:05:00Z");
    String last = null;
    for (int i = 0; i < 30; i++, t = t.plus(Duration.ofHours(6))) {
      last = store.append(market.fetch(t), w -> {}).id();
    }
    LocalDate cut = LocalDate.parse("2026-11-05");
    assertThat(store.read(last, w -> {}).prices()).anyMatch(p -> p.date().isBefore(cut));

    Compaction.run(new FactStore(dir), e -> true, cut, false);

    Snapshot after = store.read(last, w -> {});
    assertThat(after.prices()).noneMatch(p -> p.date().isBefore(cut));
    assertThat(after.prices()).anyMatch(p -> p.date().equals(cut));
    assertThat(store.ids()).hasSize(30);
  }

  @Test
  void aReaderDuringWritesSeesOnlyWholeFetches() throws Exception {
    Market market = new Market(3);
    SnapshotStore store = new SnapshotStore(dir);
    Map<String, String> written = new java.util.concurrent.ConcurrentHashMap<>();
    java.util.concurrent.atomic.AtomicBoolean done =
        new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.atomic.AtomicInteger checked =
        new java.util.concurrent.atomic.AtomicInteger();
    Thread reader =
        new Thread(
            () -> {
              while (!done.get()) {
                if (!store.factStore()) {
                  continue;
                }
                List<String> ids = store.ids();
                if (ids.isEmpty()) {
                  continue;
                }
                String id = ids.get(ids.size() - 1);
                String seen =
                    Migration.canonical(
                        store.read(
                            id,
                            w -> {
                              throw new AssertionError("a warning while reading " + id + ": " + w);
                            }));
                String expected = written.get(id);
                if (expected != null) {
                  assertThat(seen).as(id).isEqualTo(expected);
                  checked.incrementAndGet();
                }
              }
            });
    java.util.concurrent.atomic.AtomicReference<Throwable> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    reader.setUncaughtExceptionHandler((t, e) -> failure.set(e));
    reader.start();
    Instant t = Instant.parse("2026-11-01T00:05:00Z");
    Snapshot previous = null;
    for (int i = 0; i < 60; i++, t = t.plus(Duration.ofMinutes(50))) {
      Snapshot fresh = market.fetch(t);
      previous = HistoryMerge.merge(previous, fresh);
      String expected = Migration.canonical(previous);
      String id = store.append(fresh, w -> {}).id();
      written.put(id, expected);
    }
    done.set(true);
    reader.join(10_000);
    assertThat(failure.get()).isNull();
    assertThat(checked.get()).as("reads checked against what was written").isPositive();
  }

  @Test
  void theIndexReadsItsTimesAsInstantParseDoes() {
    for (String t :
        List.of("2026-11-20T01:00:00Z", "1999-12-31T23:59:59Z", "2024-02-29T12:30:05Z")) {
      assertThat(FetchEntry.instant(t)).isEqualTo(Instant.parse(t));
    }
    for (String bad :
        List.of("2026-11-20T25:00:00Z", "2026-02-30T01:00:00Z", "2026-11-2xT01:00:00Z")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> FetchEntry.instant(bad))
          .isInstanceOf(java.time.DateTimeException.class);
    }
  }

  static String text(Snapshot s) throws IOException {
    StringWriter w = new StringWriter();
    SnapshotWriter.write(s, w);
    return w.toString();
  }
}
