package dev.privscreen.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code privscreen}: the command group; running it bare prints its help. */
@Command(
    name = "privscreen",
    mixinStandardHelpOptions = true,
    versionProvider = RootCommand.Version.class,
    description = "Screen the privacy sector of the crypto market from a terminal.")
public final class RootCommand implements Runnable {
  /**
   * The commands, in help order. Added to the command line by {@link Cli}: only the one being run
   * when it can tell, since picocli builds every added command's model at start-up.
   */
  static final java.util.Map<String, Class<?>> COMMANDS = commands();

  private static java.util.Map<String, Class<?>> commands() {
    java.util.Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
    m.put("fetch", FetchCommand.class);
    m.put("screen", ScreenCommand.class);
    m.put("sector", SectorCommand.class);
    m.put("events", EventsCommand.class);
    m.put("universe", UniverseCommand.class);
    m.put("diff", DiffCommand.class);
    m.put("replay", ReplayCommand.class);
    m.put("chart", ChartCommand.class);
    m.put("store", StoreCommand.class);
    m.put("completion", CompletionCommand.class);
    m.put("help", picocli.CommandLine.HelpCommand.class);
    return java.util.Collections.unmodifiableMap(m);
  }

  final Context ctx;

  @Mixin GlobalOptions global;

  @Spec CommandSpec spec;

  RootCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required (e.g. screen)");
  }

  /** The version from the jar's manifest; {@code dev} when run from classes. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = RootCommand.class.getPackage().getImplementationVersion();
      return new String[] {"privscreen " + (v == null ? "dev" : v)};
    }
  }
}
