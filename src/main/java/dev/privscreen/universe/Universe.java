package dev.privscreen.universe;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.privscreen.error.DataException;
import dev.privscreen.format.JsonIo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The privacy universe: the built-in members (a resource file), changed by an optional user file
 * {@code universe.json} in the config directory:
 *
 * <pre>
 * {"add":    [{"id": "mycoin", "symbol": "MYC", "name": "My Coin", "pairs": {"okx": "MYC-USDT-SWAP"}}],
 *  "remove": ["verge"],
 *  "pairs":  {"beam": {"binance": "BEAMUSDT"}}}
 * </pre>
 */
public record Universe(List<Member> members) {
  private static final String RESOURCE = "/dev/privscreen/universe.json";

  public Universe {
    members = List.copyOf(members);
  }

  public static Universe builtin() {
    try (InputStream in = Universe.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      List<Member> members = new ArrayList<>();
      new Reader("universe.json (built in)", in).builtin(members);
      return new Universe(members);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The built-in universe with the user's file applied, if it exists. */
  public static Universe load(Path userFile) {
    Universe u = builtin();
    if (userFile == null || !Files.isRegularFile(userFile)) {
      return u;
    }
    try (InputStream in = Files.newInputStream(userFile)) {
      return new Reader(userFile.toString(), in).apply(u);
    } catch (IOException e) {
      throw new DataException(userFile + ": cannot read: " + e.getMessage(), e);
    }
  }

  public Optional<Member> byId(String id) {
    return members.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  /**
   * The member a venue's pair belongs to: a pinned pair first, then the pair's base symbol ({@code
   * ZECUSDT}, {@code ZEC-USDT-SWAP} → ZEC) unless that member is pinned elsewhere on the venue.
   */
  public Optional<Member> forPair(String venue, String pair) {
    for (Member m : members) {
      if (m.pins().containsKey(venue) && pair.equals(m.pins().get(venue))) {
        return Optional.of(m);
      }
    }
    String base = baseSymbol(pair);
    for (Member m : members) {
      if (!m.pins().containsKey(venue) && m.symbol().equalsIgnoreCase(base)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** {@code ZECUSDT} → ZEC, {@code ZEC-USDT-SWAP} → ZEC, {@code ZEC/USDT} → ZEC. */
  public static String baseSymbol(String pair) {
    String p = pair.toUpperCase(Locale.ROOT);
    int sep = p.indexOf('-') >= 0 ? p.indexOf('-') : p.indexOf('/');
    if (sep > 0) {
      return p.substring(0, sep);
    }
    for (String quote : new String[] {"USDT", "USDC", "USD", "BUSD"}) {
      if (p.endsWith(quote) && p.length() > quote.length()) {
        return p.substring(0, p.length() - quote.length());
      }
    }
    return p;
  }

  /** Reads the built-in file and the user's changes with Jackson's streaming parser. */
  private static final class Reader {
    private final String name;
    private final InputStream in;

    Reader(String name, InputStream in) {
      this.name = name;
      this.in = in;
    }

    void builtin(List<Member> into) throws IOException {
      try (JsonParser p = JsonIo.FACTORY.createParser(in)) {
        expect(p, p.nextToken(), JsonToken.START_OBJECT, "an object");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          p.nextToken();
          if (key.equals("members")) {
            members(p, into, "builtin");
          } else {
            p.skipChildren();
          }
        }
      }
    }

    Universe apply(Universe base) throws IOException {
      Map<String, Member> byId = new LinkedHashMap<>();
      for (Member m : base.members()) {
        byId.put(m.id(), m);
      }
      try (JsonParser p = JsonIo.FACTORY.createParser(in)) {
        expect(p, p.nextToken(), JsonToken.START_OBJECT, "an object with add, remove, pairs");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          JsonToken t = p.nextToken();
          switch (key) {
            case "add" -> {
              List<Member> added = new ArrayList<>();
              members(p, added, "user");
              for (Member m : added) {
                byId.put(m.id(), m);
              }
            }
            case "remove" -> {
              expect(p, t, JsonToken.START_ARRAY, "a list of ids");
              while (p.nextToken() != JsonToken.END_ARRAY) {
                String id = p.getValueAsString();
                if (byId.remove(id) == null) {
                  throw error(p, "remove: '" + id + "' is not in the universe");
                }
              }
            }
            case "pairs" -> {
              expect(p, t, JsonToken.START_OBJECT, "an object of id -> {venue: pair}");
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String id = p.currentName();
                p.nextToken();
                Member m = byId.get(id);
                if (m == null) {
                  throw error(p, "pairs: '" + id + "' is not in the universe");
                }
                Map<String, String> pins = new LinkedHashMap<>(m.pins());
                pins.putAll(pins(p));
                byId.put(
                    id, new Member(m.id(), m.symbol(), m.name(), m.categories(), pins, "user"));
              }
            }
            default -> p.skipChildren();
          }
        }
      } catch (JsonProcessingException e) {
        throw new DataException(
            name + ":" + e.getLocation().getLineNr() + ": invalid JSON: " + e.getOriginalMessage());
      }
      return new Universe(new ArrayList<>(byId.values()));
    }

    private void members(JsonParser p, List<Member> into, String origin) throws IOException {
      expect(p, p.currentToken(), JsonToken.START_ARRAY, "a list of members");
      while (p.nextToken() == JsonToken.START_OBJECT) {
        String id = null;
        String symbol = null;
        String nm = null;
        List<String> categories = new ArrayList<>();
        Map<String, String> pins = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          p.nextToken();
          switch (key) {
            case "id" -> id = p.getValueAsString();
            case "symbol" -> symbol = p.getValueAsString();
            case "name" -> nm = p.getValueAsString();
            case "categories" -> {
              while (p.nextToken() != JsonToken.END_ARRAY) {
                categories.add(p.getValueAsString());
              }
            }
            case "pairs" -> pins = pins(p);
            default -> p.skipChildren();
          }
        }
        if (id == null || symbol == null) {
          throw error(p, "a member needs \"id\" and \"symbol\"");
        }
        into.add(new Member(id, symbol.toUpperCase(Locale.ROOT), nm, categories, pins, origin));
      }
    }

    private Map<String, String> pins(JsonParser p) throws IOException {
      expect(p, p.currentToken(), JsonToken.START_OBJECT, "an object of venue -> pair");
      Map<String, String> pins = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String venue = p.currentName().toLowerCase(Locale.ROOT);
        JsonToken v = p.nextToken();
        pins.put(venue, v == JsonToken.VALUE_NULL ? null : p.getValueAsString());
      }
      return pins;
    }

    private void expect(JsonParser p, JsonToken got, JsonToken want, String what) {
      if (got != want) {
        throw error(p, "expected " + what);
      }
    }

    private DataException error(JsonParser p, String message) {
      return new DataException(name + ":" + p.currentTokenLocation().getLineNr() + ": " + message);
    }
  }
}
