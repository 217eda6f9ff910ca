package dev.privscreen.source;

import dev.privscreen.error.DataException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A large CSV table cut into pieces of about equal size, each ending with a line break, so that
 * several cores can read one file. The first piece holds the header; the others share its columns.
 */
final class TablePieces {
  private final Path file;
  private final Table table;
  private final String[] columns;

  /** Piece k is bytes {@code bounds[k]} to {@code bounds[k + 1]} of the file. */
  private final long[] bounds;

  private TablePieces(Path file, Table table, String[] columns, long[] bounds) {
    this.file = file;
    this.table = table;
    this.columns = columns;
    this.bounds = bounds;
  }

  /**
   * The file in pieces of about {@code pieceBytes}; null when it is too small to be worth it, or
   * its header cannot be read (reading it whole then says why, in its turn).
   */
  static TablePieces split(Path file, Table table, long pieceBytes) {
    String name = file.toString();
    try {
      long size = Files.size(file);
      if (size < 2 * pieceBytes) {
        return null;
      }
      String[] columns;
      long dataStart;
      try (CsvCursor csv = new CsvCursor(Files.newInputStream(file), name)) {
        if (!csv.next()) {
          return null;
        }
        columns = CsvSnapshotReader.header(csv, table, name);
        dataStart = csv.offset();
      }
      int count = (int) Math.max(1, (size - dataStart) / pieceBytes);
      List<Long> bounds = new ArrayList<>(List.of(0L));
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
        for (int k = 1; k < count; k++) {
          long cut = afterLineBreak(ch, dataStart + (size - dataStart) * k / count, size);
          if (cut >= size) {
            break; // no line break near: no table, or a damaged one; one piece tells which
          }
          if (cut > bounds.get(bounds.size() - 1)) {
            bounds.add(cut);
          }
        }
      }
      bounds.add(size);
      return new TablePieces(
          file, table, columns, bounds.stream().mapToLong(Long::longValue).toArray());
    } catch (IOException | DataException e) {
      return null;
    }
  }

  /** Bytes of the pieces read so far, and the rows they kept: a later piece's estimate. */
  private final java.util.concurrent.atomic.AtomicLong readBytes =
      new java.util.concurrent.atomic.AtomicLong();

  private final java.util.concurrent.atomic.AtomicLong keptRows =
      new java.util.concurrent.atomic.AtomicLong();

  /** Piece {@code k} was read and kept {@code rows} rows. */
  void read(int k, int rows) {
    // (two counters: a reader may see a piece's rows before its bytes, a ratio a little high,
    // which costs some room, never a wrong row)
    keptRows.addAndGet(rows);
    readBytes.addAndGet(bytes(k));
  }

  /** Rows kept per byte by the pieces read so far; negative before any was. */
  double keptPerByte() {
    long b = readBytes.get();
    return b == 0 ? -1 : (double) keptRows.get() / b;
  }

  /** The bytes of piece {@code k}. */
  long bytes(int k) {
    return bounds[k + 1] - bounds[k];
  }

  int count() {
    return bounds.length - 1;
  }

  Path file() {
    return file;
  }

  Table table() {
    return table;
  }

  String[] columns() {
    return columns;
  }

  /** A cursor over piece {@code k}; the first piece's starts with the header. */
  CsvCursor open(int k) throws IOException {
    InputStream in = range(bounds[k], bounds[k + 1]);
    return k == 0 ? new CsvCursor(in, file.toString()) : CsvCursor.piece(in, file.toString());
  }

  /**
   * The offset just after the first line break at or after {@code from}; the size if none. It looks
   * no further than the longest record ({@link CsvCursor#MAX_RECORD_BYTES}): a file of zeros has no
   * line break, and looking to its end from every cut would take minutes.
   */
  private static long afterLineBreak(FileChannel ch, long from, long size) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    long pos = from;
    long end = Math.min(size, from + CsvCursor.MAX_RECORD_BYTES);
    while (pos < end) {
      buf.clear();
      int n = ch.read(buf, pos);
      if (n <= 0) {
        break;
      }
      for (int i = 0; i < n; i++) {
        if (buf.get(i) == '\n') {
          return pos + i + 1;
        }
      }
      pos += n;
    }
    return size;
  }

  /** Bytes {@code [from, to)} of the file, read where they are. */
  private InputStream range(long from, long to) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
    return new InputStream() {
      private long pos = from;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (pos >= to) {
          return -1;
        }
        int n = ch.read(ByteBuffer.wrap(b, off, (int) Math.min(len, to - pos)), pos);
        if (n > 0) {
          pos += n;
        }
        return n;
      }

      @Override
      public void close() throws IOException {
        ch.close();
      }
    };
  }
}
