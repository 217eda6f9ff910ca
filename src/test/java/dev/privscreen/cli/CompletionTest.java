package dev.privscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The committed completion scripts are what the current commands generate: a new option without
 * regenerated completions fails here. Regenerate: {@code target/privscreen completion bash >
 * completions/privscreen.bash} and {@code ... zsh > completions/_privscreen}.
 */
class CompletionTest {
  @ParameterizedTest
  @CsvSource({
    "bash,completions/privscreen.bash",
    "zsh,completions/_privscreen",
    "fish,completions/privscreen.fish"
  })
  void committedScriptsMatchTheCommands(String shell, String file) throws IOException {
    Result r = CliDriver.privscreen("completion", shell);

    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout())
        .as("regenerate %s with: target/privscreen completion %s > %s", file, shell, file)
        .isEqualTo(Files.readString(Path.of(file), StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @CsvSource({
    "--format,table json ndjson csv",
    "--venue,binance okx bybit bitget",
    "--market,spot perp",
    "--match,all any",
    "--explain,none passed all",
  })
  void valuesComplete(String option, String values) {
    String bash = CliDriver.privscreen("completion", "bash").stdout();
    for (String v : values.split(" ")) {
      assertThat(bash).as(option).contains("\"" + v + "\"");
    }
    assertThat(bash).contains("\"gain_7d_pct\"", "\"volume_ratio_30d\"");
  }

  @org.junit.jupiter.api.Test
  void bashItselfCompletesTheItemOfACommaList() throws Exception {
    Process p =
        new ProcessBuilder(
                "bash",
                "-c",
                "source completions/privscreen.bash 2>/dev/null;"
                    + " COMP_WORDS=(privscreen screen --fields symbol,gain_7); COMP_CWORD=3;"
                    + " _complete_privscreen 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\";"
                    + " COMP_WORDS=(privscreen events --venue binance,o); COMP_CWORD=3;"
                    + " _complete_privscreen 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"")
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    assertThat(out.lines()).containsExactly("symbol,gain_7d_pct", "binance,okx");
  }

  @org.junit.jupiter.api.Test
  void bashCompletesFileNamesForThePathOptions() {
    String bash = CliDriver.privscreen("completion", "bash").stdout();
    for (String option : new String[] {"--from", "--out", "--config"}) {
      int at = bash.indexOf("    '" + option + "')");
      assertThat(at).as(option).isPositive();
      assertThat(bash.substring(at, bash.indexOf(";;", at))).as(option).contains("compgen -f");
    }
  }

  @org.junit.jupiter.api.Test
  void onlyAcceptedValuesAreOffered() {
    String fish = CliDriver.privscreen("completion", "fish").stdout();
    String sort =
        fish.lines().filter(l -> l.contains("from screen' -l sort")).findFirst().orElseThrow();
    assertThat(sort)
        .contains(" gain_7d_pct ")
        .doesNotContain(" listings ")
        .doesNotContain(" signals ");
    String sector =
        fish.lines().filter(l -> l.contains("from sector' -l fields")).findFirst().orElseThrow();
    assertThat(sector)
        .contains("gain_7d_pct_cap_weighted", "leaders")
        .doesNotContain("volume_ratio_30d");
    String replay =
        fish.lines().filter(l -> l.contains("from replay' -l fields")).findFirst().orElseThrow();
    assertThat(replay).contains(" date ");
    assertThat(CliDriver.privscreen("completion", "bash").stdout())
        .contains("\"gain_7d_pct_cap_weighted\"");
  }

  @org.junit.jupiter.api.Test
  void fishItselfCompletesTheItemOfACommaList() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        new java.io.File("/usr/bin/fish").canExecute(), "fish (installed by .ci/run)");
    Process p =
        new ProcessBuilder(
                "/usr/bin/fish",
                "-c",
                "source completions/privscreen.fish; complete -C 'privscreen screen --fields"
                    + " symbol,gain_7'; complete -C 'privscreen ch'")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    assertThat(out).contains("symbol,gain_7d_pct\t").contains("chart\t");
  }

  @org.junit.jupiter.api.Test
  void fishCompletesCommandsValuesCommaListsAndPaths() {
    String fish = CliDriver.privscreen("completion", "fish").stdout();
    assertThat(fish)
        .contains("-a screen -d 'Apply rules to a snapshot and print ranked results.'")
        .contains("-a chart ")
        .containsPattern("seen_subcommand_from screen' -l format -x -a 'table json ndjson csv'")
        .containsPattern("seen_subcommand_from screen' -l fields -x -a '\\(__fish_complete_list ,")
        .containsPattern("seen_subcommand_from screen' -l from -r -F")
        .containsPattern("seen_subcommand_from chart' -l out -r -F");
  }
}
