package dev.privscreen.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.privscreen.error.DataException;
import dev.privscreen.format.JsonIo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The optional {@code snapshot.json} of a CSV directory: its as-of and category. */
record SnapshotMeta(Instant asOf, String category) {

  /** A member of the file's object: its value's text (null for null or nested) and line. */
  record Member(String key, String text, boolean nested, int line) {}

  /** Files up to this size are read whole and may take the flat path. */
  private static final int FLAT_MAX_BYTES = 64 << 10;

  static SnapshotMeta read(Path file) {
    String name = file.toString();
    List<Member> members;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(FLAT_MAX_BYTES + 1);
      members = head.length <= FLAT_MAX_BYTES ? flat(head) : null;
      if (members == null) {
        members = parsed(name, new SequenceInputStream(new ByteArrayInputStream(head), in));
      }
    } catch (IOException e) {
      throw new DataException(name + ": cannot read: " + e.getMessage(), e);
    }
    Instant asOf = null;
    String category = null;
    for (Member m : members) {
      Cell cell = Cell.of(new Place(name, m.line(), 0), m.key(), m.text(), m.nested());
      if (m.key().equals("as_of")) {
        asOf = Values.instant(cell);
      } else if (m.key().equals("category")) {
        category = Values.text(cell);
      }
    }
    return new SnapshotMeta(asOf, category);
  }

  /** The members as Jackson reads them: the authority, for any JSON and for every error. */
  static List<Member> parsed(String name, InputStream in) throws IOException {
    try (JsonParser p = JsonIo.FACTORY.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new DataException(name + ": expected a JSON object with \"as_of\" and \"category\"");
      }
      List<Member> members = new ArrayList<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken value = p.nextToken();
        int line = p.currentTokenLocation().getLineNr();
        boolean nested = value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY;
        members.add(
            new Member(
                key, value == JsonToken.VALUE_NULL || nested ? null : p.getText(), nested, line));
        if (nested) {
          p.skipChildren();
        }
      }
      return members;
    } catch (JsonProcessingException e) {
      throw new DataException(
          name + ":" + e.getLocation().getLineNr() + ": invalid JSON: " + e.getOriginalMessage());
    }
  }

  /**
   * The members of the usual file, an ASCII object of strings and nulls without escapes, read
   * without Jackson's parser; null for anything else, which {@link #parsed} then reads. Why: the
   * parser's class initializer builds {@code BigDecimal} constants, and on JDK 24+ BigDecimal's own
   * initializer computes tables of powers of ten, 9 ms of a screen's 175 on the .deb's runtime
   * (JDK-8341470); nothing else a screen of a CSV directory does needs BigDecimal (issue 22). Lines
   * are counted as Jackson counts them (LF, CR or CRLF), for the same error messages; like {@link
   * #parsed}, it reads no further than the object's end.
   */
  static List<Member> flat(byte[] b) {
    int[] at = {0, 1}; // position, line
    List<Member> members = new ArrayList<>();
    if (!skip(b, at) || b[at[0]] != '{') {
      return null;
    }
    at[0]++;
    if (!skip(b, at)) {
      return null;
    }
    if (b[at[0]] == '}') {
      return members;
    }
    while (true) {
      String key = string(b, at);
      if (key == null || !skip(b, at) || b[at[0]++] != ':' || !skip(b, at)) {
        return null;
      }
      int line = at[1];
      String text;
      if (b[at[0]] == '"') {
        text = string(b, at);
        if (text == null) {
          return null;
        }
      } else if (b.length - at[0] >= 4
          && new String(b, at[0], 4, StandardCharsets.US_ASCII).equals("null")) {
        text = null;
        at[0] += 4;
      } else {
        return null; // a number, a boolean, an object or an array: Jackson reads those
      }
      members.add(new Member(key, text, false, line));
      if (!skip(b, at)) {
        return null;
      }
      byte c = b[at[0]++];
      if (c == '}') {
        return members;
      }
      if (c != ',' || !skip(b, at)) {
        return null;
      }
    }
  }

  /** Skips JSON white space, counting lines; false at the end of the bytes. */
  private static boolean skip(byte[] b, int[] at) {
    int i = at[0];
    while (i < b.length) {
      byte c = b[i];
      if (c == '\n' || c == '\r') {
        at[1]++;
        if (c == '\r' && i + 1 < b.length && b[i + 1] == '\n') {
          i++;
        }
      } else if (c != ' ' && c != '\t') {
        break;
      }
      i++;
    }
    at[0] = i;
    return i < b.length;
  }

  /** A string at {@code at} of printable ASCII without escapes; null for anything else. */
  private static String string(byte[] b, int[] at) {
    int start = at[0];
    if (start >= b.length || b[start] != '"') {
      return null;
    }
    for (int i = start + 1; i < b.length; i++) {
      byte c = b[i];
      if (c == '"') {
        at[0] = i + 1;
        return new String(b, start + 1, i - start - 1, StandardCharsets.US_ASCII);
      }
      if (c == '\\' || c < 0x20 || c > 0x7e) {
        return null;
      }
    }
    return null;
  }
}
