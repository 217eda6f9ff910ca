package dev.privscreen.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.privscreen.error.DataException;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written scanners agree with the JDK's parsers on everything the grammar allows. */
class ValuesTest {
  static Cell cell(String text) {
    return Cell.of(new Place("t.csv", 2, 0), "v", text, false);
  }

  @Test
  void decimalsAreCorrectlyRoundedLikeParseDouble() {
    Random r = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      StringBuilder t = new StringBuilder();
      if (r.nextInt(4) == 0) {
        t.append(r.nextBoolean() ? '-' : '+');
      }
      int intDigits = r.nextInt(12);
      for (int k = 0; k < intDigits; k++) {
        t.append((char) ('0' + r.nextInt(10)));
      }
      if (intDigits == 0 || r.nextBoolean()) {
        t.append('.');
        for (int k = intDigits == 0 ? 1 + r.nextInt(12) : r.nextInt(22); k > 0; k--) {
          t.append((char) ('0' + r.nextInt(10)));
        }
      }
      if (r.nextInt(3) == 0) {
        t.append(r.nextBoolean() ? 'e' : 'E').append(r.nextBoolean() ? "-" : "");
        t.append(r.nextInt(40));
      }
      String s = t.toString();
      assertThat(Values.decimal(s)).as(s).isEqualTo(Double.parseDouble(s));
    }
  }

  @Test
  void notDecimalsAreNaN() {
    for (String s :
        new String[] {
          "",
          "+",
          "-",
          ".",
          "e5",
          "1e",
          "1e+",
          "NaN",
          "Infinity",
          "0x1p3",
          "12d",
          "1.2.3",
          "1 2",
          "١٢"
        }) {
      assertThat(Values.decimal(s)).as(s).isNaN();
    }
  }

  @Test
  void numbersOutOfRangeAndNegativeOnesAreNamed() {
    assertThat(Values.number(cell(" 1.5e3 "))).isEqualTo(1500.0);
    assertThat(Values.number(cell(""))).isNull();
    assertThatThrownBy(() -> Values.number(cell("1e400")))
        .isInstanceOf(DataException.class)
        .hasMessage("t.csv:2: v \"1e400\" is out of range");
    assertThatThrownBy(() -> Values.nonNegative(cell("-0.5")))
        .hasMessage("t.csv:2: v -0.5 is negative");
  }

  @Test
  void everyDayOfTwoCenturiesHasTheJdksEpochDay() {
    for (LocalDate d = LocalDate.of(1900, 1, 1);
        d.isBefore(LocalDate.of(2100, 1, 1));
        d = d.plusDays(1)) {
      assertThat(Values.epochDay(cell(d.toString()))).isEqualTo(d.toEpochDay());
    }
    assertThat(Values.epochDay(cell("0000-03-01"))).isEqualTo(LocalDate.of(0, 3, 1).toEpochDay());
    assertThat(Values.epochDay(cell("2025-11-07T23:59:59Z")))
        .isEqualTo(LocalDate.of(2025, 11, 7).toEpochDay());
    assertThat(Values.epochDay(cell("2025-11-07T23:00:00-02:00")))
        .isEqualTo(LocalDate.of(2025, 11, 8).toEpochDay());
  }

  @Test
  void daysThatDoNotExistAreErrors() {
    for (String s :
        new String[] {
          "2025-02-29",
          "2100-02-29",
          "2025-04-31",
          "2025-13-01",
          "2025-00-10",
          "2025-1-1",
          "2025/11/07",
          "2025-11-07T24:00:00Z"
        }) {
      assertThatThrownBy(() -> Values.epochDay(cell(s)))
          .as(s)
          .isInstanceOf(DataException.class)
          .hasMessageContaining("is not a date");
    }
    assertThat(Values.epochDay(cell("2024-02-29")))
        .isEqualTo(LocalDate.of(2024, 2, 29).toEpochDay());
  }
}
