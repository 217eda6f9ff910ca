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
  @CsvSource({"bash,completions/privscreen.bash", "zsh,completions/_privscreen"})
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
}
