package dev.privscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code help COMMAND} and the man page of each command against golden files (rewrite them on
 * purpose with {@code UPDATE_GOLDEN=1}): a change of options shows up here, in review.
 */
class HelpGoldenTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden");

  static void golden(String name, String text) throws IOException {
    Path file = GOLDEN.resolve(name);
    if (System.getenv("UPDATE_GOLDEN") != null) {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    }
    assertThat(text).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"screen", "replay", "chart", "fetch"})
  void helpOfACommand(String command) throws IOException {
    Result r = CliDriver.privscreen("help", command);

    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).contains("Usage: privscreen " + command, "Examples:", "Exit codes:");
    golden("help-" + command + ".txt", r.stdout());
  }

  @ParameterizedTest
  @ValueSource(strings = {"screen", "replay"})
  void manPageOfACommand(String command) throws IOException {
    var all = Cli.commandLine(new RootCommand(null), null);
    String page =
        ManPages.page(all.getSubcommands().get(command).getCommandSpec(), "0.0.0")
            .replaceFirst("\" \"1\" \"\\d{4}-\\d{2}-\\d{2}\"", "\" \"1\" \"DATE\"");

    assertThat(page)
        .contains(".SH SYNOPSIS", "\\fB\\-\\-sort\\fR", ".SH EXIT STATUS", ".SH EXAMPLES");
    golden("man-" + command + ".1", page);
  }
}
