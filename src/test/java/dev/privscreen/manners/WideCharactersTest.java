package dev.privscreen.manners;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names in CJK or fullwidth characters: the table's columns still line up on a terminal. */
class WideCharactersTest {
  /** The terminal cells of a line, counted independently of the code under test (wcwidth's). */
  static int cells(String line) {
    return line.codePoints()
        .map(cp -> (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xFF00 && cp <= 0xFF60) ? 2 : 1)
        .sum();
  }

  @Test
  void theColumnsLineUpInDisplayCells() {
    String json =
        "{\"schema\":\"privscreen.snapshot/1\",\"as_of\":\"2025-11-07T00:00:00Z\",\"assets\":["
            + "{\"id\":\"a\",\"symbol\":\"A\",\"name\":\"零知识币\",\"price_usd\":1},"
            + "{\"id\":\"b\",\"symbol\":\"B\",\"name\":\"Zcash\",\"price_usd\":2},"
            + "{\"id\":\"c\",\"symbol\":\"C\",\"name\":\"Ｚｃａｓｈ\",\"price_usd\":3}]}";

    Result r =
        new CliDriver()
            .stdin(json)
            .run("screen", "--from", "-", "--fields", "symbol,name,price_usd");

    List<String> lines = r.stdout().lines().toList();
    assertThat(lines).hasSize(4);
    // every price ends in the same terminal column
    assertThat(lines.stream().map(WideCharactersTest::cells).distinct()).hasSize(1);
    assertThat(lines.get(1)).contains("零知识币");
  }
}
