package dev.privscreen.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvRendererTest {
  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "=HYPERLINK(\"x\")|'=HYPERLINK(\"x\")",
        "+1|'+1",
        "-2+3|'-2+3",
        "@SUM(A1)|'@SUM(A1)",
        "ZEC|ZEC",
        "a=b|a=b"
      })
  void textThatASpreadsheetWouldRunGetsALeadingQuote(String in, String out) {
    assertThat(Cells.defuse(in)).isEqualTo(out);
  }
}
