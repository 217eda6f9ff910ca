import dev.privscreen.model.Asset;
import dev.privscreen.model.FundingPoint;
import dev.privscreen.model.MetricPoint;
import dev.privscreen.model.OiPoint;
import dev.privscreen.model.PricePoint;
import dev.privscreen.model.Snapshot;
import dev.privscreen.model.SourceStatus;
import dev.privscreen.store.FetchEntry;
import dev.privscreen.store.SnapshotStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A year of hourly fetches of a 90-asset category with four venues of open interest, written
 * through the store's own write path (no HTTP), as fetch writes them: the first brings a year of
 * history, each later one the APIs' 30-day windows and today's live values, which move every hour;
 * one past close is revised every week. Prints one line per fetch: its id, the milliseconds of the
 * write and the bytes it added.
 *
 * <p>java -cp target/privscreen.jar:target/bench/classes StoreYear DIR HOURS ASSETS > times
 */
public final class StoreYear {
  static final List<String> VENUES = List.of("binance", "okx", "bybit", "bitget");

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int hours = Integer.parseInt(args[1]);
    int n = Integer.parseInt(args[2]);
    Files.createDirectories(dir);
    SnapshotStore store = new SnapshotStore(dir);
    Random rnd = new Random(7);
    Instant start = Instant.parse("2025-12-01T00:05:00Z");
    LocalDate first = start.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(365);
    int days = 365 + hours / 24 + 2;
    double[][] close = new double[n][days];
    double[][][] oi = new double[n][VENUES.size()][days];
    for (int a = 0; a < n; a++) {
      double p = 1 + rnd.nextInt(500);
      double o = 1e6 * (1 + rnd.nextInt(900));
      for (int d = 0; d < days; d++) {
        p = Math.round(p * (1 + rnd.nextGaussian() * 0.04) * 1e4) / 1e4;
        close[a][d] = p;
        for (int v = 0; v < VENUES.size(); v++) {
          oi[a][v][d] = Math.round(o * (1 + rnd.nextGaussian() * 0.1) * (v + 1));
        }
      }
    }
    PrintWriter out = new PrintWriter(System.out);
    for (int h = 0; h < hours; h++) {
      Instant at = start.plus(Duration.ofHours(h));
      int today = (int) (at.atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay() - first.toEpochDay());
      if (h > 0 && h % 168 == 0) { // a source revises a past close
        close[rnd.nextInt(n)][today - 3 - rnd.nextInt(20)] += 0.0001;
      }
      int window = h == 0 ? 365 : 30;
      List<Asset> assets = new ArrayList<>();
      List<PricePoint> prices = new ArrayList<>();
      List<OiPoint> ois = new ArrayList<>();
      for (int a = 0; a < n; a++) {
        String id = "asset-" + a;
        double live = Math.round(close[a][today] * (1 + rnd.nextGaussian() * 0.01) * 1e6) / 1e6;
        assets.add(
            new Asset(
                id,
                "A" + a,
                "Asset " + a,
                live,
                Math.round(live * 1.6e7) * 1.0,
                Math.round(live * 2.1e7) * 1.0,
                Math.round(rnd.nextDouble() * 1e9) * 1.0,
                Math.round(rnd.nextGaussian() * 1e5) / 1e4,
                Math.round(rnd.nextGaussian() * 1e5) / 1e4,
                Math.round(rnd.nextGaussian() * 1e5) / 1e4,
                1.6e7,
                2.1e7));
        for (int d = today - window; d < today; d++) {
          prices.add(
              new PricePoint(
                  id, first.plusDays(d), close[a][d], Math.round(close[a][d] * 1e6) * 1.0));
        }
        prices.add(new PricePoint(id, first.plusDays(today), live, null));
        for (int v = 0; v < VENUES.size(); v++) {
          if (v < 3) { // Bitget keeps no history
            for (int d = today - Math.min(window, 30); d < today; d++) {
              ois.add(new OiPoint(id, VENUES.get(v), first.plusDays(d), oi[a][v][d]));
            }
          }
          ois.add(
              new OiPoint(
                  id,
                  VENUES.get(v),
                  first.plusDays(today),
                  Math.round(oi[a][v][today] * (1 + rnd.nextGaussian() * 0.01)) * 1.0,
                  at.minusSeconds(3 + v)));
        }
      }
      // funding: per venue the 8 days of settled rates each fetch reads again (facts: only the
      // newest settlement is new) and the current period's rate, which moves every hour; daily
      // fundamentals (30 days a fetch, the newest yesterday's)
      List<FundingPoint> funding = new ArrayList<>();
      List<MetricPoint> metrics = new ArrayList<>();
      long period = 8 * 3600L;
      long nextSettle = (at.getEpochSecond() / period + 1) * period;
      for (int a = 0; a < n; a++) {
        String id = "asset-" + a;
        for (int v = 0; v < VENUES.size(); v++) {
          for (int k = 1; k <= 24; k++) {
            long t = nextSettle - k * period;
            funding.add(
                new FundingPoint(
                    id, VENUES.get(v), Instant.ofEpochSecond(t), settled(a, v, t), 8));
          }
          funding.add(
              new FundingPoint(
                  id,
                  VENUES.get(v),
                  Instant.ofEpochSecond(nextSettle),
                  Math.round(rnd.nextGaussian() * 1e6) / 1e10,
                  8));
        }
        for (int d = today - 30; d < today; d++) {
          double base = 1000 + a * 10 + d % 17;
          metrics.add(new MetricPoint(id, first.plusDays(d), "active_addresses", base * 100));
          metrics.add(new MetricPoint(id, first.plusDays(d), "tx_count", base * 37));
          metrics.add(new MetricPoint(id, first.plusDays(d), "fees_usd", base * 1.25));
          metrics.add(new MetricPoint(id, first.plusDays(d), "long_short_ratio", 1 + d % 7 / 10.0));
        }
      }
      List<SourceStatus> sources = new ArrayList<>();
      for (String s :
          List.of("coingecko", "binance", "okx", "bybit", "bitget", "coinmetrics", "defillama")) {
        sources.add(new SourceStatus(s, at, "ok", null));
      }
      Snapshot fresh =
          new Snapshot(
              at, "privacy-coins", assets, prices, ois, List.of(), metrics, sources, funding);
      long t0 = System.nanoTime();
      FetchEntry e = store.append(fresh, w -> {});
      long t1 = System.nanoTime();
      out.printf("%s %.2f %d%n", e.id(), (t1 - t0) / 1e6, e.addedBytes());
    }
    out.flush();
  }

  /** A settled rate: fixed once paid, so the same every time a fetch reads it again. */
  private static double settled(int asset, int venue, long time) {
    long h = (time / 3600) * 31 + asset * 7919L + venue * 104729L;
    return ((h % 2001) - 1000) / 1e7;
  }
}
