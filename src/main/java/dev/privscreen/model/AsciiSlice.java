package dev.privscreen.model;

import java.nio.charset.StandardCharsets;

/**
 * ASCII text seen in place in a byte buffer: what a reader hands out for a cell instead of a
 * String. Parsers and {@link StringPool} read its bytes directly; anyone keeping it must copy it
 * ({@link #toString()}), as the buffer is reused.
 */
public final class AsciiSlice implements CharSequence {
  private byte[] bytes;
  private int start;
  private int end;

  /** Points this slice at {@code bytes[start, end)}, which must all be ASCII. */
  public AsciiSlice of(byte[] bytes, int start, int end) {
    this.bytes = bytes;
    this.start = start;
    this.end = end;
    return this;
  }

  public byte[] bytes() {
    return bytes;
  }

  public int start() {
    return start;
  }

  public int end() {
    return end;
  }

  @Override
  public int length() {
    return end - start;
  }

  @Override
  public char charAt(int index) {
    return (char) bytes[start + index];
  }

  @Override
  public CharSequence subSequence(int s, int e) {
    return new AsciiSlice().of(bytes, start + s, start + e);
  }

  @Override
  public String toString() {
    return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
  }
}
