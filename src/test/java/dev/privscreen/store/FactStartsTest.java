package dev.privscreen.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where a read of the days from D on may start in a fact file: after the rows of the fetches made
 * before D, which cannot have known a fact of D (a close, a day's OI, a settled rate).
 */
class FactStartsTest {
  static FetchEntry fetch(String asOf, long end) {
    return new FetchEntry(
        "x",
        Instant.parse(asOf),
        "c",
        1,
        "",
        "f",
        0,
        0,
        new long[] {end, end, end, end, end},
        0,
        "");
  }

  static final int PRICES = FactTable.PRICES.ordinal();
  static final int LISTINGS = FactTable.LISTINGS.ordinal();
  static final int FUNDING = FactTable.FUNDING.ordinal();

  @Test
  void theRowsOfTheFetchesBeforeTheDayArePassedOver() {
    FactStore.Index idx =
        new FactStore.Index(
            List.of(
                fetch("2026-11-01T10:00:00Z", 100),
                fetch("2026-11-02T23:00:00Z", 200),
                fetch("2026-11-03T00:00:00Z", 300), // may have seen a settlement at 00:00
                fetch("2026-11-04T10:00:00Z", 400)),
            List.of());

    long[] s = idx.startsBefore(4, LocalDate.parse("2026-11-03"));

    assertThat(s[PRICES]).isEqualTo(200);
    assertThat(s[FUNDING]).isEqualTo(200);
    assertThat(s[LISTINGS]).as("a listing may be announced before its day").isZero();
    assertThat(idx.startsBefore(4, LocalDate.parse("2026-11-01"))[PRICES]).isZero();
    assertThat(idx.startsBefore(1, LocalDate.parse("2026-11-30"))[PRICES]).isEqualTo(100);
  }

  @Test
  void aClockThatWentBackNeverSkipsARowThatCounts() {
    FactStore.Index idx =
        new FactStore.Index(
            List.of(
                fetch("2026-11-01T10:00:00Z", 100),
                fetch("2026-11-05T10:00:00Z", 200), // saw rows of Nov 3 and 4
                fetch("2026-11-02T10:00:00Z", 300)), // the clock went back
            List.of());

    assertThat(idx.startsBefore(3, LocalDate.parse("2026-11-03"))[PRICES]).isEqualTo(100);
  }
}
