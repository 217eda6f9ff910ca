package dev.privscreen.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privscreen.error.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The config file ({@code --config FILE}, else {@code $XDG_CONFIG_HOME/privscreen/config.json}),
 * what can be set there and nowhere is it more than a default: the command line wins over the
 * environment, which wins over this file.
 *
 * <pre>
 * {"coingecko_api_key": "CG-…", "coingecko_api_plan": "demo",
 *  "rate_limits": {"coingecko": 30}, "endpoints": {"okx": "https://…"},
 *  "universe": "universe.json"}
 * </pre>
 *
 * A file named with {@code --config} must exist; any file read must be valid, with no key we do not
 * know (a typo would otherwise be silently ignored). Errors are usage errors naming the file, line
 * and column.
 *
 * @param universe the user's universe file: {@code universe} resolved against the file's directory,
 *     else {@code universe.json} beside it
 */
public record Config(
    Path file,
    String coingeckoApiKey,
    String coingeckoApiPlan,
    Map<String, Double> rateLimits,
    Map<String, String> endpoints,
    Path universe,
    Map<String, String> notifyTargets) {

  public static final List<String> KEYS =
      List.of(
          "coingecko_api_key",
          "coingecko_api_plan",
          "rate_limits",
          "endpoints",
          "universe",
          "notify");

  /** Nothing configured; the universe file beside where the config would be. */
  public static Config none(Path file) {
    return new Config(
        file, null, null, Map.of(), Map.of(), file.resolveSibling("universe.json"), Map.of());
  }

  /**
   * @param explicit named by {@code --config}: then a missing file is an error
   */
  public static Config load(Path file, boolean explicit) {
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw new UsageException("--config: " + file + " is a directory, not a file");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      if (explicit) {
        throw new UsageException("--config: " + file + ": no such file");
      }
      return none(file);
    } catch (IOException e) {
      throw new UsageException(file + ": cannot read the config: " + e.getMessage());
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(bytes);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String m = e.getOriginalMessage();
      int nl = m == null ? -1 : m.indexOf('\n');
      throw new UsageException(
          file
              + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
              + ": not valid JSON: "
              + (nl < 0 ? m : m.substring(0, nl)));
    } catch (IOException e) {
      throw new UsageException(file + ": cannot read the config: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new UsageException(file + ": the config must be a JSON object");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!KEYS.contains(k)) {
        throw new UsageException(
            file + ": unknown key '" + k + "' (valid: " + String.join(", ", KEYS) + ")");
      }
    }
    String universe = text(file, root, "universe");
    return new Config(
        file,
        text(file, root, "coingecko_api_key"),
        text(file, root, "coingecko_api_plan"),
        numbers(file, root, "rate_limits"),
        texts(file, root, "endpoints"),
        file.toAbsolutePath()
            .resolveSibling(universe == null ? "universe.json" : universe)
            .normalize(),
        texts(file, root, "notify"));
  }

  private static String text(Path file, JsonNode root, String key) {
    JsonNode n = root.get(key);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw new UsageException(file + ": '" + key + "' must be a string");
    }
    return n.asText();
  }

  private static Map<String, Double> numbers(Path file, JsonNode root, String key) {
    Map<String, Double> out = new LinkedHashMap<>();
    object(file, root, key)
        .forEach(
            (name, v) -> {
              if (!v.isNumber()) {
                throw new UsageException(file + ": '" + key + "." + name + "' must be a number");
              }
              out.put(name, v.asDouble());
            });
    return out;
  }

  private static Map<String, String> texts(Path file, JsonNode root, String key) {
    Map<String, String> out = new LinkedHashMap<>();
    object(file, root, key)
        .forEach(
            (name, v) -> {
              if (!v.isTextual()) {
                throw new UsageException(file + ": '" + key + "." + name + "' must be a string");
              }
              out.put(name, v.asText());
            });
    return out;
  }

  private static Map<String, JsonNode> object(Path file, JsonNode root, String key) {
    JsonNode n = root.get(key);
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isObject()) {
      throw new UsageException(file + ": '" + key + "' must be an object");
    }
    n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** Never prints the key. */
  @Override
  public String toString() {
    // neither the key nor the notification URLs (they hold tokens): only the targets' names
    return "Config["
        + file
        + (coingeckoApiKey == null ? "" : ", key ***")
        + (notifyTargets.isEmpty() ? "" : ", notify " + notifyTargets.keySet())
        + "]";
  }
}
