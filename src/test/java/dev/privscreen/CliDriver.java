package dev.privscreen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privscreen.cli.Cli;
import dev.privscreen.cli.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the CLI in-process as a shell would, with its own streams and environment, and returns what
 * it printed. {@code toString()} shows everything, so a failed assertion explains itself.
 */
public final class CliDriver {
  public static final Path EXAMPLES = Path.of("examples");
  public static final String EXAMPLE_DIR = "examples/privacy-2025-11-07";
  public static final String EXAMPLE_JSON = "examples/privacy-2025-11-07.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<String, String> env = new HashMap<>();
  private InputStream stdin = new ByteArrayInputStream(new byte[0]);
  private boolean terminal;

  public CliDriver() {
    // never the user's real store
    env.put("PRIVSCREEN_HOME", "target/no-such-home-" + System.nanoTime());
  }

  /** A driver whose store is {@code home}, with retries 20 ms apart so fault tests run quickly. */
  /**
   * The store's fetches under {@code home} (its {@code PRIVSCREEN_HOME}), oldest first, each
   * exported as snapshot JSON ({@code home/exported/ID.json}), as {@code store export} writes it.
   */
  public static List<Path> storedSnapshots(Path home) {
    dev.privscreen.store.SnapshotStore store =
        new dev.privscreen.store.SnapshotStore(home.resolve("snapshots"));
    List<Path> out = new java.util.ArrayList<>();
    try {
      Path dir = java.nio.file.Files.createDirectories(home.resolve("exported"));
      for (String id : store.ids()) {
        Path f = dir.resolve(id + ".json");
        try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(f)) {
          dev.privscreen.store.SnapshotWriter.write(store.read(id, line -> {}), w);
        }
        out.add(f);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  public static CliDriver at(Path home) {
    return new CliDriver()
        .env("PRIVSCREEN_HOME", home.toString())
        .env("PRIVSCREEN_BACKOFF_MS", "20");
  }

  public CliDriver env(String key, String value) {
    env.put(key, value);
    return this;
  }

  public CliDriver stdin(String text) {
    stdin = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  public CliDriver terminal(boolean t) {
    terminal = t;
    return this;
  }

  public Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Cli.run(
            new Context(new PrintWriter(out), new PrintWriter(err), stdin, env, terminal), args);
    return new Result(code, out.toString(), err.toString(), List.of(args));
  }

  public static Result privscreen(String... args) {
    return new CliDriver().run(args);
  }

  /** What one run printed and returned. */
  public record Result(int exitCode, String stdout, String stderr, List<String> args) {
    public JsonNode json() {
      try {
        return MAPPER.readTree(stdout);
      } catch (IOException e) {
        throw new UncheckedIOException("stdout is not JSON: " + this, e);
      }
    }

    /** The {@code results} of a screen, by symbol. */
    public Map<String, JsonNode> bySymbol() {
      Map<String, JsonNode> m = new HashMap<>();
      for (JsonNode r : json().get("results")) {
        m.put(r.get("symbol").asText(), r);
      }
      return m;
    }

    public List<String> symbols() {
      List<String> s = new ArrayList<>();
      for (JsonNode r : json().get("results")) {
        s.add(r.get("symbol").asText());
      }
      return s;
    }

    @Override
    public String toString() {
      return "privscreen "
          + String.join(" ", args)
          + "\n--- exit "
          + exitCode
          + "\n--- stdout\n"
          + stdout
          + "--- stderr\n"
          + stderr;
    }
  }
}
