package dev.privscreen.cli;

import dev.privscreen.config.Config;
import dev.privscreen.store.StorePaths;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command takes, before or after the command name. */
public final class GlobalOptions {
  @Option(
      names = {"-q", "--quiet"},
      scope = ScopeType.INHERIT,
      description = "Print nothing on stderr but errors.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Print warnings about the data (e.g. rows for unknown ids) on stderr.")
  boolean verbose;

  @Option(
      names = "--no-color",
      scope = ScopeType.INHERIT,
      description =
          "No colour in the table (also when NO_COLOR is set or stdout is not a terminal).")
  boolean noColor;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Show the stack trace of an error.")
  boolean debug;

  @Option(
      names = "--config",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description = "Config file (default: $XDG_CONFIG_HOME/privscreen/config.json).")
  Path config;

  /**
   * The config file: the one named by {@code --config} (which must exist), else the default one if
   * it exists. Read only by the commands that use it, and to check a named one.
   */
  Config config(Context ctx) {
    if (config != null) {
      return Config.load(config, true);
    }
    return Config.load(StorePaths.from(ctx.env()).config(), false);
  }
}
