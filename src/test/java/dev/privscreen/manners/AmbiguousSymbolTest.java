package dev.privscreen.manners;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import org.junit.jupiter.api.Test;

/** Two assets of one symbol: chart asks which, rather than drawing the first. */
class AmbiguousSymbolTest {
  static final String SNAPSHOT =
      "{\"schema\":\"privscreen.snapshot/1\",\"as_of\":\"2025-11-07T00:00:00Z\","
          + "\"assets\":[{\"id\":\"a\",\"symbol\":\"A\"},{\"id\":\"b\",\"symbol\":\"a\"}],"
          + "\"prices\":[{\"id\":\"a\",\"date\":\"2025-11-06\",\"close_usd\":1},"
          + "{\"id\":\"b\",\"date\":\"2025-11-06\",\"close_usd\":2}]}";

  @Test
  void aSharedSymbolIsAUsageErrorListingTheIdsAndAnIdStillWorks() {
    Result shared = new CliDriver().stdin(SNAPSHOT).run("chart", "A", "--from", "-");
    Result byId = new CliDriver().stdin(SNAPSHOT).run("chart", "b", "--from", "-", "--json");

    assertThat(shared.exitCode()).isEqualTo(2);
    assertThat(shared.stderr())
        .startsWith("privscreen: 'A' is the symbol of 2 assets: name one by its id (a, b)");
    assertThat(byId.exitCode()).as(byId.toString()).isZero();
    assertThat(byId.stdout()).contains("\"symbol\": \"a\"").contains("\"close_usd\": 2");
  }
}
