package dev.privscreen.source;

import dev.privscreen.error.DataException;
import dev.privscreen.model.AsciiSlice;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A CSV scanner over bytes: RFC 4180 (quoted cells, doubled quotes, line breaks inside quotes; LF,
 * CRLF or CR) with the reader's leniencies: cells are trimmed, blank lines skipped and a UTF-8
 * byte-order mark dropped. A cell is a view of the buffer rather than a String, valid until the
 * next record: a whole-market history has tens of millions of cells, nearly all of them numbers and
 * dates that are parsed once and never needed as text.
 */
final class CsvCursor implements Closeable {
  private static final int RECORD = 0;
  private static final int BLANK = 1;
  private static final int MORE = 2;
  private static final int END = 3;

  /** Cell flags: the cell must be decoded into a String rather than viewed as ASCII. */
  private static final byte NOT_ASCII = 1;

  private static final byte DOUBLED_QUOTES = 2;

  private final InputStream in;

  /** The longest record read; far past any row of the tables (SPEC §2). */
  static final int MAX_RECORD_BYTES = 16 << 20;

  private final String name;
  private byte[] buf;
  private int pos;
  private int limit;
  private boolean eof;
  private boolean started;

  /** The line of the byte at {@link #pos}, and of the current record's start. */
  private long line = 1;

  private long recordLine;

  /** The stream's offset of {@code buf[0]}. */
  private long base;

  private int count;
  private int[] from = new int[16];
  private int[] to = new int[16];
  private byte[] flags = new byte[16];
  private AsciiSlice[] slices = new AsciiSlice[0];

  CsvCursor(InputStream in, String name) {
    this(in, name, 1 << 20);
  }

  /** With a buffer of {@code bufferSize} bytes to start with; tests make it tiny. */
  CsvCursor(InputStream in, String name, int bufferSize) {
    this.in = in;
    this.name = name;
    this.buf = new byte[bufferSize];
  }

  /** A cursor over a piece of a file that starts at a line break: it has no byte-order mark. */
  static CsvCursor piece(InputStream in, String name) {
    CsvCursor c = new CsvCursor(in, name);
    c.started = true;
    return c;
  }

  /** Moves to the next record that is not a blank line; false at the end of the input. */
  boolean next() throws IOException {
    if (!started) {
      started = true;
      while (limit < 3 && !eof) {
        fill();
      }
      if (limit >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
        pos = 3;
      }
    }
    while (true) {
      int status = scan();
      if (status == RECORD) {
        return true;
      }
      if (status == END) {
        return false;
      }
      if (status == MORE) {
        fill();
      }
    }
  }

  /** The 1-based line the current record starts on. */
  long line() {
    return recordLine;
  }

  int cells() {
    return count;
  }

  /** How many bytes of the stream the records so far took, blank lines and all. */
  long offset() {
    return base + pos;
  }

  /** True when cell {@code i} is ASCII as it stands in the buffer, with no quotes to undo. */
  boolean plain(int i) {
    return flags[i] == 0;
  }

  /** The buffer that a plain cell {@code i} stands in, from {@link #start} to {@link #end}. */
  byte[] buffer() {
    return buf;
  }

  int start(int i) {
    return from[i];
  }

  int end(int i) {
    return to[i];
  }

  /** Cell {@code i} of the current record, trimmed; empty for an empty cell. */
  CharSequence cell(int i) {
    if (flags[i] == 0) {
      return slices[i].of(buf, from[i], to[i]);
    }
    String s = new String(buf, from[i], to[i] - from[i], StandardCharsets.UTF_8);
    return (flags[i] & DOUBLED_QUOTES) != 0 ? s.replace("\"\"", "\"") : s;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /**
   * Scans one record from {@link #pos}. Returns {@link #MORE}, having changed nothing, when the
   * buffer ends before the record does; the caller fills the buffer and scans again.
   */
  private int scan() {
    // the buffer and its end as locals: under C1 a field is loaded again at every byte
    final byte[] buf = this.buf;
    final int limit = this.limit;
    final boolean eof = this.eof;
    int i = pos;
    long ln = line;
    if (i == limit) {
      return eof ? END : MORE;
    }
    if (buf[i] == '\n' || buf[i] == '\r') {
      if (buf[i] == '\r' && i + 1 == limit && !eof) {
        return MORE;
      }
      pos = buf[i] == '\r' && i + 1 < limit && buf[i + 1] == '\n' ? i + 2 : i + 1;
      line = ln + 1;
      return BLANK;
    }
    int n = 0;
    while (true) {
      int start;
      int end;
      byte flag = 0;
      if (i < limit && buf[i] == '"') {
        i++;
        start = i;
        while (true) {
          if (i == limit) {
            if (!eof) {
              return MORE;
            }
            throw malformed(line, "a quoted cell is not closed before the end of the file");
          }
          byte b = buf[i];
          if (b == '"') {
            if (i + 1 == limit && !eof) {
              return MORE;
            }
            if (i + 1 < limit && buf[i + 1] == '"') {
              flag |= DOUBLED_QUOTES;
              i += 2;
              continue;
            }
            end = i;
            i++;
            break;
          }
          if (b == '\r') {
            if (i + 1 == limit && !eof) {
              return MORE;
            }
            if (i + 1 == limit || buf[i + 1] != '\n') {
              ln++;
            }
          } else if (b == '\n') {
            ln++;
          } else if (b < 0) {
            flag |= NOT_ASCII;
          }
          i++;
        }
        while (i < limit && (buf[i] == ' ' || buf[i] == '\t')) {
          i++;
        }
        if (i == limit && !eof) {
          return MORE;
        }
        if (i < limit && buf[i] != ',' && buf[i] != '\n' && buf[i] != '\r') {
          throw malformed(ln, "unexpected character after the closing quote of a cell");
        }
      } else {
        start = i;
        while (true) {
          // every byte above ',' (digits, letters, '.', '-': nearly all of a table) is part of
          // the cell: one comparison a byte, where four were a third of a whole-market read
          while (i < limit && buf[i] > ',') {
            i++;
          }
          if (i == limit) {
            break;
          }
          byte b = buf[i];
          if (b == ',' || b == '\n' || b == '\r') {
            break;
          }
          if (b < 0) {
            flag |= NOT_ASCII;
          }
          i++;
        }
        if (i == limit && !eof) {
          return MORE;
        }
        end = i;
      }
      while (start < end && buf[start] >= 0 && buf[start] <= ' ') {
        start++;
      }
      while (end > start && buf[end - 1] >= 0 && buf[end - 1] <= ' ') {
        end--;
      }
      if (n == from.length) {
        from = Arrays.copyOf(from, n * 2);
        to = Arrays.copyOf(to, n * 2);
        flags = Arrays.copyOf(flags, n * 2);
      }
      from[n] = start;
      to[n] = end;
      flags[n] = flag;
      n++;
      if (i == limit) {
        break;
      }
      if (buf[i] == ',') {
        i++;
        continue;
      }
      if (buf[i] == '\r') {
        if (i + 1 == limit && !eof) {
          return MORE;
        }
        if (i + 1 < limit && buf[i + 1] == '\n') {
          i++;
        }
      }
      i++;
      ln++;
      break;
    }
    if (slices.length < n) {
      int old = slices.length;
      slices = Arrays.copyOf(slices, from.length);
      for (int k = old; k < slices.length; k++) {
        slices[k] = new AsciiSlice();
      }
    }
    recordLine = line;
    line = ln;
    pos = i;
    count = n;
    return RECORD;
  }

  /** Keeps the unread part, then reads more; a record larger than the buffer doubles it. */
  private void fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      base += pos;
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      if (buf.length >= MAX_RECORD_BYTES) {
        // a record this long is no row of ours (a binary file, a file of zeros): say so now,
        // rather than doubling the buffer until the array index overflows minutes later
        throw malformed(
            line,
            "a record longer than " + (MAX_RECORD_BYTES >> 20) + " MiB; is this a CSV table?");
      }
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    int r = in.read(buf, limit, buf.length - limit);
    if (r < 0) {
      eof = true;
    } else {
      limit += r;
    }
  }

  private DataException malformed(long at, String what) {
    return new DataException(name + ":" + at + ": malformed CSV: " + what);
  }
}
