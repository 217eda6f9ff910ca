package dev.privscreen.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Build-time only ({@code mvn package} runs it): a roff man page per command, {@code privscreen(1)}
 * and {@code privscreen-COMMAND(1)}, written straight from the commands' model (no Ruby, no
 * converter), so they cannot drift from {@code --help}: the complete synopsis, every option, EXIT
 * STATUS, ENVIRONMENT, FILES and EXAMPLES.
 */
public final class ManPages {
  private ManPages() {}

  /** {@code ManPages DIR VERSION}: writes DIR/privscreen.1 and DIR/privscreen-*.1. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    String version = args.length > 1 ? args[1] : "dev";
    Files.createDirectories(dir);
    CommandLine all = Cli.commandLine(new RootCommand(null), null);
    write(dir.resolve("privscreen.1"), page(all.getCommandSpec(), version));
    for (CommandLine sub : all.getSubcommands().values()) {
      CommandSpec spec = sub.getCommandSpec();
      write(dir.resolve("privscreen-" + spec.name() + ".1"), page(spec, version));
      for (CommandLine subsub : sub.getSubcommands().values()) {
        CommandSpec s = subsub.getCommandSpec();
        write(dir.resolve("privscreen-" + spec.name() + "-" + s.name() + ".1"), page(s, version));
      }
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Text for roff: backslashes and leading dots defused, hyphens as minus signs in options. */
  static String esc(String s) {
    String t = s.replace("\\", "\\e").replace("-", "\\-");
    return t.startsWith(".") || t.startsWith("'") ? "\\&" + t : t;
  }

  static String page(CommandSpec spec, String version) {
    String name = spec.qualifiedName("-");
    StringBuilder b = new StringBuilder();
    b.append(".\\\" generated from the commands by dev.privscreen.cli.ManPages; do not edit\n");
    b.append(".TH \"")
        .append(name.toUpperCase(java.util.Locale.ROOT))
        .append("\" \"1\" \"")
        .append(LocalDate.now())
        .append("\" \"privscreen ")
        .append(version)
        .append("\" \"privscreen manual\"\n");
    String[] desc = spec.usageMessage().description();
    b.append(".SH NAME\n")
        .append(esc(name))
        .append(" \\- ")
        .append(esc(desc.length == 0 ? "" : firstSentence(desc[0])))
        .append('\n');
    b.append(".SH SYNOPSIS\n.B ").append(esc(spec.qualifiedName(" "))).append('\n');
    for (OptionSpec o : options(spec)) {
      b.append("[\\fB").append(esc(o.longestName())).append("\\fR");
      if (o.arity().max() > 0) {
        b.append("=\\fI").append(esc(o.paramLabel())).append("\\fR");
      }
      b.append(']').append(o.isMultiValue() ? "..." : "").append('\n');
    }
    for (PositionalParamSpec p : spec.positionalParameters()) {
      if (!p.hidden()) {
        b.append(p.arity().min() > 0 ? "\\fI" : "[\\fI")
            .append(esc(p.paramLabel()))
            .append(p.arity().min() > 0 ? "\\fR" : "\\fR]")
            .append(p.isMultiValue() ? "..." : "")
            .append('\n');
      }
    }
    if (!spec.subcommands().isEmpty()) {
      b.append("\\fICOMMAND\\fR\n");
    }
    b.append(".SH DESCRIPTION\n");
    for (String d : desc) {
      b.append(esc(d)).append("\n.PP\n");
    }
    List<String> examples = new ArrayList<>();
    for (String f : spec.usageMessage().footer()) {
      examples.add(f.strip());
    }
    if (!spec.subcommands().isEmpty()) {
      b.append(".SH COMMANDS\n");
      for (CommandLine sub : spec.subcommands().values()) {
        CommandSpec s = sub.getCommandSpec();
        String[] sd = s.usageMessage().description();
        b.append(".TP\n\\fB")
            .append(esc(s.name()))
            .append("\\fR\n")
            .append(esc(sd.length == 0 ? "" : firstSentence(sd[0])))
            .append(" See \\fB")
            .append(esc(s.qualifiedName("-")))
            .append("\\fR(1).\n");
      }
    }
    b.append(".SH OPTIONS\n");
    for (OptionSpec o : options(spec)) {
      b.append(".TP\n\\fB").append(esc(String.join(", ", o.names()))).append("\\fR");
      if (o.arity().max() > 0) {
        b.append("=\\fI").append(esc(o.paramLabel())).append("\\fR");
      }
      b.append('\n');
      for (String line : o.description()) {
        b.append(esc(interpolate(line, o))).append('\n');
      }
    }
    for (PositionalParamSpec p : spec.positionalParameters()) {
      if (!p.hidden()) {
        b.append(".TP\n\\fI").append(esc(p.paramLabel())).append("\\fR\n");
        for (String line : p.description()) {
          b.append(esc(line)).append('\n');
        }
      }
    }
    if (!examples.isEmpty()) {
      b.append(".SH EXAMPLES\n");
      for (String e : examples) {
        b.append(".PP\n.nf\n").append(esc(e)).append("\n.fi\n");
      }
    }
    b.append(".SH EXIT STATUS\n");
    for (ExitCode c : ExitCode.values()) {
      b.append(".TP\n\\fB").append(c.code).append("\\fR\n").append(esc(c.meaning)).append('\n');
    }
    b.append(".SH ENVIRONMENT\n");
    env(b, "PRIVSCREEN_HOME", "Puts the store, the cache and the config under one directory.");
    env(
        b,
        "XDG_DATA_HOME, XDG_CACHE_HOME, XDG_CONFIG_HOME",
        "Where the store, the HTTP cache and the config live (see FILES).");
    env(
        b,
        "COINGECKO_API_KEY, COINGECKO_API_PLAN",
        "The CoinGecko key and its plan (demo or pro); never from a flag, never printed.");
    env(
        b,
        "PRIVSCREEN_<NAME>_URL",
        "A source's base URL (coingecko, binance, okx, bybit, bitget), like --endpoint.");
    env(b, "NO_COLOR", "No colour, as --no-color.");
    env(b, "COLUMNS", "The terminal's width, for chart and the table's trend column.");
    env(b, "PRIVSCREEN_JAVA_OPTS", "More JVM options for the launcher (e.g. -Xmx8g).");
    env(b, "PRIVSCREEN_CDS", "0 turns the launcher's class-data archive off.");
    b.append(".SH FILES\n");
    env(
        b,
        "$XDG_DATA_HOME/privscreen/snapshots/",
        "The store: one snapshot per fetch, named by its UTC time; alerts/ beside it.");
    env(b, "$XDG_CACHE_HOME/privscreen/", "The HTTP cache and the launcher's class-data archive.");
    env(
        b,
        "$XDG_CONFIG_HOME/privscreen/config.json",
        "The config file (keys, rates, endpoints, universe); universe.json beside it.");
    b.append(".SH SEE ALSO\n");
    List<String> see = new ArrayList<>();
    see.add("\\fBprivscreen\\fR(1)");
    b.append(String.join(", ", see)).append('\n');
    b.append(".SH VERSION\nprivscreen ").append(esc(version)).append('\n');
    return b.toString();
  }

  private static void env(StringBuilder b, String name, String what) {
    b.append(".TP\n\\fB").append(esc(name)).append("\\fR\n").append(esc(what)).append('\n');
  }

  private static List<OptionSpec> options(CommandSpec spec) {
    List<OptionSpec> out = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      if (!o.hidden()) {
        out.add(o);
      }
    }
    return out;
  }

  /** The help's ${...} variables as picocli would show them. */
  private static String interpolate(String line, OptionSpec o) {
    String candidates = "";
    if (o.completionCandidates() != null) {
      List<String> c = new ArrayList<>();
      o.completionCandidates().forEach(c::add);
      candidates = String.join(", ", c);
    }
    return line.replace("${COMPLETION-CANDIDATES}", candidates)
        .replace("${DEFAULT-VALUE}", String.valueOf(o.defaultValue()));
  }

  private static String firstSentence(String s) {
    int dot = s.indexOf(". ");
    return dot < 0 ? s : s.substring(0, dot + 1);
  }
}
