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
}
