package dev.privscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The generated model (CommandModel.java) is what picocli itself reads from the annotations: the
 * committed file is the one the annotations give today, and each command's model agrees with
 * picocli's, property by property and in its help. A new option without a regenerated model fails
 * here: {@code UPDATE_GOLDEN=1 mvn test -Dtest=CommandModelTest} writes it again.
 */
class CommandModelTest {
  @Test
  void theCommittedModelIsTheOneTheAnnotationsGive() throws IOException {
    String source = CommandModelSource.of(CommandModelSource.commands());
    Path file = Path.of(CommandModelSource.PATH);
    if (System.getenv("UPDATE_GOLDEN") != null) {
      Files.writeString(file, source, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .as("CommandModel.java is stale: UPDATE_GOLDEN=1 mvn test -Dtest=CommandModelTest")
        .isEqualTo(source);
  }

  static Stream<Class<?>> commands() {
    return CommandModelSource.commands().stream();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void eachModelIsPicocliOwnReading(Class<?> type) throws ReflectiveOperationException {
    CommandSpec read = CommandSpec.forAnnotatedObject(CommandModelSource.instance(type));
    CommandSpec generated = generated(type, null);
    CommandModelSource.uninterpolated(read);
    CommandModelSource.uninterpolated(generated);
    assertThat(describe(generated).split("\n")).containsExactly(describe(read).split("\n"));
    // and the help picocli prints from each, variables expanded
    read.interpolateVariables(true);
    generated.interpolateVariables(true);
    assertThat(new CommandLine(generated).getUsageMessage(Ansi.OFF))
        .isEqualTo(new CommandLine(read).getUsageMessage(Ansi.OFF));
  }

  @Test
  void aCommandGetsItsParentAndItsMixins() {
    RootCommand root = new RootCommand(null);
    CommandSpec rootSpec = CommandModel.rootCommand(root, null);
    assertThat(root.global).isNotNull();
    assertThat(root.spec).isSameAs(rootSpec);
    CommandSpec screen = CommandModel.command(ScreenCommand.class, root);
    ScreenCommand c = (ScreenCommand) screen.userObject();
    assertThat(c.root).isSameAs(root);
    assertThat(c.spec).isSameAs(screen);
    assertThat(c.source).isNotNull();
    assertThat(c.rules.venue).isNotNull();
    // parsing sets the fields of the command and of its mixins
    new CommandLine(screen).parseArgs("--top", "3", "--from", "x", "--sort", "symbol");
    assertThat(c.top).isEqualTo(3);
    assertThat(c.source.from).isEqualTo(Path.of("x"));
    assertThat(c.sort).hasSize(1);
    CommandSpec store = CommandModel.command(StoreCommand.class, root);
    Object list = store.subcommands().get("list").getCommandSpec().userObject();
    assertThat(((StoreCommand.ListStore) list).store).isSameAs(store.userObject());
  }

  @Test
  void aCommandPicocliMustReadIsNotGenerated() {
    assertThat(CommandModel.command(picocli.CommandLine.HelpCommand.class, null)).isNull();
    assertThat(CommandModel.command(ScreenCommand.Live.class, null)).isNull();
  }

  private static CommandSpec generated(Class<?> type, Object parent)
      throws ReflectiveOperationException {
    if (type == RootCommand.class) {
      return CommandModel.rootCommand(new RootCommand(null), parent);
    }
    CommandSpec spec = CommandModel.command(type, parent);
    assertThat(spec).as(type + " generated").isNotNull();
    return spec;
  }

  /** Everything picocli keeps of a command, as text: its attributes, arguments and subcommands. */
  private static String describe(CommandSpec spec) {
    StringBuilder b = new StringBuilder();
    describe(spec, "", b);
    return b.toString();
  }

  private static void describe(CommandSpec spec, String indent, StringBuilder b) {
    b.append(indent).append("command ").append(spec.name()).append('\n');
    b.append(indent).append(" mixins ").append(spec.mixins().keySet()).append('\n');
    b.append(indent).append(" help options ").append(spec.mixinStandardHelpOptions()).append('\n');
    b.append(indent)
        .append(" version provider ")
        .append(spec.versionProvider() == null ? null : spec.versionProvider().getClass())
        .append('\n');
    UsageMessageSpec u = spec.usageMessage();
    for (Method m : UsageMessageSpec.class.getMethods()) {
      if (m.getParameterCount() == 0 && m.getDeclaringClass() == UsageMessageSpec.class) {
        Object v = value(m, u);
        if (v instanceof String
            || v instanceof String[]
            || v instanceof Boolean
            || v instanceof Integer
            || v instanceof Character
            || v instanceof List) {
          b.append(indent).append(" usage ").append(m.getName()).append(' ');
          b.append(v instanceof String[] a ? Arrays.toString(a) : v).append('\n');
        }
      }
    }
    for (ArgSpec a : spec.args()) {
      b.append(indent).append(" arg ").append(describe(a)).append('\n');
    }
    for (Map.Entry<String, CommandLine> sub : spec.subcommands().entrySet()) {
      b.append(indent).append(" sub ").append(sub.getKey()).append('\n');
      describe(sub.getValue().getCommandSpec(), indent + "  ", b);
    }
  }

  private static String describe(ArgSpec a) {
    StringBuilder b = new StringBuilder();
    if (a instanceof OptionSpec o) {
      b.append(Arrays.toString(o.names()))
          .append(" negatable=")
          .append(o.negatable())
          .append(" fallback=")
          .append(o.fallbackValue())
          .append(" order=")
          .append(o.order())
          .append(" usageHelp=")
          .append(o.usageHelp())
          .append(" versionHelp=")
          .append(o.versionHelp())
          .append(" help=")
          .append(o.help());
    } else {
      PositionalParamSpec p = (PositionalParamSpec) a;
      b.append("index=")
          .append(p.index())
          .append(" unspecified=")
          .append(p.index().isUnspecified());
    }
    return b.append(" arity=")
        .append(a.arity())
        .append(" unspecified=")
        .append(a.arity().isUnspecified())
        .append(" type=")
        .append(a.type().getName())
        .append(" aux=")
        .append(Arrays.toString(a.auxiliaryTypes()))
        .append(" multi=")
        .append(a.typeInfo().isMultiValue())
        .append(" enum=")
        .append(a.typeInfo().isEnum())
        .append(" required=")
        .append(a.required())
        .append(" hidden=")
        .append(a.hidden())
        .append(" hideParamSyntax=")
        .append(a.hideParamSyntax())
        .append(" label=")
        .append(a.paramLabel())
        .append(" description=")
        .append(Arrays.toString(a.description()))
        .append(" key=")
        .append(a.descriptionKey())
        .append(" split=")
        .append(a.splitRegex())
        .append(" splitLabel=")
        .append(a.splitRegexSynopsisLabel())
        .append(" show=")
        .append(a.showDefaultValue())
        .append(" default=")
        .append(a.defaultValue())
        .append(" scope=")
        .append(a.scopeType())
        .append(" inherited=")
        .append(a.inherited())
        .append(" converters=")
        .append(Arrays.stream(a.converters()).map(c -> c.getClass().getName()).toList())
        .append(" candidates=")
        .append(a.completionCandidates() == null ? null : listOf(a.completionCandidates()))
        .append(" hasInitial=")
        .append(a.hasInitialValue())
        .append(" initial=")
        .append(a.initialValue())
        .append(" toString=")
        .append(a)
        .toString();
  }

  private static List<String> listOf(Iterable<String> items) {
    List<String> list = new java.util.ArrayList<>();
    items.forEach(list::add);
    return list;
  }

  private static Object value(Method m, Object on) {
    try {
      return m.invoke(on);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
