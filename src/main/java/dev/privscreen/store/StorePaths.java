package dev.privscreen.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where privscreen keeps its files (SPEC §7): XDG directories, or all under {@code PRIVSCREEN_HOME}
 * when it is set (tests use it).
 */
public record StorePaths(Path snapshots, Path cache, Path config) {

  public static StorePaths from(Map<String, String> env) {
    String home = env.get("PRIVSCREEN_HOME");
    if (home != null && !home.isBlank()) {
      Path h = Path.of(home);
      return new StorePaths(h.resolve("snapshots"), h.resolve("cache"), h.resolve("config.json"));
    }
    Path user = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
    Path data = xdg(env, "XDG_DATA_HOME", user.resolve(".local/share"));
    Path cache = xdg(env, "XDG_CACHE_HOME", user.resolve(".cache"));
    Path config = xdg(env, "XDG_CONFIG_HOME", user.resolve(".config"));
    return new StorePaths(
        data.resolve("privscreen/snapshots"),
        cache.resolve("privscreen"),
        config.resolve("privscreen/config.json"));
  }

  private static Path xdg(Map<String, String> env, String name, Path dflt) {
    String v = env.get(name);
    // The XDG spec says relative paths are invalid and must be ignored.
    return v != null && v.startsWith("/") ? Path.of(v) : dflt;
  }
}
