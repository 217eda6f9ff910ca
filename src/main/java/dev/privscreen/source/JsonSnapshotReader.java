package dev.privscreen.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.privscreen.error.DataException;
import dev.privscreen.format.JsonIo;
import dev.privscreen.model.Snapshot;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a {@code privscreen.snapshot/1} JSON document with Jackson's streaming parser, so each
 * error can name the line, column and JSON path, and no object model is built first.
 */
final class JsonSnapshotReader {
  private final String name;
  private final JsonParser p;
  private final SnapshotReader.Scope scope;

  private JsonSnapshotReader(String name, JsonParser p, SnapshotReader.Scope scope) {
    this.name = name;
    this.p = p;
    this.scope = scope;
  }

  static Snapshot read(String name, InputStream in) {
    return read(name, in, SnapshotReader.Scope.ALL);
  }

  static Snapshot read(String name, InputStream in, SnapshotReader.Scope scope) {
    try (JsonParser p = JsonIo.FACTORY.createParser(in)) {
      // a key twice in one object is an error, as a row twice in a table is: not last-one-wins
      p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      return new JsonSnapshotReader(name, p, scope).document();
    } catch (JsonProcessingException e) {
      throw new DataException(name + where(e.getLocation()) + ": " + said(e));
    } catch (IOException e) {
      throw new DataException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * What was wrong, in privscreen's words where Jackson's speak of its own settings: {@code
   * price_usd: NaN is not a number}, {@code price_usd: named twice in one object}.
   */
  static String said(JsonProcessingException e) {
    String m = firstLine(e.getOriginalMessage());
    String field = null;
    if (e.getProcessor() instanceof JsonParser jp) {
      try {
        field = jp.currentName();
      } catch (RuntimeException | java.io.IOException x) {
        field = null;
      }
    }
    java.util.regex.Matcher token =
        java.util.regex.Pattern.compile("Non-standard token '([^']*)'.*").matcher(m);
    if (token.matches()) {
      return (field == null ? "" : field + ": ") + token.group(1) + " is not a number";
    }
    java.util.regex.Matcher twice =
        java.util.regex.Pattern.compile("Duplicate (?:field|Object property) [\"']([^\"']*)[\"'].*")
            .matcher(m);
    if (twice.matches()) {
      return twice.group(1) + ": named twice in one object";
    }
    return "invalid JSON: " + m;
  }

  private Snapshot document() throws IOException {
    JsonToken first = p.nextToken();
    if (first == null) {
      throw new DataException(name + ": empty input, expected a snapshot JSON object");
    }
    if (first != JsonToken.START_OBJECT) {
      throw error("expected a snapshot JSON object");
    }
    SnapshotAssembler assembler = new SnapshotAssembler();
    assembler.keepDays(scope);
    String schema = null;
    Instant asOf = null;
    String category = null;
    boolean sawAssets = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken value = p.nextToken();
      switch (key) {
        case "schema" -> schema = java.util.Objects.toString(scalar(key).text(), null);
        case "as_of" -> asOf = Values.instant(scalar(key));
        case "category" -> category = Values.text(scalar(key));
        default -> {
          Table table = Table.byKey(key);
          if (table == null) {
            p.skipChildren(); // unknown keys are ignored (forward compatibility)
          } else if (value != JsonToken.VALUE_NULL) {
            sawAssets |= table == Table.ASSETS;
            readTable(table, assembler);
          }
        }
      }
    }
    if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
      throw error("unexpected content after the snapshot object");
    }
    if (schema == null) {
      throw new DataException(name + ": not a snapshot: \"schema\" is missing");
    }
    if (!schema.equals(Snapshot.SCHEMA)) {
      throw new DataException(
          name
              + ": schema "
              + Values.quote(schema)
              + " is not supported (expected "
              + Snapshot.SCHEMA
              + ")");
    }
    if (asOf == null) {
      throw new DataException(name + ": \"as_of\" is missing");
    }
    if (!sawAssets) {
      throw new DataException(name + ": \"assets\" is missing");
    }
    return assembler.build(asOf, category, name);
  }

  private void readTable(Table table, SnapshotAssembler assembler) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw error(table.key + " must be an array");
    }
    int index = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      String label = table.key + "[" + index + "]";
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw error(label + " must be an object");
      }
      Place rowWhere = place(p.currentTokenLocation());
      Map<String, Cell> cells = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String column = p.currentName();
        p.nextToken();
        cells.put(column, cell(label + "." + column));
      }
      Row row = new ObjectRow(rowWhere, label, cells);
      for (String required : table.requiredColumns) {
        if (!cells.containsKey(required) && !(table == Table.ASSETS)) {
          throw new DataException(rowWhere + ": " + label + ": \"" + required + "\" is missing");
        }
      }
      assembler.add(table, row);
      index++;
    }
  }

  private Cell scalar(String field) throws IOException {
    return cell(field);
  }

  private Cell cell(String field) throws IOException {
    Place where = place(p.currentTokenLocation());
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
      p.skipChildren();
      return Cell.of(where, field, null, true);
    }
    return Cell.of(where, field, t == JsonToken.VALUE_NULL ? null : p.getText(), false);
  }

  private DataException error(String message) {
    return new DataException(name + where(p.currentTokenLocation()) + ": " + message);
  }

  private Place place(JsonLocation loc) {
    return loc == null
        ? new Place(name, 0, 0)
        : new Place(name, loc.getLineNr(), loc.getColumnNr());
  }

  private static String where(JsonLocation loc) {
    if (loc == null || loc.getLineNr() < 1) {
      return "";
    }
    return ":" + loc.getLineNr() + ":" + loc.getColumnNr();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "malformed";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** An array element: its members by name; the label names a missing one ({@code prices[3]}). */
  private record ObjectRow(Place where, String label, Map<String, Cell> cells) implements Row {
    @Override
    public Cell cell(String column) {
      Cell c = cells.get(column);
      return c != null ? c : Cell.of(where, label + "." + column, null, false);
    }
  }
}
