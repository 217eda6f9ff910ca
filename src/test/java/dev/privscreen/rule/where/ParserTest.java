package dev.privscreen.rule.where;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParserTest {
  static final Map<String, Type> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("symbol", Type.TEXT);
    FIELDS.put("gain_7d_pct", Type.NUMBER);
    FIELDS.put("market_cap_usd", Type.NUMBER);
    FIELDS.put("fdv_usd", Type.NUMBER);
    FIELDS.put("oi_usd", Type.NUMBER);
  }

  static Object eval(String text, Map<String, Object> row) {
    Expr e = Parser.parse(text);
    e.check(FIELDS);
    return e.eval(row::get);
  }

  static Map<String, Object> zec() {
    Map<String, Object> r = new HashMap<>();
    r.put("symbol", "ZEC");
    r.put("gain_7d_pct", 90.0);
    r.put("market_cap_usd", 8.6e9);
    r.put("fdv_usd", 1.1e10);
    r.put("oi_usd", null);
    return r;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '¦',
      quoteCharacter = '`',
      value = {
        "gain_7d_pct >= 90                                                ¦ true",
        "gain_7d_pct >= 100 && market_cap_usd > 100M && symbol != \"ZK\"  ¦ false",
        "gain_7d_pct >= 50 && market_cap_usd > 1B && symbol != 'ZK'       ¦ true",
        "fdv_usd * 20 < 5B                                                ¦ false",
        "fdv_usd * 20 > 200B                                              ¦ true",
        "1 + 2 * 3 == 7                                                   ¦ true",
        "(1 + 2) * 3 == 9                                                 ¦ true",
        "10 - 2 - 3 == 5                                                  ¦ true",
        "8 / 2 / 2 == 2                                                   ¦ true",
        "-gain_7d_pct < 0                                                 ¦ true",
        "symbol in [\"XMR\", \"ZEC\"]                                     ¦ true",
        "symbol in ['XMR']                                                ¦ false",
        "!(symbol == 'ZEC') || gain_7d_pct > 0                            ¦ true",
        "! gain_7d_pct > 100                                              ¦ true",
        "oi_usd / market_cap_usd > 0.1                                    ¦ false",
        "!(oi_usd / market_cap_usd > 0.1)                                 ¦ true",
        "oi_usd != 0                                                      ¦ false",
        "market_cap_usd / 0 > 1                                           ¦ false",
        "symbol < 'ZK' && symbol > 'XMR'                                  ¦ true",
        "1.5k == 1500 && 2M == 2e6 && .5 == 0.5                           ¦ true",
        "false_field_free == 1 || true_is_not_a_keyword == 1              ¦ ERROR",
      })
  void evaluatesAsDocumented(String text, String expected) {
    if (expected.equals("ERROR")) {
      assertThatThrownBy(() -> eval(text, zec())).isInstanceOf(WhereException.class);
    } else {
      assertThat(eval(text, zec())).isEqualTo(Boolean.parseBoolean(expected));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '¦',
      quoteCharacter = '`',
      value = {
        "gain_7d_pct >             ¦ --where: at 13: expected a value after '>'",
        "gain_7d_pct > > 1         ¦ --where: at 15: expected a value after '>', found '>'",
        "gain_7d_pct = 1           ¦ --where: at 13: unexpected '=' (did you mean '=='?)",
        "gain_7d_pct > 1 & x       ¦ --where: at 17: unexpected '&' (did you mean '&&'?)",
        "(gain_7d_pct > 1          ¦ --where: at 17: expected ')' after '1', found the end",
        "gain_7d_pct > 1 1         ¦ --where: at 17: unexpected '1' after '1'",
        "symbol == \"ZEC           ¦ --where: at 11: unterminated string",
        "symbol in [ZEC]           ¦ --where: at 12: expected a number or a string in the list after '['",
        "gain_7d_pct > 12abc       ¦ --where: at 15: '12a' is not a number (suffixes: k, M, B)",
        "gain_7d_pct ? 1           ¦ --where: at 13: unexpected '?'",
      })
  void syntaxErrorsNameTheColumn(String text, String message) {
    assertThatThrownBy(() -> Parser.parse(text))
        .isInstanceOf(WhereException.class)
        .hasMessage(message);
  }

  @Test
  void anEmptyExpressionIsAnError() {
    assertThatThrownBy(() -> Parser.parse("  ")).hasMessageContaining("the expression is empty");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '¦',
      quoteCharacter = '`',
      value = {
        "gain7d > 1                 ¦ --where: at 1: unknown field 'gain7d' (valid: symbol, gain_7d_pct, market_cap_usd, fdv_usd, oi_usd)",
        "symbol > 1                 ¦ --where: at 8: cannot compare text with a number",
        "symbol * 2 > 1             ¦ --where: at 1: '*' needs numbers on both sides, not text",
        "gain_7d_pct && symbol == 'a' ¦ --where: at 1: '&&' joins conditions, not a number",
        "!gain_7d_pct               ¦ --where: at 2: '!' needs a condition, not a number",
        "symbol in [1, 2]           ¦ --where: at 12: the list of 'in' must hold text like its left side, not a number",
      })
  void typeErrorsNameTheColumn(String text, String message) {
    Expr e = Parser.parse(text);
    assertThatThrownBy(() -> e.check(FIELDS))
        .isInstanceOf(WhereException.class)
        .hasMessage(message);
  }
}
