package dev.privscreen.store;

import dev.privscreen.error.DataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Prune: forgets fetches, and the revisions only they needed, into a new generation of the store.
 * Every day's latest value is kept (look-backs are the point of the store) unless {@code
 * historyBefore} says otherwise; every fetch kept rebuilds as before. The new generation is built
 * beside the old and switched to by an atomic rename of {@code CURRENT}; call it holding the lock.
 */
public final class Compaction {
  private Compaction() {}

  /** What a prune did: the fetches forgotten, and the store's size before and after. */
  public record Result(List<String> forgotten, int kept, long bytesBefore, long bytesAfter) {}

  /**
   * @param keep whether a fetch stays reproducible by its id
   * @param historyBefore days before this are dropped from the history (null: none)
   */
  public static Result run(
      FactStore store, Predicate<FetchEntry> keep, LocalDate historyBefore, boolean dryRun) {
    Path gen = store.generation();
    FactStore.Index idx = FetchWriter.repair(gen);
    List<FetchEntry> all = idx.fetches();
    List<FetchEntry> kept = new ArrayList<>();
    List<String> forgotten = new ArrayList<>();
    for (FetchEntry e : all) {
      if (keep.test(e)) {
        kept.add(e);
      } else {
        forgotten.add(e.id());
      }
    }
    try {
      long before = Migration.sizeOf(gen);
      if (dryRun || (forgotten.isEmpty() && historyBefore == null && idx.damaged().isEmpty())) {
        return new Result(forgotten, kept.size(), before, before);
      }
      int n = Integer.parseInt(gen.getFileName().toString().substring(4)) + 1;
      Path tmp = store.dir().resolve(".gen-" + n + ".tmp");
      Migration.deleteTree(tmp);
      Files.createDirectories(tmp);
      long[] keptEnds = new long[kept.size()];
      long[][] newEnds = new long[kept.size()][FactTable.values().length];
      FetchEntry last = all.isEmpty() ? null : all.get(all.size() - 1);
      for (FactTable t : FactTable.values()) {
        for (int i = 0; i < kept.size(); i++) {
          keptEnds[i] = kept.get(i).factEnds()[t.ordinal()];
        }
        long end = last == null ? 0 : last.factEnds()[t.ordinal()];
        long[] mapped = rewrite(gen, tmp, t, end, keptEnds, historyBefore);
        for (int i = 0; i < kept.size(); i++) {
          newEnds[i][t.ordinal()] = mapped[i];
        }
      }
      StringBuilder index = new StringBuilder(FetchEntry.HEADER);
      Map<String, Long> segmentSizes = new HashMap<>();
      for (int i = 0; i < kept.size(); i++) {
        FetchEntry e = kept.get(i);
        byte[] member =
            FactStore.readRange(gen.resolve(e.recordFile()), e.recordOffset(), e.recordBytes());
        long offset = segmentSizes.getOrDefault(e.recordFile(), 0L);
        FetchWriter.appendForced(tmp.resolve(e.recordFile()), member);
        segmentSizes.put(e.recordFile(), offset + member.length);
        index.append(e.moved(offset, newEnds[i]).line());
      }
      FetchWriter.appendForced(
          tmp.resolve(FactStore.INDEX), index.toString().getBytes(StandardCharsets.UTF_8));
      Path next = store.dir().resolve("gen-" + n);
      Migration.deleteTree(next);
      Files.move(tmp, next, StandardCopyOption.ATOMIC_MOVE);
      AtomicFile.write(
          store.dir().resolve(FactStore.CURRENT), true, w -> w.write("gen-" + n + "\n"));
      Migration.deleteTree(gen);
      return new Result(forgotten, kept.size(), before, Migration.sizeOf(next));
    } catch (IOException x) {
      throw new DataException(gen + ": cannot prune: " + FactStore.reason(x), x);
    }
  }

  /**
   * Copies the rows of a fact file that a kept fetch sees, or that are their key's latest value,
   * and returns where each kept fetch's part of the file now ends.
   */
  private static long[] rewrite(
      Path gen, Path tmp, FactTable t, long end, long[] keptEnds, LocalDate historyBefore)
      throws IOException {
    long[] mapped = new long[keptEnds.length];
    if (end <= 0) {
      return mapped;
    }
    Path f = gen.resolve(t.file());
    byte[] bytes = FactStore.readRange(f, 0, Math.min(end, Files.size(f)));
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    List<Long> ends = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    List<LocalDate> days = new ArrayList<>();
    int start = 0;
    long pos = 0;
    int width = t.columns.length + 2;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      if (nl < 0) {
        break;
      }
      String line = text.substring(start, nl + 1);
      start = nl + 1;
      pos += line.getBytes(StandardCharsets.UTF_8).length;
      if (line.startsWith("fetch,")) {
        continue;
      }
      String[] all = CsvLine.split(line.substring(0, line.length() - 1));
      if (all == null || all.length != width) {
        continue; // a damaged row: prune drops it
      }
      String[] cells = Arrays.copyOfRange(all, 1, width - 1);
      LocalDate day;
      try {
        day = t.day(cells);
      } catch (RuntimeException x) {
        continue;
      }
      lines.add(line);
      ends.add(pos);
      keys.add(t.key(cells));
      days.add(day);
    }
    // a row is kept when it is its key's last, or the one a kept fetch sees
    Map<String, Integer> next = new HashMap<>();
    int[] nextOfRow = new int[lines.size()];
    for (int i = lines.size() - 1; i >= 0; i--) {
      Integer n = next.put(keys.get(i), i);
      nextOfRow[i] = n == null ? -1 : n;
    }
    StringBuilder out = new StringBuilder(t.header());
    long written = out.length();
    int k = 0;
    for (int i = 0; i < lines.size(); i++) {
      while (k < keptEnds.length && keptEnds[k] < ends.get(i)) {
        mapped[k++] = written;
      }
      boolean needed =
          nextOfRow[i] < 0 || seenByAKeptFetch(keptEnds, ends.get(i), ends.get(nextOfRow[i]));
      if (historyBefore != null && days.get(i) != null && days.get(i).isBefore(historyBefore)) {
        needed = false;
      }
      if (needed) {
        out.append(lines.get(i));
        written += lines.get(i).getBytes(StandardCharsets.UTF_8).length;
      }
    }
    while (k < keptEnds.length) {
      mapped[k++] = written;
    }
    FetchWriter.appendForced(
        tmp.resolve(t.file()), out.toString().getBytes(StandardCharsets.UTF_8));
    return mapped;
  }

  /** Whether a kept fetch's part ends at or after this row and before the key's next row. */
  private static boolean seenByAKeptFetch(long[] keptEnds, long rowEnd, long nextEnd) {
    int i = Arrays.binarySearch(keptEnds, rowEnd);
    if (i < 0) {
      i = -i - 1;
    } else {
      while (i > 0 && keptEnds[i - 1] == rowEnd) {
        i--;
      }
    }
    return i < keptEnds.length && keptEnds[i] < nextEnd;
  }
}
