package dev.privscreen.screen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import dev.privscreen.screen.ReferenceScreenTest.Reference;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** trend_30d, character by character from the closes of unseen data (gaps and all). */
class TrendTest {
  static final String BLOCKS = "▁▂▃▄▅▆▇█";

  /** Written from the field's definition alone. */
  static String expected(Reference.Data data, String id, LocalDate today) {
    Double[] v = new Double[30];
    double lo = Double.MAX_VALUE;
    double hi = -Double.MAX_VALUE;
    for (int i = 0; i < 30; i++) {
      v[i] = Reference.close(data, id, today.minusDays(29 - i));
      if (v[i] != null) {
        lo = Math.min(lo, v[i]);
        hi = Math.max(hi, v[i]);
      }
    }
    if (lo > hi) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (Double x : v) {
      if (x == null) {
        b.append(' ');
      } else if (hi == lo) {
        b.append('▄');
      } else {
        b.append(BLOCKS.charAt((int) Math.round((x - lo) / (hi - lo) * 7)));
      }
    }
    return b.toString();
  }

  @ParameterizedTest
  @CsvSource({"1,2025-11-07", "2,2025-10-15", "3,2025-11-01"})
  void theTrendIsTheLast30ClosesOneCharacterADay(long seed, String asOf) throws IOException {
    Path dir = ReferenceScreenTest.data(seed);
    Result r =
        CliDriver.privscreen(
            "screen",
            "--from",
            dir.toString(),
            "--as-of",
            asOf,
            "--json",
            "--fields",
            "id,trend_30d");
    assertThat(r.exitCode()).as(r.toString()).isZero();

    Reference.Data data = Reference.load(dir);
    int gaps = 0;
    int none = 0;
    for (JsonNode res : r.json().get("results")) {
      String want = expected(data, res.get("id").asText(), LocalDate.parse(asOf));
      JsonNode got = res.get("trend_30d");
      if (want == null) {
        none++;
        assertThat(got.isNull()).as(res.toString()).isTrue();
      } else {
        assertThat(got.asText()).as(res.get("id").asText()).isEqualTo(want).hasSize(30);
        gaps += want.contains(" ") ? 1 : 0;
      }
    }
    assertThat(gaps).as("some trends have missing days").isPositive();
    assertThat(none).as("some assets have no history").isPositive();
  }
}
