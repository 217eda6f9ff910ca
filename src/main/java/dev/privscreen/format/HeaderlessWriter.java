package dev.privscreen.format;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Passes everything on but its first line: {@code --no-header}, for the table and CSV, whose first
 * line is their header (CSV header names hold no line break).
 */
public final class HeaderlessWriter extends FilterWriter {
  private boolean skipping = true;

  public HeaderlessWriter(Writer out) {
    super(out);
  }

  @Override
  public void write(int c) throws IOException {
    if (skipping) {
      skipping = c != '\n';
    } else {
      out.write(c);
    }
  }

  @Override
  public void write(char[] buf, int off, int len) throws IOException {
    int i = off;
    while (skipping && i < off + len) {
      skipping = buf[i++] != '\n';
    }
    if (i < off + len) {
      out.write(buf, i, off + len - i);
    }
  }

  @Override
  public void write(String s, int off, int len) throws IOException {
    write(s.toCharArray(), off, len);
  }
}
