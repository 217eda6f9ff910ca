package dev.privscreen.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountsTest {
  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "770M,770000000",
    "1.5B,1500000000",
    "20k,20000",
    "100,100",
    "-5,-5",
    "1e9,1000000000",
    ".5,0.5"
  })
  void suffixesScale(String text, double value) {
    assertThat(Amounts.parse(text)).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "M", "12abc", "NaN", "Infinity", "0x10", "1,000", "5T", "1e999"})
  void otherTextIsNotANumber(String text) {
    assertThatThrownBy(() -> Amounts.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
