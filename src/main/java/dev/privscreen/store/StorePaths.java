package dev.privscreen.store;

import dev.privscreen.error.DataException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where privscreen keeps its files (SPEC §7): XDG directories, or all under {@code PRIVSCREEN_HOME}
 * when it is set (tests use it). Without an absolute home ({@code HOME} unset, empty or relative,
 * and no XDG directory for it) there is no place: a command that needs the store or the cache says
 * so in one line, one that does not ({@code screen --from}) runs; the config is then none.
 */
public record StorePaths(Path snapshots, Path cache, Path config) {

  /** Why there is no place, for a path that is null. */
  static final String NO_PLACE =
      "no place for privscreen's files: HOME is unset, empty or not an absolute path; set"
          + " PRIVSCREEN_HOME (or XDG_DATA_HOME and XDG_CACHE_HOME) to a directory";

  public static StorePaths from(Map<String, String> env) {
    String home = env.get("PRIVSCREEN_HOME");
    if (home != null && !home.isBlank()) {
      Path h = Path.of(home);
      return new StorePaths(h.resolve("snapshots"), h.resolve("cache"), h.resolve("config.json"));
    }
    Path user = user(env);
    Path data = xdg(env, "XDG_DATA_HOME", user, ".local/share");
    Path cache = xdg(env, "XDG_CACHE_HOME", user, ".cache");
    Path config = xdg(env, "XDG_CONFIG_HOME", user, ".config");
    return new StorePaths(
        data == null ? null : data.resolve("privscreen/snapshots"),
        cache == null ? null : cache.resolve("privscreen"),
        config == null ? null : config.resolve("privscreen/config.json"));
  }

  /** The store's directory; a one-line error (exit 3) when there is no place for it. */
  @Override
  public Path snapshots() {
    if (snapshots == null) {
      throw new DataException(NO_PLACE);
    }
    return snapshots;
  }

  /** The HTTP cache's directory; a one-line error when there is no place for it. */
  @Override
  public Path cache() {
    if (cache == null) {
      throw new DataException(NO_PLACE);
    }
    return cache;
  }

  /** The default config file; one that does not exist when there is no place (no config). */
  @Override
  public Path config() {
    return config == null ? Path.of("/nonexistent/privscreen/config.json") : config;
  }

  /**
   * HOME when it is an absolute path; when unset, the JVM's user.home (from the password database);
   * null when empty or relative, as a relative home would put files under the working directory,
   * and an empty one at the root.
   */
  private static Path user(Map<String, String> env) {
    String v = env.get("HOME");
    if (v == null) {
      v = System.getProperty("user.home");
    }
    return v != null && v.startsWith("/") ? Path.of(v) : null;
  }

  private static Path xdg(Map<String, String> env, String name, Path user, String under) {
    String v = env.get(name);
    // The XDG spec says relative paths are invalid and must be ignored.
    if (v != null && v.startsWith("/")) {
      return Path.of(v);
    }
    return user == null ? null : user.resolve(under);
  }
}
