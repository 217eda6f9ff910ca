package dev.privscreen.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without snapshot.json, a CSV directory's as-of is the newest day of prices.csv, else the newest
 * dated row of any table (SPEC §2).
 */
class CsvAsOfTest {
  @TempDir Path dir;

  void write(String file, String text) throws IOException {
    Files.writeString(dir.resolve(file), text);
  }

  @Test
  void theNewestPriceDayWinsOverLaterOpenInterest() throws IOException {
    write("assets.csv", "id,symbol\nzcash,ZEC\n");
    write("prices.csv", "id,date,close_usd\nzcash,2025-11-03,1\nzcash,2025-11-05,2\n");
    write("open_interest.csv", "id,venue,date,oi_usd\nzcash,okx,2025-11-09,5\n");

    assertThat(SnapshotReader.read(dir).asOf()).isEqualTo(Instant.parse("2025-11-05T00:00:00Z"));
  }

  @Test
  void withoutPricesTheNewestOtherRowDatesItAndAMetricWithoutAValueDoesNot() throws IOException {
    write("assets.csv", "id,symbol\nzcash,ZEC\n");
    write("open_interest.csv", "id,venue,date,oi_usd\nzcash,okx,2025-11-04,\n");
    write(
        "metrics.csv",
        "id,date,name,value\nzcash,2025-11-06,shielded,7\nzcash,2025-11-08,shielded,\n");

    assertThat(SnapshotReader.read(dir).asOf()).isEqualTo(Instant.parse("2025-11-06T00:00:00Z"));
  }

  @Test
  void noDatedRowAtAllIsAnError() throws IOException {
    write("assets.csv", "id,symbol\nzcash,ZEC\n");

    assertThatThrownBy(() -> SnapshotReader.read(dir)).hasMessageContaining("no as-of");
  }

  @Test
  void datesOfOneMonthAfterAnotherAreReadRightAndAnImpossibleOneStillFails() throws IOException {
    write("assets.csv", "id,symbol\na,A\nb,B\n");
    // a's days run on through the month and into the next; b goes back to the month's start
    write(
        "prices.csv",
        "id,date,close_usd\n"
            + "a,2024-02-27,1\na,2024-02-28,2\na,2024-02-29,3\na,2024-03-01,4\n"
            + "b,2024-03-01,5\nb,2024-03-02,6\nb,2024-03-28,7\nb,2024-03-31,8\n");

    java.util.List<String> days = new java.util.ArrayList<>();
    for (var p : SnapshotReader.read(dir).prices()) {
      days.add(p.id() + " " + p.date());
    }
    assertThat(days)
        .containsExactlyInAnyOrder(
            "a 2024-02-27",
            "a 2024-02-28",
            "a 2024-02-29",
            "a 2024-03-01",
            "b 2024-03-01",
            "b 2024-03-02",
            "b 2024-03-28",
            "b 2024-03-31");
    write("prices.csv", "id,date,close_usd\na,2025-02-27,1\na,2025-02-29,2\n");
    assertThatThrownBy(() -> SnapshotReader.read(dir)).hasMessageContaining("2025-02-29");
  }
}
