package dev.privscreen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built launcher, target/privscreen, run as a separate process: exit codes and the split of
 * stdout and stderr exactly as a shell sees them. Runs in {@code verify}, after {@code package}.
 */
class LauncherIT {
  static final Path LAUNCHER =
      Path.of(System.getProperty("privscreen.launcher", "target/privscreen"));
  static final String EXAMPLE = "examples/privacy-2025-11-07";

  @TempDir Path home;

  record Proc(int exit, String stdout, String stderr) {}

  Proc run(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(LAUNCHER.toString());
    cmd.addAll(List.of(args));
    return exec(cmd, env);
  }

  Proc exec(List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("PRIVSCREEN_HOME", home.toString());
    pb.environment().putAll(env);
    File out = home.resolve("out").toFile();
    File err = home.resolve("err").toFile();
    pb.redirectOutput(out)
        .redirectError(err)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished within 60 s").isTrue();
    return new Proc(
        p.exitValue(),
        Files.readString(out.toPath(), StandardCharsets.UTF_8),
        Files.readString(err.toPath(), StandardCharsets.UTF_8));
  }

  @Test
  void jsonOnStdoutNothingOnStderrExitZero() throws Exception {
    Proc p = run(Map.of(), "screen", "--from", EXAMPLE, "--min-gain", "7d=100", "--json");

    assertThat(p.exit()).as(p.toString()).isZero();
    assertThat(p.stderr()).as("no JVM or log lines on stderr").isEmpty();
    JsonNode doc = new ObjectMapper().readTree(p.stdout());
    assertThat(doc.get("schema").asText()).isEqualTo("privscreen.screen/1");
    assertThat(doc.get("results")).hasSize(4);
  }

  @Test
  void theTableIsPlainWhenStdoutIsAFile() throws Exception {
    Proc p = run(Map.of(), "screen", "--from", EXAMPLE);

    assertThat(p.exit()).isZero();
    assertThat(p.stdout().lines().findFirst().orElseThrow().strip()).startsWith("#  SYMBOL");
    assertThat(p.stdout()).contains("ZEC", "RAIL").doesNotContain("\u001b[");
    assertThat(p.stderr()).startsWith("11 of 11 assets passed");
  }

  @Test
  void aUsageErrorExitsTwoWithNothingOnStdout() throws Exception {
    Proc p = run(Map.of(), "screen", "--from", EXAMPLE, "--min-gain", "7x=1");

    assertThat(p.exit()).isEqualTo(2);
    assertThat(p.stdout()).isEmpty();
    assertThat(p.stderr())
        .contains("privscreen:", "'7x' is not a window", "Try 'privscreen screen --help'");
  }

  @Test
  void anEmptyStoreExitsThreeWithAHint() throws Exception {
    Proc p = run(Map.of(), "screen");

    assertThat(p.exit()).isEqualTo(3);
    assertThat(p.stdout()).isEmpty();
    assertThat(p.stderr().lines()).hasSize(1);
    assertThat(p.stderr()).contains("privscreen fetch");
  }

  @Test
  void failIfEmptyExitsOne() throws Exception {
    Proc p =
        run(Map.of(), "screen", "--from", EXAMPLE, "--min-gain", "7d=999", "--fail-if-empty", "-q");

    assertThat(p.exit()).isEqualTo(1);
    assertThat(p.stderr()).isEmpty();
  }

  @Test
  void worksThroughASymlinkAndInAJqPipeline() throws Exception {
    assumeTrue(
        new File("/usr/bin/jq").canExecute() || new File("/usr/local/bin/jq").canExecute(), "jq");
    Path link = home.resolve("privscreen");
    Files.createSymbolicLink(link, LAUNCHER.toAbsolutePath());
    Proc p =
        exec(
            List.of(
                "bash",
                "-c",
                "set -o pipefail; '"
                    + link
                    + "' screen --from "
                    + EXAMPLE
                    + " --min-gain 7d=100 --json | jq -r '.results[].symbol'"),
            Map.of());

    assertThat(p.exit()).as(p.toString()).isZero();
    assertThat(p.stdout()).isEqualTo("ZK\nDASH\nZEN\nDCR\n");
  }

  @Test
  void theOneLinersRun() throws Exception {
    assumeTrue(
        new File("/usr/bin/jq").canExecute() || new File("/usr/local/bin/jq").canExecute(), "jq");
    Proc p =
        exec(
            List.of("bash", "examples/one-liners.sh"),
            Map.of("PRIVSCREEN", LAUNCHER.toAbsolutePath().toString()));

    assertThat(p.exit()).as(p.toString()).isZero();
    assertThat(p.stdout()).contains("ZEC", "DASH");
  }

  @Test
  void theBuildWritesARoffManPagePerCommand() throws IOException {
    Path man = LAUNCHER.toAbsolutePath().getParent().resolve("man/man1");
    for (String c :
        new String[] {
          "", "-screen", "-fetch", "-sector", "-events", "-replay", "-diff", "-chart"
        }) {
      assertThat(man.resolve("privscreen" + c + ".1")).exists();
    }
    assertThat(Files.readString(man.resolve("privscreen-screen.1")))
        .contains(
            ".TH \"PRIVSCREEN-SCREEN\" \"1\"",
            ".SH SYNOPSIS",
            "\\-\\-min\\-gain",
            ".SH EXIT STATUS");
  }

  @Test
  void theClassDataArchiveIsMadeAtTheFirstRunAndABrokenOneIsNeverAnError() throws Exception {
    Proc first = run(Map.of(), "screen", "--from", EXAMPLE, "--json");
    Path cds = home.resolve("cache/cds");
    List<Path> archives;
    try (var files = Files.list(cds)) {
      archives = files.toList();
    }
    assertThat(archives).hasSize(1).allMatch(a -> a.toString().endsWith(".jsa"));
    assertThat(first.stderr()).isEmpty();

    Path archive = archives.get(0);
    archive.toFile().setWritable(true);
    Files.writeString(archive, "not an archive");
    Proc broken = run(Map.of(), "screen", "--from", EXAMPLE, "--json");

    assertThat(broken.exit()).isZero();
    assertThat(broken.stdout()).isEqualTo(first.stdout());
    assertThat(broken.stderr()).isEmpty();
    Proc off = run(Map.of("PRIVSCREEN_CDS", "0"), "screen", "--from", EXAMPLE, "--json");
    assertThat(off.stdout()).isEqualTo(first.stdout());
  }

  /** A JDK 24 or later installed beside the default one, or null. */
  static Path newJdk() throws IOException {
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return null;
    }
    try (var dirs = Files.list(jvms)) {
      for (Path d : dirs.sorted().toList()) {
        Path release = d.resolve("release");
        if (Files.isRegularFile(release) && Files.isExecutable(d.resolve("bin/java"))) {
          var m =
              java.util.regex.Pattern.compile("JAVA_VERSION=\"(\\d+)")
                  .matcher(Files.readString(release));
          if (m.find() && Integer.parseInt(m.group(1)) >= 24) {
            return d;
          }
        }
      }
    }
    return null;
  }

  @Test
  void onJdk24AndLaterTheCacheIsAnAotCacheTrainedOnTheBundledExample() throws Exception {
    Path jdk = newJdk();
    assumeTrue(jdk != null, "no JDK 24+ under /usr/lib/jvm: the AOT cache cannot be tried");
    Map<String, String> env = Map.of("JAVA_HOME", jdk.toString());

    Proc first = run(env, "screen", "--from", EXAMPLE, "--json");
    Proc second = run(env, "screen", "--from", EXAMPLE, "--json");

    assertThat(first.exit()).as(first.stderr()).isZero();
    assertThat(first.stderr()).isEmpty();
    List<Path> caches;
    try (var files = Files.list(home.resolve("cache/cds"))) {
      caches = files.toList();
    }
    assertThat(caches).hasSize(1).allMatch(a -> a.toString().endsWith(".aot"));
    assertThat(second.stdout()).isEqualTo(first.stdout());
    assertThat(second.stderr()).isEmpty();
    Files.writeString(caches.get(0), "not a cache");
    Proc broken = run(env, "screen", "--from", EXAMPLE, "--json");
    assertThat(broken.stdout()).isEqualTo(first.stdout());
    assertThat(broken.stderr()).as("an unusable cache is not used, silently").isEmpty();
  }

  @Test
  void withoutHomeTheLauncherRunsAndMakesNoCacheAtTheRoot() throws Exception {
    for (Map<String, String> env :
        List.of(Map.<String, String>of(), Map.of("HOME", ""), Map.of("XDG_CACHE_HOME", "rel"))) {
      ProcessBuilder pb =
          new ProcessBuilder(LAUNCHER.toString(), "screen", "--from", EXAMPLE, "--json");
      pb.environment().remove("HOME");
      pb.environment().remove("PRIVSCREEN_HOME");
      pb.environment().remove("XDG_CACHE_HOME");
      pb.environment().remove("XDG_DATA_HOME");
      pb.environment().putAll(env);
      pb.redirectOutput(home.resolve("out").toFile()).redirectError(home.resolve("err").toFile());
      Process p = pb.start();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String err = Files.readString(home.resolve("err"));

      assertThat(p.exitValue()).as(env + ": " + err).isZero();
      assertThat(err).isEmpty();
      assertThat(Files.readString(home.resolve("out"))).startsWith("{");
    }
    assertThat(Path.of("/.cache/privscreen")).doesNotExist();
    assertThat(Path.of("rel")).doesNotExist();
  }

  @Test
  void aLargeInputOnASmallHeapStillGetsNoJvmLineOnStderr() throws Exception {
    // over 20 MB: the launcher picks its large-input collector, with a young generation capped
    // above this heap, which the JVM shrinks, and would say so in a warning line
    Path big = home.resolve("big.json");
    try (var f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(21L << 20);
    }

    Proc p = run(Map.of("PRIVSCREEN_JAVA_OPTS", "-Xmx128m"), "screen", "--from", big.toString());

    assertThat(p.exit()).as(p.toString()).isEqualTo(3);
    assertThat(p.stderr().lines()).as(p.stderr()).hasSize(1);
    assertThat(p.stderr()).startsWith("privscreen: ").doesNotContain("[warning]");
  }

  @Test
  void aHistoryOverTwoHundredFiftySixMegabytesGetsNoJvmLineOnStderrEither() throws Exception {
    // over 256 MB: a fixed young generation and a starting heap (not with -Xmx given), and huge
    // pages where the kernel gives them; a sparse file: no disk taken
    Path big = home.resolve("big.json");
    try (var f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(257L << 20);
    }
    for (String opts : List.of("", "-Xmx128m")) {
      Proc p = run(Map.of("PRIVSCREEN_JAVA_OPTS", opts), "screen", "--from", big.toString());

      assertThat(p.exit()).as(p.toString()).isEqualTo(3);
      assertThat(p.stderr().lines()).as(p.stderr()).hasSize(1);
      assertThat(p.stderr()).startsWith("privscreen: ").doesNotContain("[warning]");
    }
  }

  @Test
  void screeningAFileLoadsNoHttpCacheOrObjectMapper() throws Exception {
    Path jar = LAUNCHER.toAbsolutePath().getParent().resolve("privscreen.jar");
    Proc p =
        exec(
            List.of(
                "java",
                "-Xlog:class+load:file=" + home.resolve("classes.log"),
                "-jar",
                jar.toString(),
                "screen",
                "--from",
                EXAMPLE + ".json",
                "--json"),
            Map.of());

    assertThat(p.exit()).as(p.toString()).isZero();
    String loaded = Files.readString(home.resolve("classes.log"));
    assertThat(loaded).contains("dev.privscreen.cli.ScreenCommand");
    assertThat(loaded)
        .doesNotContain("java.net.http.HttpClient")
        .doesNotContain("com.github.benmanes.caffeine")
        .doesNotContain("com.fasterxml.jackson.databind")
        .doesNotContain("org.apache.commons.csv")
        .doesNotContain("dev.privscreen.source.http.Http ")
        .doesNotContain("dev.privscreen.source.http.Caller")
        .doesNotContain("dev.privscreen.fetch.LiveFetch ");
  }
}
