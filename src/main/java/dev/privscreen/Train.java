package dev.privscreen;

import dev.privscreen.cli.Cli;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The training run of the launcher's AOT cache (JDK 24+, JEP 483/514/515): the commands a start-up
 * is spent on most (a screen as JSON and as a table, a sector summary), run in this process on the
 * example bundled in the jar, their output dropped. The JVM records what they load and link; the
 * launcher then makes the cache from that record, once for a jar and a JDK. Nothing is written but
 * a temporary copy of the example, removed after.
 */
public final class Train {
  private Train() {}

  static final List<String> TABLES =
      List.of(
          "assets.csv",
          "prices.csv",
          "open_interest.csv",
          "listings.csv",
          "metrics.csv",
          "snapshot.json");

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("privscreen-train");
    try {
      for (String t : TABLES) {
        try (InputStream in = Train.class.getResourceAsStream("train/" + t)) {
          if (in == null) {
            return; // a jar built without the example: nothing to train on
          }
          Files.copy(in, dir.resolve(t), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      String from = dir.toString();
      PrintWriter none = new PrintWriter(Writer.nullWriter());
      Cli.run(none, none, new String[] {"screen", "--from", from, "--json"});
      Cli.run(
          none,
          none,
          new String[] {
            "screen", "--from", from, "--min-gain", "7d=100", "--explain", "--format", "table"
          });
      Cli.run(none, none, new String[] {"sector", "--from", from, "--format", "csv"});
    } finally {
      for (String t : TABLES) {
        Files.deleteIfExists(dir.resolve(t));
      }
      Files.deleteIfExists(dir);
    }
    // as a real run ends: Main's class, and System.exit (whose logging loads classes on JDK 21+)
    Main.class.getName();
    System.exit(0);
  }
}
