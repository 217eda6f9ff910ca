package dev.privscreen.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.privscreen.error.DataException;
import dev.privscreen.format.JsonIo;
import dev.privscreen.format.Times;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What {@code screen --alert NAME} remembers between runs: the assets in the last result, and when
 * each was last alerted. Kept in {@code alerts/NAME.json} beside the snapshots, read and written
 * under {@code alerts/NAME.lock} so concurrent runs with one name never lose or repeat anything;
 * written atomically.
 */
public final class AlertState {
  /** The memory of one alert name. */
  public record State(Set<String> members, Map<String, Instant> alertedAt) {}

  private final Path file;
  private final Path lock;

  public AlertState(Path alertsDir, String name) {
    if (!name.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw new IllegalArgumentException(
          "--alert: '" + name + "' must be 1-64 letters, digits, '.', '_' or '-'");
    }
    this.file = alertsDir.resolve(name + ".json");
    this.lock = alertsDir.resolve(name + ".lock");
  }

  /**
   * Under the name's lock: reads the state, lets {@code update} compute the new one and what to
   * return, and writes the new state before the lock is released.
   */
  public <T> T update(Duration wait, Function<State, Map.Entry<State, T>> update) {
    return FileLocks.hold(
        lock,
        wait,
        "another privscreen run with this --alert",
        () -> {
          Map.Entry<State, T> next = update.apply(read());
          write(next.getKey());
          return next.getValue();
        });
  }

  State read() {
    Set<String> members = new TreeSet<>();
    Map<String, Instant> alerted = new TreeMap<>();
    if (!Files.isRegularFile(file)) {
      return new State(members, alerted);
    }
    try (JsonParser p = JsonIo.FACTORY.createParser(file.toFile())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new DataException(file + ": not an alert state object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        p.nextToken();
        if (key.equals("members")) {
          expect(p, JsonToken.START_ARRAY, "members", "an array of ids");
          while (p.nextToken() != JsonToken.END_ARRAY) {
            expect(p, JsonToken.VALUE_STRING, "members", "an array of ids");
            members.add(p.getText());
          }
        } else if (key.equals("alerted_at")) {
          expect(p, JsonToken.START_OBJECT, "alerted_at", "an object of id: time");
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String id = p.currentName();
            p.nextToken();
            expect(p, JsonToken.VALUE_STRING, "alerted_at", "an object of id: time");
            alerted.put(id, Instant.parse(p.getText()));
          }
        } else {
          p.skipChildren();
        }
      }
      return new State(members, alerted);
    } catch (IOException | RuntimeException e) {
      if (e instanceof DataException d) {
        throw d;
      }
      throw new DataException(
          file + ": damaged alert state (" + e.getMessage() + "); delete it to start over");
    }
  }

  /**
   * A state of the wrong type is damage, not an empty memory: taken as empty, it would alert every
   * asset again.
   */
  private void expect(JsonParser p, JsonToken want, String key, String what) {
    if (p.currentToken() != want) {
      throw new DataException(
          file
              + ":"
              + p.currentLocation().getLineNr()
              + ": damaged alert state: '"
              + key
              + "' must be "
              + what
              + "; delete the file to start over");
    }
  }

  private void write(State s) {
    try {
      AtomicFile.write(file, true, w -> json(s, w));
    } catch (IOException e) {
      throw new DataException(file + ": cannot write the alert state: " + e.getMessage(), e);
    }
  }

  private static void json(State s, Writer w) throws IOException {
    try (JsonGenerator g = JsonIo.FACTORY.createGenerator(w)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET); // AtomicFile still forces and renames
      g.writeStartObject();
      g.writeArrayFieldStart("members");
      List<String> sorted = new ArrayList<>(new TreeSet<>(s.members()));
      for (String id : sorted) {
        g.writeString(id);
      }
      g.writeEndArray();
      g.writeObjectFieldStart("alerted_at");
      for (Map.Entry<String, Instant> e : new TreeMap<>(s.alertedAt()).entrySet()) {
        g.writeStringField(e.getKey(), Times.instant(e.getValue()));
      }
      g.writeEndObject();
      g.writeEndObject();
    }
  }
}
