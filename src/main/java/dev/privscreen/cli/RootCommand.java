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
    description = "Screen the privacy sector of the crypto market from a terminal.",
    subcommands = {
      FetchCommand.class,
      ScreenCommand.class,
      SectorCommand.class,
      EventsCommand.class,
      UniverseCommand.class,
      DiffCommand.class,
      ReplayCommand.class,
      StoreCommand.class
    })
public final class RootCommand implements Runnable {
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
