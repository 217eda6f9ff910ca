package dev.privscreen.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The columnar tables hold exactly the rows given, grouped by id and sorted by day. */
class ColumnsTest {
  static final LocalDate D = LocalDate.of(2025, 11, 1);

  @Test
  void pricesComeBackGroupedByIdInFirstSeenOrderAndSortedByDay() {
    List<PricePoint> rows =
        List.of(
            new PricePoint("zcash", D.plusDays(2), 3.0, null),
            new PricePoint("dash", D, 10.0, 1.0),
            new PricePoint("zcash", D, 1.0, 5.0),
            new PricePoint("zcash", D.plusDays(1), null, 6.0));

    PriceColumns p = PriceColumns.copyOf(rows);

    assertThat(p)
        .containsExactly(
            new PricePoint("zcash", D, 1.0, 5.0),
            new PricePoint("zcash", D.plusDays(1), null, 6.0),
            new PricePoint("zcash", D.plusDays(2), 3.0, null),
            new PricePoint("dash", D, 10.0, 1.0));
    assertThat(p.idCount()).isEqualTo(2);
    assertThat(p.id(1)).isEqualTo("dash");
    assertThat(p.find(0, (int) D.plusDays(1).toEpochDay())).isEqualTo(1);
    assertThat(p.volume(p.find(0, (int) D.plusDays(1).toEpochDay()))).isEqualTo(6.0);
    assertThat(p.find(0, (int) D.plusDays(5).toEpochDay())).isEqualTo(-1);
    assertThat(p.find(1, (int) D.minusDays(1).toEpochDay())).isEqualTo(-1);
    assertThat(PriceColumns.copyOf(p)).isSameAs(p);
  }

  @Test
  void randomPricesMatchASortedCopy() {
    Random r = new Random(3);
    List<PricePoint> rows = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      rows.add(
          new PricePoint(
              "a" + r.nextInt(40), D.plusDays(r.nextInt(400)), r.nextDouble(), r.nextDouble()));
    }
    List<String> firstSeen = rows.stream().map(PricePoint::id).distinct().toList();
    List<PricePoint> expected = new ArrayList<>(rows);
    expected.sort( // a stable sort: rows of the same id and day keep their order
        Comparator.comparing((PricePoint p) -> firstSeen.indexOf(p.id()))
            .thenComparing(PricePoint::date));

    PriceColumns p = PriceColumns.copyOf(rows);

    assertThat(p).containsExactlyElementsOf(expected);
    for (int code = 0; code < p.idCount(); code++) {
      for (int row = p.from(code); row < p.to(code); row++) {
        int found = p.find(code, p.day(row));
        assertThat(found).isGreaterThanOrEqualTo(row);
        assertThat(p.day(found)).isEqualTo(p.day(row));
        assertThat(found + 1 == p.to(code) || p.day(found + 1) > p.day(row)).isTrue();
      }
    }
  }

  @Test
  void theEarliestRepeatedKeyIsReportedWithTheRowItRepeats() {
    PriceColumns.Builder b = new PriceColumns.Builder();
    int day = (int) D.toEpochDay();
    b.add(b.idCode("zcash"), day, 1, 1); // 0
    b.add(b.idCode("dash"), day + 1, 1, 1); // 1
    b.add(b.idCode("dash"), day, 1, 1); // 2
    b.add(b.idCode("zcash"), day + 1, 1, 1); // 3
    b.add(b.idCode("dash"), day + 1, 2, 1); // 4 repeats 1's key with another close
    b.add(b.idCode("zcash"), day, 1, 2); // 5 repeats 0's key with another volume

    assertThatThrownBy(
            () ->
                b.build(
                    (first, later) -> {
                      throw new IllegalArgumentException(first + " " + later + " " + b.id(later));
                    }))
        .hasMessage("1 4 dash");
    assertThat(b.build(null)).hasSize(6);
  }

  @Test
  void aRowRepeatedExactlyIsLeftOutAndCounted() {
    PriceColumns.Builder b = new PriceColumns.Builder();
    int day = (int) D.toEpochDay();
    b.add(b.idCode("zcash"), day + 1, 2, Double.NaN);
    b.add(b.idCode("dash"), day, 5, 5);
    b.add(b.idCode("zcash"), day, 1, 1);
    b.add(b.idCode("zcash"), day + 1, 2, Double.NaN); // the first row again: a null equals a null
    b.add(b.idCode("dash"), day, 5, 5); // the second again

    PriceColumns p =
        b.build(
            (first, later) -> {
              throw new AssertionError("no differing repeat here");
            });

    assertThat(p).hasSize(3);
    assertThat(p.repeats()).isEqualTo(2);
    assertThat(p)
        .containsExactly(
            new PricePoint("zcash", D, 1.0, 1.0),
            new PricePoint("zcash", D.plusDays(1), 2.0, null),
            new PricePoint("dash", D, 5.0, 5.0));
  }

  @Test
  void openInterestIsGroupedByVenueThenSortedByDayAndRepeatsAreByVenue() {
    List<OiPoint> rows =
        List.of(
            new OiPoint("zcash", "okx", D.plusDays(1), 2.0),
            new OiPoint("zcash", "binance", D.plusDays(1), 1.0),
            new OiPoint("zcash", "okx", D, null));

    OiColumns o = OiColumns.copyOf(rows);

    assertThat(o)
        .containsExactly(
            new OiPoint("zcash", "okx", D, null),
            new OiPoint("zcash", "okx", D.plusDays(1), 2.0),
            new OiPoint("zcash", "binance", D.plusDays(1), 1.0));
    assertThat(o.day(2)).isEqualTo(D.plusDays(1).toEpochDay());
    OiColumns.Builder b = new OiColumns.Builder();
    b.add(b.idCode("zcash"), b.venueCode("okx"), 1, 1, Double.NaN);
    b.add(b.idCode("zcash"), b.venueCode("binance"), 1, 1, Double.NaN);
    b.add(b.idCode("zcash"), b.venueCode("okx"), 1, 2, Double.NaN);
    assertThatThrownBy(
            () ->
                b.build(
                    (first, later) -> {
                      throw new IllegalArgumentException(
                          first + " " + later + " " + b.venue(later));
                    }))
        .hasMessage("0 2 okx");
  }

  @Test
  void aPoolGivesEachTextOneCodeWhateverItsCharSequence() {
    StringPool pool = new StringPool();
    for (int i = 0; i < 1000; i++) {
      assertThat(pool.code("id" + i)).isEqualTo(i);
    }
    for (int i = 0; i < 1000; i++) {
      assertThat(pool.code(new StringBuilder("id").append(i))).isEqualTo(i);
    }
    assertThat(pool.size()).isEqualTo(1000);
    assertThat(pool.text(999)).isEqualTo("id999");
  }
}
