package dev.privscreen.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.privscreen.error.DataException;
import dev.privscreen.model.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large table is read in pieces on several cores. Here the pieces are made tiny, so that a small
 * table is cut in many places: the snapshot, and every error, must be exactly what reading it in
 * one go gives.
 */
class PiecesReadTest {
  @TempDir Path dir;

  static final int[] PIECE_SIZES = {1, 7, 40, 333, 4096};

  /** A history of {@code assets} × {@code days}, in a random but fixed order, with odd cells. */
  void write(int assets, int days, String eol, long seed) throws IOException {
    Random r = new Random(seed);
    StringBuilder a = new StringBuilder("id,symbol" + eol);
    for (int i = 0; i < assets; i++) {
      a.append("a").append(i).append(",S").append(i).append(eol);
    }
    Files.writeString(dir.resolve("assets.csv"), a);
    StringBuilder p = new StringBuilder("\uFEFFid,date,close_usd,volume_usd" + eol);
    StringBuilder o = new StringBuilder("id,venue,date,oi_usd" + eol);
    LocalDate first = LocalDate.of(2025, 9, 1);
    for (int d = 0; d < days; d++) {
      for (int i = 0; i < assets; i++) {
        String close = r.nextInt(10) == 0 ? "" : String.valueOf(r.nextInt(100_000) / 100.0);
        p.append("a").append(i).append(',').append(first.plusDays(d)).append(',');
        p.append(close).append(",\"").append(r.nextInt(1000)).append('"').append(eol);
        if (r.nextInt(8) == 0) {
          p.append(eol); // blank lines count as lines
        }
        for (String venue : new String[] {"Binance", "okx"}) {
          if (r.nextBoolean()) {
            o.append("a").append(i).append(',').append(venue).append(',');
            o.append(first.plusDays(d)).append(',').append(r.nextInt(5000)).append(eol);
          }
        }
      }
    }
    Files.writeString(dir.resolve("prices.csv"), p);
    Files.writeString(dir.resolve("open_interest.csv"), o);
  }

  Snapshot inOneGo() {
    return CsvSnapshotReader.read(dir, Long.MAX_VALUE, Long.MAX_VALUE);
  }

  Snapshot inPieces(long pieceBytes) {
    return CsvSnapshotReader.read(dir, 0, pieceBytes);
  }

  @Test
  void piecesGiveTheSameSnapshotAsOneGo() throws IOException {
    for (String eol : new String[] {"\n", "\r\n"}) {
      write(7, 30, eol, eol.length());
      Snapshot whole = inOneGo();
      assertThat(whole.prices()).hasSize(7 * 30);
      for (int size : PIECE_SIZES) {
        assertThat(inPieces(size)).as("pieces of %d bytes", size).isEqualTo(whole);
      }
    }
  }

  @Test
  void aScopedReadInPiecesKeepsTheSameDaysAsInOneGo() throws IOException {
    write(7, 30, "\n", 5);
    SnapshotReader.Scope days =
        new SnapshotReader.Scope(
            java.util.Set.of(), LocalDate.of(2025, 9, 11), LocalDate.of(2025, 9, 20));
    Snapshot whole = inOneGo();
    Snapshot scoped = CsvSnapshotReader.read(dir, Long.MAX_VALUE, Long.MAX_VALUE, days);

    assertThat(scoped.prices()).hasSize(7 * 10);
    assertThat(scoped.prices())
        .allMatch(p -> !p.date().isBefore(days.firstDay()) && !p.date().isAfter(days.lastDay()));
    assertThat(scoped.prices())
        .containsExactlyInAnyOrderElementsOf(
            whole.prices().stream()
                .filter(p -> !p.date().isBefore(days.firstDay()))
                .filter(p -> !p.date().isAfter(days.lastDay()))
                .toList());
    assertThat(scoped.asOf()).as("dated by its newest price, read or not").isEqualTo(whole.asOf());
    for (int size : PIECE_SIZES) {
      assertThat(CsvSnapshotReader.read(dir, 0, size, days))
          .as("pieces of %d bytes", size)
          .isEqualTo(scoped);
    }
  }

  @Test
  void aDuplicateNamesTheLinesOfTheWholeFile() throws IOException {
    write(5, 20, "\n", 1);
    Files.writeString(
        dir.resolve("prices.csv"),
        Files.readString(dir.resolve("prices.csv")) + "a3,2025-09-02,1,1\n");
    String expected = message(this::inOneGo);
    assertThat(expected).contains("duplicate price row for a3 on 2025-09-02");
    for (int size : PIECE_SIZES) {
      assertThat(message(() -> inPieces(size))).isEqualTo(expected);
    }
  }

  @Test
  void aBadCellNamesItsLineInTheWholeFile() throws IOException {
    write(5, 20, "\n", 2);
    String prices = Files.readString(dir.resolve("prices.csv"));
    int at = prices.indexOf("a2,2025-09-15,");
    Files.writeString(
        dir.resolve("prices.csv"),
        prices.substring(0, at) + "a2,2025-09-15,12abc,1\n" + prices.substring(at));
    String expected = message(this::inOneGo);
    assertThat(expected).contains("close_usd \"12abc\" is not a number");
    for (int size : PIECE_SIZES) {
      assertThat(message(() -> inPieces(size))).isEqualTo(expected);
    }
  }

  @Test
  void aQuotedCellWithLineBreaksMayBeCutAcross() throws IOException {
    write(3, 10, "\n", 3);
    Files.writeString(
        dir.resolve("assets.csv"), Files.readString(dir.resolve("assets.csv")) + "\"x\ny\",XY\n");
    StringBuilder p = new StringBuilder(Files.readString(dir.resolve("prices.csv")));
    for (int d = 1; d <= 9; d++) {
      p.append("\"x\n\ny\",2025-09-0").append(d).append(",").append(d).append(",\"\n\"\n");
    }
    Files.writeString(dir.resolve("prices.csv"), p);
    Snapshot whole = inOneGo();
    assertThat(whole.prices().stream().filter(q -> q.id().equals("x\n\ny"))).hasSize(9);
    for (int size : PIECE_SIZES) {
      assertThat(inPieces(size)).isEqualTo(whole);
    }
  }

  private static String message(Runnable read) {
    try {
      read.run();
    } catch (DataException e) {
      return e.getMessage();
    }
    throw new AssertionError("no error");
  }

  private String message(java.util.function.Supplier<Snapshot> read) {
    return message((Runnable) read::get);
  }

  @Test
  void aTableThatFailsInPiecesIsReportedInTableOrder() throws IOException {
    write(4, 10, "\n", 4);
    Files.writeString(dir.resolve("assets.csv"), "id,symbol\na0,S0\na0,S0\n");
    Files.writeString(
        dir.resolve("open_interest.csv"),
        Files.readString(dir.resolve("open_interest.csv")) + "a1,okx,2025-09-01,-1\n");
    assertThatThrownBy(() -> inPieces(40)).hasMessageContaining("assets.csv:3: duplicate asset");
  }
}
