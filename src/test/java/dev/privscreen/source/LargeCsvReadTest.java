package dev.privscreen.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.privscreen.error.DataException;
import dev.privscreen.model.Snapshot;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history large enough (over 16 MB) that its tables are read concurrently: the rows are all
 * there, and with several bad tables the first in table order is the one reported.
 */
class LargeCsvReadTest {
  @TempDir static Path dir;
  static final int ASSETS = 1000;
  static final int DAYS = 480;

  @BeforeAll
  static void write() throws IOException {
    StringBuilder a = new StringBuilder("id,symbol\n");
    for (int i = 0; i < ASSETS; i++) {
      a.append('a').append(i).append(",S").append(i).append('\n');
    }
    Files.writeString(dir.resolve("assets.csv"), a);
    LocalDate first = LocalDate.parse("2024-09-15");
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("prices.csv"))) {
      w.write("id,date,close_usd,volume_usd\n");
      for (int i = 0; i < ASSETS; i++) {
        for (int d = 0; d < DAYS; d++) {
          w.write("a" + i + "," + first.plusDays(d) + "," + (1 + i + d * 0.001) + ",123456789.5\n");
        }
      }
    }
    Files.writeString(
        dir.resolve("open_interest.csv"), "id,venue,date,oi_usd\na1,okx,2025-11-07,5\n");
    assertThat(Files.size(dir.resolve("prices.csv"))).isGreaterThan(16L << 20);
  }

  @Test
  void everyRowIsRead() {
    Snapshot s = SnapshotReader.read(dir);

    assertThat(s.assets()).hasSize(ASSETS);
    assertThat(s.prices()).hasSize(ASSETS * DAYS);
    assertThat(s.openInterest()).hasSize(1);
  }

  @Test
  void theFirstBadTableInOrderIsReported(@TempDir Path bad) throws IOException {
    for (String f : new String[] {"assets.csv", "prices.csv"}) {
      Files.copy(dir.resolve(f), bad.resolve(f));
    }
    Files.writeString(
        bad.resolve("prices.csv"),
        "a0,2099-01-01,oops,1\n",
        java.nio.file.StandardOpenOption.APPEND);
    Files.writeString(
        bad.resolve("open_interest.csv"),
        "id,venue,date,oi_usd\na1,okx,2025-11-07,5\na1,okx,2025-11-07,6\n");

    assertThatThrownBy(() -> SnapshotReader.read(bad))
        .isInstanceOf(DataException.class)
        .hasMessageContaining(
            "prices.csv:" + (ASSETS * DAYS + 2) + ": close_usd \"oops\" is not a number");
  }
}
