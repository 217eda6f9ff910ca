package dev.privscreen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive installed as a user would: {@code tar -xzf … -C PREFIX --strip-components=1};
 * then the man pages, the completion and the launcher from PREFIX.
 */
class InstallIT {
  @TempDir Path prefix;
  @TempDir Path home;

  record Proc(int exit, String out) {}

  Proc sh(String script, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
    pb.environment().put("PRIVSCREEN_HOME", home.toString());
    pb.environment().putAll(env);
    pb.redirectInput(new File("/dev/null"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Proc(p.exitValue(), out);
  }

  @BeforeEach
  void install() throws Exception {
    Path archive;
    try (Stream<Path> s = Files.list(Path.of("target"))) {
      archive =
          s.filter(p -> p.getFileName().toString().matches("privscreen-.*\\.tar\\.gz"))
              .findFirst()
              .orElseThrow();
    }
    Proc tar =
        sh(
            "tar -xzf '" + archive.toAbsolutePath() + "' -C '" + prefix + "' --strip-components=1",
            Map.of());
    assertThat(tar.exit()).as(tar.out()).isZero();
  }

  @Test
  void theManPagesHaveTheWholeSynopsisAndTheExitStatus() throws Exception {
    assumeTrue(new File("/usr/bin/man").canExecute(), "man (man-db)");
    Proc man =
        sh(
            "man -P cat privscreen-screen",
            Map.of("MANPATH", prefix + "/share/man", "MANWIDTH", "100"));

    assertThat(man.exit()).as(man.out()).isZero();
    String synopsis =
        man.out().substring(man.out().indexOf("SYNOPSIS"), man.out().indexOf("DESCRIPTION"));
    assertThat(synopsis).contains("--sort", "--where", "--min-gain", "--explain");
    String exit = man.out().substring(man.out().indexOf("EXIT STATUS"));
    for (String code : List.of("0", "1", "2", "3", "4", "70")) {
      assertThat(exit).containsPattern("(?m)^\\s+" + code + "\\s*$|(?m)^\\s+" + code + "\\s+\\S");
    }
    assertThat(man.out())
        .contains("ENVIRONMENT", "COINGECKO_API_KEY", "FILES", "EXAMPLES")
        .doesNotContain("privscreen dev");
    Proc top = sh("man -P cat privscreen", Map.of("MANPATH", prefix + "/share/man"));
    assertThat(top.out()).contains("COMMANDS", "screen", "chart", "replay");
  }

  @Test
  void theInstalledCompletionAndLauncherWork() throws Exception {
    Proc complete =
        sh(
            "source '"
                + prefix
                + "/share/bash-completion/completions/privscreen' && complete -p privscreen",
            Map.of());
    assertThat(complete.exit()).as(complete.out()).isZero();
    assertThat(complete.out()).contains("privscreen");

    Proc run =
        sh(
            "cd '"
                + Path.of("").toAbsolutePath()
                + "' && '"
                + prefix
                + "/bin/privscreen' screen --from examples/privacy-2025-11-07 --min-gain 7d=100 --format csv --fields symbol",
            Map.of());
    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(run.out()).contains("symbol\nZK\nDASH\nZEN\nDCR\n");
    Proc version = sh("'" + prefix + "/bin/privscreen' --version", Map.of());
    assertThat(version.out().strip()).matches("privscreen \\d+\\.\\d+\\.\\d+.*");
  }
}
