package dev.privscreen.manners;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A snapshot's JSON errors in privscreen's words, with the place kept; no key taken twice. */
class JsonWordsTest {
  static final String HEAD =
      "{\"schema\":\"privscreen.snapshot/1\",\"as_of\":\"2025-11-07T00:00:00Z\",";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"price_usd\":NaN | <stdin>:1:114: price_usd: NaN is not a number",
        "\"price_usd\":-Infinity | <stdin>:1:120: price_usd: -Infinity is not a number",
        "\"price_usd\":1,\"price_usd\":5 | <stdin>:1:124: price_usd: named twice in one object",
      })
  void aBadValueOrARepeatedKeyIsOneLineInOurWords(String cell, String message) {
    String json = HEAD + "\"assets\":[{\"id\":\"a\",\"symbol\":\"A\"," + cell + "}]}";

    Result r = new CliDriver().stdin(json).run("screen", "--from", "-");

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.stderr().lines()).containsExactly("privscreen: " + message);
    assertThat(r.stderr()).doesNotContain("JsonReadFeature").doesNotContain("enable");
  }

  @Test
  void aTableNamedTwiceIsAnErrorToo() {
    String json = HEAD + "\"assets\":[],\"assets\":[]}";

    Result r = new CliDriver().stdin(json).run("screen", "--from", "-");

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.stderr()).contains("assets: named twice in one object");
  }
}
