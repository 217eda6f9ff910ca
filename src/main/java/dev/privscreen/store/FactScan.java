package dev.privscreen.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

/** Reads a fact file's rows as far as a fetch saw them, passing over the damaged ones. */
final class FactScan {
  private FactScan() {}

  /** Takes each row of a fact file: its cells (SPEC §2's columns) and whether it withdraws. */
  @FunctionalInterface
  interface RowSink {
    void row(String[] cells, boolean gone);
  }

  /**
   * Reads a fact file's rows up to {@code end} bytes, the part a fetch saw; a row that does not
   * read is skipped, and the file named in one warning.
   */
  static void scan(Path gen, FactTable t, long end, RowSink sink, Consumer<String> warn) {
    scan(gen, t, end, null, sink, warn);
  }

  /**
   * @param fromDay rows of earlier days are passed over unread (a fetch compares only the days its
   *     APIs returned), or null for all
   */
  static void scan(
      Path gen, FactTable t, long end, String fromDay, RowSink sink, Consumer<String> warn) {
    scan(gen, t, 0, end, fromDay, sink, warn);
  }

  /**
   * @param from where to start reading: a row's start (a fetch's end of this file), before which no
   *     row of {@code fromDay} or later can be ({@link FactStore.Index#startsBefore}); 0 for the
   *     file's start
   */
  static void scan(
      Path gen,
      FactTable t,
      long from,
      long end,
      String fromDay,
      RowSink sink,
      Consumer<String> warn) {
    if (end <= 0 || from >= end) {
      return;
    }
    Path f = gen.resolve(t.file());
    byte[] bytes;
    try {
      long size = Files.size(f);
      if (size < end) {
        warn.accept(
            f
                + ": "
                + size
                + " bytes where the index says "
                + end
                + ": the facts past it are lost");
        end = size;
      }
      bytes = FactStore.readRange(f, from, end - from);
    } catch (NoSuchFileException x) {
      warn.accept(f + ": missing: its facts are lost");
      return;
    } catch (IOException x) {
      warn.accept(f + ": cannot read (" + FactStore.reason(x) + "): its facts are lost");
      return;
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    int width = t.columns.length + 2;
    int lineNo = 0;
    int bad = 0;
    int firstBad = 0;
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      if (nl < 0) {
        nl = text.length();
      }
      String line = text.substring(start, nl);
      start = nl + 1;
      lineNo++;
      if (from == 0 && lineNo == 1 && line.startsWith("fetch,")) {
        continue;
      }
      if (fromDay != null && before(line, t.dateCell() + 1, fromDay)) {
        continue;
      }
      String[] all = CsvLine.split(line);
      if (all == null
          || all.length != width
          || all[1].isEmpty()
          || !(all[width - 1].isEmpty() || all[width - 1].equals("1"))) {
        if (bad++ == 0) {
          firstBad = lineNo;
        }
        continue;
      }
      sink.row(Arrays.copyOfRange(all, 1, width - 1), all[width - 1].equals("1"));
    }
    if (bad > 0) {
      warn.accept(
          f
              + (from == 0 ? ":" + firstBad : " (line " + firstBad + " after byte " + from + ")")
              + ": damaged row skipped"
              + (bad > 1 ? " (and " + (bad - 1) + " more)" : ""));
    }
  }

  /** Whether the line's cell {@code cell} is a day before {@code day}; false when unsure. */
  private static boolean before(String line, int cell, String day) {
    int at = 0;
    for (int i = 0; i < cell; i++) {
      at = line.indexOf(',', at) + 1;
      if (at == 0) {
        return false;
      }
    }
    if (at + 10 > line.length() || line.indexOf('"') >= 0) {
      return false;
    }
    for (int i = 0; i < day.length(); i++) {
      char a = line.charAt(at + i);
      char b = day.charAt(i);
      if (a != b) {
        return a < b;
      }
    }
    return false;
  }
}
