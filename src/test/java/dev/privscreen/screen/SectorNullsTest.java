package dev.privscreen.screen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sum over no values is unknown (null), not 0: no OI anywhere is not "$0 of OI". */
class SectorNullsTest {
  @TempDir Path dir;

  @Test
  void sumsOverNoValuesAreNullAndSumsOverSomeAreTheirSum() throws IOException {
    Files.writeString(
        dir.resolve("assets.csv"),
        "id,symbol,name,price_usd,market_cap_usd\nzcash,ZEC,Zcash,532.06,\ndash,DASH,Dash,118.8,1.5e9\n");
    Files.writeString(dir.resolve("snapshot.json"), "{\"as_of\": \"2025-11-07T00:00:00Z\"}");

    Result r = CliDriver.privscreen("sector", "--from", dir.toString(), "--json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode s = r.json();
    assertThat(s.get("oi_usd").isNull()).isTrue();
    assertThat(s.get("volume_24h_usd").isNull()).isTrue();
    assertThat(s.get("market_cap_usd").asDouble()).isEqualTo(1.5e9);
    Result table = CliDriver.privscreen("sector", "--from", dir.toString());
    assertThat(table.stdout().lines().filter(l -> l.startsWith("oi_usd")))
        .singleElement()
        .satisfies(l -> assertThat(l).endsWith("-"));
  }
}
