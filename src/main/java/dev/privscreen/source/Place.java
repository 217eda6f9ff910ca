package dev.privscreen.source;

/**
 * Where a value was read, for error messages: {@code prices.csv:8} or {@code snap.json:12:20}. Kept
 * as numbers and made into text only when a message needs it: a snapshot has millions of rows and
 * almost never an error.
 */
record Place(String file, long line, long column) {

  @Override
  public String toString() {
    if (line < 1) {
      return file;
    }
    return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
  }
}
