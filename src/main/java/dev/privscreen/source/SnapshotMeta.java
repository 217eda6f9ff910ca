package dev.privscreen.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.privscreen.error.DataException;
import dev.privscreen.format.JsonIo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** The optional {@code snapshot.json} of a CSV directory: its as-of and category. */
record SnapshotMeta(Instant asOf, String category) {

  static SnapshotMeta read(Path file) {
    String name = file.toString();
    try (InputStream in = Files.newInputStream(file);
        JsonParser p = JsonIo.FACTORY.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new DataException(name + ": expected a JSON object with \"as_of\" and \"category\"");
      }
      Instant asOf = null;
      String category = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken value = p.nextToken();
        Place where = new Place(name, p.currentTokenLocation().getLineNr(), 0);
        boolean nested = value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY;
        Cell cell =
            Cell.of(
                where, key, value == JsonToken.VALUE_NULL || nested ? null : p.getText(), nested);
        if (nested) {
          p.skipChildren();
        }
        if (key.equals("as_of")) {
          asOf = Values.instant(cell);
        } else if (key.equals("category")) {
          category = Values.text(cell);
        }
      }
      return new SnapshotMeta(asOf, category);
    } catch (JsonProcessingException e) {
      throw new DataException(
          name + ":" + e.getLocation().getLineNr() + ": invalid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new DataException(name + ": cannot read: " + e.getMessage(), e);
    }
  }
}
