package dev.privscreen.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WindowTest {
  @ParameterizedTest(name = "{0} is {1} days, named {2}")
  @CsvSource({"24h,1,24h", "1d,1,24h", "48h,2,2d", "7d,7,7d", "2w,14,14d", "30D,30,30d"})
  void windowsAreWholeDays(String text, int days, String label) {
    Window w = Window.parse(text);
    assertThat(w.days()).isEqualTo(days);
    assertThat(w.label()).isEqualTo(label);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "7", "d", "7x", "-7d", "0d", "36h", "1.5d", "99999999999999999999d"})
  void otherTextIsRefusedWithAReason(String text) {
    assertThatThrownBy(() -> Window.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'");
  }
}
