package dev.privscreen.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Text → a dense code (0, 1, 2, … in order of first appearance). The columns keep codes, not
 * strings: a history of millions of rows names only thousands of assets, and a reader can look a
 * cell up without first making it into a String.
 */
public final class StringPool {
  private String[] texts = new String[16];

  /** Each text's Latin-1 bytes, to compare with an {@link AsciiSlice}; null when not Latin-1. */
  private byte[][] latin1 = new byte[16][];

  /** The code of the last look-up: the rows of a table mostly come asset by asset. */
  private int last = -1;

  private int size;

  /** Open addressing: code + 1 per slot, 0 for an empty slot. */
  private int[] slots = new int[64];

  /** The code of {@code text}, added when it is new. */
  public int code(CharSequence text) {
    if (text instanceof AsciiSlice a) {
      return code(a.bytes(), a.start(), a.end());
    }
    int mask = slots.length - 1;
    for (int i = spread(hash(text)) & mask; ; i = (i + 1) & mask) {
      int c = slots[i] - 1;
      if (c < 0) {
        return add(text.toString(), i);
      }
      if (texts[c].contentEquals(text)) {
        return c;
      }
    }
  }

  /** The code of the ASCII text {@code bytes[from, to)}, added when it is new. */
  private int code(byte[] bytes, int from, int to) {
    if (last >= 0 && same(latin1[last], bytes, from, to)) {
      return last;
    }
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + bytes[i];
    }
    int mask = slots.length - 1;
    for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
      int c = slots[i] - 1;
      if (c < 0) {
        return last = add(new String(bytes, from, to - from, StandardCharsets.ISO_8859_1), i);
      }
      if (same(latin1[c], bytes, from, to)) {
        return last = c;
      }
    }
  }

  private static boolean same(byte[] text, byte[] bytes, int from, int to) {
    return text != null && Arrays.equals(text, 0, text.length, bytes, from, to);
  }

  public String text(int code) {
    return texts[code];
  }

  public int size() {
    return size;
  }

  private int add(String text, int slot) {
    if (size == texts.length) {
      texts = Arrays.copyOf(texts, size * 2);
      latin1 = Arrays.copyOf(latin1, size * 2);
    }
    texts[size] = text;
    latin1[size] = isLatin1(text) ? text.getBytes(StandardCharsets.ISO_8859_1) : null;
    slots[slot] = ++size;
    if (size * 2 > slots.length) {
      rehash();
    }
    return size - 1;
  }

  private static boolean isLatin1(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0xFF) {
        return false;
      }
    }
    return true;
  }

  private void rehash() {
    slots = new int[slots.length * 2];
    int mask = slots.length - 1;
    for (int c = 0; c < size; c++) {
      int i = spread(texts[c].hashCode()) & mask;
      while (slots[i] != 0) {
        i = (i + 1) & mask;
      }
      slots[i] = c + 1;
    }
  }

  /** The same value as {@link String#hashCode()}, for any character sequence. */
  private static int hash(CharSequence t) {
    if (t instanceof String s) {
      return s.hashCode();
    }
    int h = 0;
    for (int i = 0, n = t.length(); i < n; i++) {
      h = 31 * h + t.charAt(i);
    }
    return h;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }
}
