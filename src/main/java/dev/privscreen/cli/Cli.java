package dev.privscreen.cli;

import dev.privscreen.error.PrivscreenException;
import dev.privscreen.error.UsageException;
import dev.privscreen.format.TerminalWriter;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line as a function: arguments in, exit code out, text on the given writers. {@code
 * System.exit} lives in {@code Main} only.
 */
public final class Cli {
  private Cli() {}

  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(Context.system(out, err), args);
  }

  public static int run(Context given, String... args) {
    // stderr carries what the outside world says (names, servers' answers): never raw to a terminal
    Context ctx =
        new Context(
            given.out(),
            new PrintWriter(new TerminalWriter(given.err())),
            given.stdin(),
            given.env(),
            given.stdoutIsTerminal());
    RootCommand root = new RootCommand(ctx);
    CommandLine cl = commandLine(root, commandIn(args), live(args));
    cl.setOut(ctx.out());
    cl.setErr(ctx.err());
    cl.setColorScheme(CommandLine.Help.defaultColorScheme(ansi(ctx, args)));
    Map<String, String> codes = new LinkedHashMap<>();
    for (ExitCode c : ExitCode.values()) {
      codes.put(Integer.toString(c.code), c.meaning);
    }
    RootCommand.Version version = new RootCommand.Version();
    for (CommandLine c : allCommands(cl)) {
      c.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
      c.getCommandSpec().versionProvider(version); // `privscreen screen --version` too
    }
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          String fetchOption = fetchOptionIn(ex);
          if (fetchOption != null) { // screen without --live has no model of fetch's options
            usageError(
                ctx.err(), ex.getCommandLine(), fetchOption + " goes with --live (it is fetch's)");
            return ExitCode.USAGE.code;
          }
          usageError(ctx.err(), ex.getCommandLine(), ex.getMessage());
          UnmatchedArgumentException.printSuggestions(ex, ctx.err());
          return ExitCode.USAGE.code;
        });
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          boolean debug = root.global.debug;
          if (debug) {
            ex.printStackTrace(ctx.err());
          }
          if (ex instanceof UsageException) {
            usageError(ctx.err(), cmd, ex.getMessage());
            return ExitCode.USAGE.code;
          }
          if (ex instanceof PrivscreenException pe) {
            ctx.err().println("privscreen: " + pe.getMessage());
            return pe.exitCode();
          }
          return internalError(ctx.err(), ex, debug);
        });
    cl.setExecutionStrategy(
        parsed -> {
          if (root.global.config != null) {
            try { // a named config file must exist and be valid, for every command
              root.global.config(ctx);
            } catch (RuntimeException e) { // to the handler above, like a command's own error
              List<CommandLine> ran = parsed.asCommandLineList();
              throw new CommandLine.ExecutionException(ran.get(ran.size() - 1), e.getMessage(), e);
            }
          }
          return new CommandLine.RunLast().execute(parsed);
        });
    try {
      return cl.execute(args);
    } catch (Throwable t) { // an Error (stack overflow, out of memory) past picocli: never exit 1
      if (root.global != null && root.global.debug) {
        t.printStackTrace(ctx.err());
      }
      return internalError(ctx.err(), t, root.global != null && root.global.debug);
    } finally {
      ctx.out().flush();
      ctx.err().flush();
    }
  }

  /**
   * The command line with {@code only} that command, or all of them when null. {@code completion}
   * needs them all, to describe them.
   */
  static CommandLine commandLine(RootCommand root, String only) {
    return commandLine(root, only, true);
  }

  /**
   * @param live whether {@code screen} takes fetch's options ({@code --live}); the whole model
   *     (help, completion) always has them
   */
  static CommandLine commandLine(RootCommand root, String only, boolean live) {
    // the model generated from the annotations (CommandModel): picocli reads none at run time
    CommandLine cl = new CommandLine(CommandModel.rootCommand(root, null));
    for (var c : RootCommand.COMMANDS.entrySet()) {
      String name = c.getKey();
      // completion describes every command, help finds any
      boolean wanted =
          only == null || only.equals(name) || "completion".equals(only) || "help".equals(only);
      if (!wanted) {
        continue;
      }
      // screen with fetch's options when it fetches, or when the whole model is shown
      boolean full = name.equals("screen") && (live || !name.equals(only));
      Class<?> type = full ? ScreenCommand.Live.class : c.getValue();
      CommandSpec generated = CommandModel.command(type, root);
      // picocli reads those the model does not have (help, and screen's arg group of --live)
      cl.addSubcommand(name, generated != null ? generated : type);
    }
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  /**
   * The command the arguments run, when it is plain: the first argument that is not an option and
   * names a command. Null (add them all: for help, errors and suggestions) otherwise.
   */
  private static String commandIn(String[] args) {
    for (String a : args) {
      if (a.equals("--version") || a.equals("-V")) {
        return ""; // the version needs no command at all
      }
      if (!a.startsWith("-")) {
        return RootCommand.COMMANDS.containsKey(a) ? a : null;
      }
    }
    return null;
  }

  /** A bug, or the JVM out of resources: one line and exit 70, whatever was thrown. */
  private static int internalError(PrintWriter err, Throwable t, boolean debug) {
    String what =
        t instanceof OutOfMemoryError
            ? "out of memory (" + t.getMessage() + "); more with PRIVSCREEN_JAVA_OPTS=-Xmx8g"
            : t instanceof StackOverflowError ? "stack overflow" : String.valueOf(t);
    err.println(
        "privscreen: internal error: "
            + what
            + (debug ? "" : " (run again with --debug for the stack trace)"));
    return ExitCode.INTERNAL.code;
  }

  /** The first unmatched argument of a plain screen that is one of fetch's options, or null. */
  private static String fetchOptionIn(CommandLine.ParameterException ex) {
    if (!(ex instanceof UnmatchedArgumentException u)
        || !"screen".equals(ex.getCommandLine().getCommandName())) {
      return null;
    }
    CommandLine fetch = new CommandLine(new ScreenCommand.Live());
    for (String arg : u.getUnmatched()) {
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (fetch.getCommandSpec().findOption(name) != null && name.startsWith("--")) {
        return name;
      }
    }
    return null;
  }

  /** Whether {@code screen} needs fetch's options: a live fetch, or help that lists them all. */
  private static boolean live(String[] args) {
    for (String a : args) {
      if (a.equals("--live")
          || a.startsWith("--live=")
          || a.equals("--max-wait") // it also bounds --notify's waits
          || a.startsWith("--max-wait=")
          || a.equals("--help")
          || a.equals("-h")) {
        return true;
      }
    }
    return false;
  }

  private static void usageError(PrintWriter err, CommandLine cmd, String message) {
    err.println("privscreen: " + message);
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
  }

  private static Ansi ansi(Context ctx, String[] args) {
    for (String a : args) {
      if (a.equals("--no-color")) {
        return Ansi.OFF;
      }
    }
    String noColor = ctx.env().get("NO_COLOR");
    return ctx.stdoutIsTerminal() && (noColor == null || noColor.isEmpty()) ? Ansi.ON : Ansi.OFF;
  }

  private static Iterable<CommandLine> allCommands(CommandLine cl) {
    java.util.List<CommandLine> all = new java.util.ArrayList<>();
    all.add(cl);
    for (CommandLine sub : cl.getSubcommands().values()) {
      all.add(sub);
      all.addAll(sub.getSubcommands().values());
    }
    return all;
  }
}
