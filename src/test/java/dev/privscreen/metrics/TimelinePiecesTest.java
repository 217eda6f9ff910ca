package dev.privscreen.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privscreen.model.Asset;
import dev.privscreen.model.OiPoint;
import dev.privscreen.model.PricePoint;
import dev.privscreen.model.Snapshot;
import dev.privscreen.model.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A replay lays its days out a piece at a time; each piece must read every figure bit for bit as
 * one timeline of the whole range does, the volumes' running sums included.
 */
class TimelinePiecesTest {
  static final LocalDate START = LocalDate.parse("2025-03-01");
  static final LocalDate END = LocalDate.parse("2025-10-31");

  @Test
  void aPieceOfARunReadsEveryFigureAsTheWholeRunDoes() {
    SnapshotIndex index = market();
    MetricsSpec spec = MetricsSpec.defaults();
    Timeline whole = new Timeline(index, spec, START, END);
    LocalDate from = START.plusDays(130);
    LocalDate to = from.plusDays(40);
    Timeline piece = new Timeline(index, spec, from, to, START);
    Timeline alone = new Timeline(index, spec, from, to);
    int offset = (int) (from.toEpochDay() - START.toEpochDay());
    int differsAlone = 0;
    for (int i = 0; i < whole.assetCount(); i++) {
      for (int k = 0; k < piece.days(); k++) {
        AssetMetrics w = whole.at(i, offset + k).copy();
        AssetMetrics p = piece.at(i, k).copy();
        assertThat(p.today()).isEqualTo(w.today());
        assertThat(p.volumeRatio30d()).isEqualTo(w.volumeRatio30d());
        assertThat(p.gain(Window.parse("7d"))).isEqualTo(w.gain(Window.parse("7d")));
        assertThat(p.oiPrevHighUsd()).isEqualTo(w.oiPrevHighUsd());
        assertThat(p.oiDaysInLookback()).isEqualTo(w.oiDaysInLookback());
        assertThat(p.trend30d()).isEqualTo(w.trend30d());
        Double a = alone.at(i, k).volumeRatio30d();
        if (a != null && !a.equals(w.volumeRatio30d())) {
          differsAlone++;
        }
      }
    }
    // the sums' origin matters: a timeline of the piece alone rounds differently somewhere, which
    // is why a piece starts its sums where the run does
    assertThat(differsAlone).isPositive();
  }

  /**
   * Forty assets of random walks with uneven volumes, half with open interest, some days missing.
   */
  static SnapshotIndex market() {
    Random r = new Random(22);
    List<Asset> assets = new ArrayList<>();
    List<PricePoint> prices = new ArrayList<>();
    List<OiPoint> oi = new ArrayList<>();
    for (int a = 0; a < 40; a++) {
      String id = "a" + a;
      assets.add(new Asset(id, "A" + a, id, 1.0, 1e6, null, 1e5, null, null, null, null, null));
      double close = 1 + r.nextDouble() * 100;
      for (LocalDate d = START.minusDays(60); !d.isAfter(END); d = d.plusDays(1)) {
        close *= Math.exp(r.nextGaussian() * 0.08);
        if (r.nextInt(20) > 0) {
          prices.add(new PricePoint(id, d, close, r.nextDouble() * 1e7 / 3));
        }
        if (a % 2 == 0 && r.nextInt(10) > 0) {
          oi.add(new OiPoint(id, "binance", d, r.nextDouble() * 1e8 / 7));
        }
      }
    }
    return SnapshotIndex.of(
        new Snapshot(
            Instant.parse("2025-11-01T00:00:00Z"),
            "test",
            assets,
            prices,
            oi,
            List.of(),
            List.of(),
            List.of()));
  }
}
