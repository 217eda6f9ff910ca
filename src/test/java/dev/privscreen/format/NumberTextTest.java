package dev.privscreen.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberTextTest {
  @ParameterizedTest(name = "exact {0} -> {1}")
  @CsvSource({
    "8.6e9,8600000000",
    "532.06,532.06",
    "140.0,140",
    "0.1248,0.1248",
    "1.0E-9,1.0E-9",
    "2.5e20,2.5E+20",
    "-3.25,-3.25"
  })
  void exactIsShortestRoundTripWithoutExponentForEverydayMagnitudes(double v, String text) {
    assertThat(NumberText.exact(v)).isEqualTo(text);
    assertThat(Double.parseDouble(NumberText.exact(v))).isEqualTo(v);
  }

  @ParameterizedTest(name = "usd {0} -> {1}")
  @CsvSource({
    "1240000000,$1.24B",
    "812000000,$812.0M",
    "532.06,$532.06",
    "0.0123,$0.0123",
    "15300,$15.3k",
    "0,$0",
    "2.5e12,$2.50T",
    "1e308,$1.0e308",
    "-1e308,-$1.0e308",
    "1e-300,$1.0e-300",
    "2.5e-7,$2.5e-7"
  })
  void usdIsShortForPeople(double v, String text) {
    assertThat(NumberText.usd(v)).isEqualTo(text);
  }

  @ParameterizedTest(name = "percent {0} -> {1}")
  @CsvSource({
    "123.44,+123.4%",
    "-5,-5.0%",
    "-0.01,+0.0%",
    "0,+0.0%",
    "1e200,+1.0e200%",
    "-2e7,-2.0e7%"
  })
  void percentAlwaysHasASign(double v, String text) {
    assertThat(NumberText.percent(v)).isEqualTo(text);
  }

  @Test
  void resultFiguresLoseTheirFloatNoiseButNothingElse() {
    assertThat(NumberText.result(116.00000000000001)).isEqualTo("116");
    assertThat(NumberText.result(11.340206185567014)).isEqualTo("11.3402061856");
    assertThat(NumberText.result(8672578000.0)).isEqualTo("8672578000");
    assertThat(NumberText.result(-0.1 - 0.2)).isEqualTo("-0.3");
    assertThat(NumberText.result(1.5e-9)).isEqualTo("1.5E-9");
    java.util.Random r = new java.util.Random(11);
    for (int i = 0; i < 200_000; i++) {
      double v = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(30) - 10);
      String s = NumberText.result(v);
      double back = Double.parseDouble(s);
      assertThat(Math.abs(back - v)).as(s).isLessThanOrEqualTo(Math.abs(v) * 1e-11);
      assertThat(
              s.replaceAll("E.*", "")
                  .replaceAll("[^0-9]", "")
                  .replaceAll("^0+", "")
                  .replaceAll("0+$", "")
                  .length())
          .as(s)
          .isLessThanOrEqualTo(12);
    }
  }

  @Test
  void theQuickRoundingWritesWhatTheExactOneWrites() {
    java.util.Random r = new java.util.Random(12);
    int quick = 0;
    for (int i = 0; i < 300_000; i++) {
      double v =
          switch (i % 4) {
            case 0 -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(24) - 7);
            // values of few digits, as prices and ratios often are, and their float noise
            case 1 -> r.nextInt(2_000_000) / Math.pow(10, r.nextInt(12));
            case 2 -> Math.nextUp(r.nextInt(100_000) / 100.0) * (r.nextBoolean() ? 1 : -1);
            // near a power of ten and near a tie of the twelfth digit
            default ->
                Math.pow(10, r.nextInt(20) - 6)
                    * (r.nextBoolean() ? 0.9999999999995 : 1.00000000000050);
          };
      String fast = NumberText.roundedPlain(v);
      if (fast != null) {
        quick++;
        assertThat(fast).as("%s", v).isEqualTo(NumberText.roundedExactly(v));
      }
    }
    assertThat(quick).as("values the quick path took").isGreaterThan(200_000);
    assertThat(NumberText.roundedPlain(999_999_999_999.7)).isEqualTo("1000000000000");
    assertThat(NumberText.roundedPlain(1e15)).isNull(); // written with an exponent: the exact way
  }

  @Test
  void extremeNumbersStayAColumnWide() {
    assertThat(NumberText.plain(1e300)).isEqualTo("1.0e300");
    assertThat(NumberText.plain(1e-300)).isEqualTo("1.0e-300");
    assertThat(NumberText.plain(4_900_000)).isEqualTo("4,900,000");
    assertThat(NumberText.ratio(3e9)).isEqualTo("3.0e9x");
    assertThat(NumberText.ratePercent(1e9)).isEqualTo("+1.0e9%");
    assertThat(NumberText.result(1e308)).as("JSON keeps the number").doesNotContain("e308x");
  }
}
