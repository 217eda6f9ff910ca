package dev.privscreen.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.privscreen.error.DataException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte-level CSV scanner, with buffers from 1 byte up so that every record and every cell also
 * straddles a refill of the buffer.
 */
class CsvCursorTest {
  /** Each record as "line: cell|cell|…". */
  static List<String> records(String csv, int bufferSize, int chunk) throws IOException {
    List<String> out = new ArrayList<>();
    try (CsvCursor c = new CsvCursor(trickle(csv, chunk), "t.csv", bufferSize)) {
      while (c.next()) {
        StringBuilder b = new StringBuilder().append(c.line()).append(": ");
        for (int i = 0; i < c.cells(); i++) {
          b.append(i == 0 ? "" : "|").append(c.cell(i));
        }
        out.add(b.toString());
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 64, 1 << 20})
  void quotedCellsLineBreaksAndBlankLines(int bufferSize) throws IOException {
    String csv =
        "\uFEFFid,name , note\r\n"
            + "zcash,\"Zcash, Inc.\",\"said \"\"hi\"\"\"\n"
            + "\n"
            + "  dash ,Dash,\"two\nlines\"\r"
            + "\r\n"
            + "firo,Firo,\"Zürich \"\n"
            + "x,,";

    for (int chunk : new int[] {1, 5, 1000}) {
      assertThat(records(csv, bufferSize, chunk))
          .containsExactly(
              "1: id|name|note",
              "2: zcash|Zcash, Inc.|said \"hi\"",
              "4: dash|Dash|two\nlines",
              "7: firo|Firo|Zürich",
              "8: x||");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4, 1 << 20})
  void anUnclosedQuoteNamesTheLineItStartsOn(int bufferSize) {
    assertThatThrownBy(() -> records("a,b\n1,\"open\n2,3\n", bufferSize, 3))
        .isInstanceOf(DataException.class)
        .hasMessage(
            "t.csv:2: malformed CSV: a quoted cell is not closed before the end of the file");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 1 << 20})
  void textAfterAClosingQuoteIsMalformed(int bufferSize) {
    assertThatThrownBy(() -> records("a,b\n\"x\"y,2\n", bufferSize, 2))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("t.csv:2: malformed CSV: unexpected character after the closing");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 1 << 20})
  void emptyInputsHaveNoRecords(int bufferSize) throws IOException {
    assertThat(records("", bufferSize, 1)).isEmpty();
    assertThat(records("\uFEFF", bufferSize, 1)).isEmpty();
    assertThat(records("\n\r\n\r", bufferSize, 1)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 16, 1 << 20})
  void randomTablesReadBackCellForCell(int bufferSize) throws IOException {
    Random r = new Random(bufferSize);
    for (int round = 0; round < 50; round++) {
      List<String> expected = new ArrayList<>();
      StringBuilder csv = new StringBuilder();
      int line = 1;
      for (int row = 0; row < 1 + r.nextInt(8); row++) {
        StringBuilder want = new StringBuilder().append(line).append(": ");
        int cells = 1 + r.nextInt(5);
        for (int i = 0; i < cells; i++) {
          String v = randomValue(r);
          want.append(i == 0 ? "" : "|").append(v);
          boolean quote =
              v.isEmpty() ? r.nextBoolean() : v.matches("(?s).*[,\"\n].*") || r.nextInt(4) == 0;
          csv.append(i == 0 ? "" : ",").append(quote ? '"' + v.replace("\"", "\"\"") + '"' : v);
          line += v.chars().filter(ch -> ch == '\n').count();
        }
        if (cells == 1 && want.toString().endsWith(": ") && !csv.toString().endsWith("\"")) {
          csv.append("\"\""); // a lone empty cell would be a blank line
        }
        csv.append(r.nextBoolean() ? "\n" : "\r\n");
        line++;
        expected.add(want.toString());
      }
      assertThat(records(csv.toString(), bufferSize, 1 + r.nextInt(9)))
          .as("%s", csv)
          .isEqualTo(expected);
    }
  }

  private static String randomValue(Random r) {
    String alphabet = "ab1.,\"\né";
    StringBuilder v = new StringBuilder();
    for (int i = r.nextInt(6); i > 0; i--) {
      v.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return v.toString().strip();
  }

  /** An input stream that hands out at most {@code chunk} bytes a read, as pipes do. */
  private static InputStream trickle(String text, int chunk) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }
}
