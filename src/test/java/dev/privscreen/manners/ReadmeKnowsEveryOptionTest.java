package dev.privscreen.manners;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privscreen.CliDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every option a command's help shows is in the README (fetch's --category once was not). */
class ReadmeKnowsEveryOptionTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "screen",
        "fetch",
        "sector",
        "events",
        "universe",
        "diff",
        "replay",
        "store",
        "chart"
      })
  void everyOptionOfTheHelpIsInTheReadme(String command) throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String help = new CliDriver().run(command, "--help").stdout();

    List<String> missing = new ArrayList<>();
    Matcher m = Pattern.compile("--[a-z][a-z0-9-]+").matcher(help);
    while (m.find()) {
      if (!readme.contains(m.group())) {
        missing.add(m.group());
      }
    }
    assertThat(missing).as(command + " options the README never names").isEmpty();
  }
}
