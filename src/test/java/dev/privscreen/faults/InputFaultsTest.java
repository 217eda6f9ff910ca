package dev.privscreen.faults;

import static dev.privscreen.CliDriver.privscreen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or broken input: each is one clear line and its exit code, at once. */
class InputFaultsTest {
  @TempDir Path dir;

  /** The example's CSV directory, copied so a test may break it. */
  Path example() throws IOException {
    Path d = Files.createDirectories(dir.resolve("snap"));
    try (var files = Files.list(Path.of(CliDriver.EXAMPLE_DIR))) {
      for (Path f : files.toList()) {
        Files.copy(f, d.resolve(f.getFileName()));
      }
    }
    return d;
  }

  static void sparse(Path file, long bytes) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(bytes);
    }
  }

  @Test
  void aTableOverTheLimitIsRefusedAtOnceNamingFileAndLimit() throws IOException {
    Path d = example();
    sparse(d.resolve("prices.csv"), (2L << 30) + 1);

    long t0 = System.nanoTime();
    Result r = privscreen("screen", "--from", d.toString());

    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(5);
    Quiet.fails(r, 3, 1);
    assertThat(r.stderr())
        .isEqualTo(
            "privscreen: "
                + d.resolve("prices.csv")
                + ": 2048 MiB; a table may have at most 2 GiB\n");
  }

  @Test
  void aTableOfZerosIsNoCsvAndSaysSoWithinSeconds() throws IOException {
    Path d = example();
    sparse(d.resolve("prices.csv"), 2L << 30); // exactly the limit: read, and found wanting

    long t0 = System.nanoTime();
    Result r = privscreen("screen", "--from", d.toString());

    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10);
    Quiet.fails(r, 3, 1);
    assertThat(r.stderr())
        .containsPattern(
            ":\\d+: malformed CSV: a record longer than 16 MiB; is this a CSV table\\?")
        .startsWith("privscreen: " + d.resolve("prices.csv") + ":");
  }

  @Test
  void aHugeJsonSnapshotIsRefusedToo() throws IOException {
    Path f = dir.resolve("big.json");
    sparse(f, (2L << 30) + 1);

    Quiet.fails(privscreen("screen", "--from", f.toString()), 3, 1);
  }

  @Test
  void controlCharactersInANameNeverReachTheTerminalRaw() throws IOException {
    Path d = example();
    String assets = Files.readString(d.resolve("assets.csv"));
    Files.writeString(
        d.resolve("assets.csv"),
        assets.replace(",Zcash,", ",\"Z\u001b[2J\u001b]0;pwned\u0007cash\","));

    Result table = privscreen("screen", "--from", d.toString(), "--fields", "symbol,name");
    assertThat(table.stdout()).contains("Z\\x1b[2J\\x1b]0;pwned\\x07cash").doesNotContain("\u001b");
    Result json = privscreen("screen", "--from", d.toString(), "--json", "--fields", "name");
    assertThat(json.stdout()).contains("Z\\u001B[2J").doesNotContain("\u001b");
    assertThat(json.json().get("results").toString()).isNotEmpty();
  }

  @Test
  void controlCharactersAndHugeValuesInAnErrorAreEscapedAndCut() throws IOException {
    Path d = example();
    String prices = Files.readString(d.resolve("prices.csv"));
    String evil = "9\u001b[31m" + "9".repeat(10_000_000);
    // the close of the last row, a day the screen uses (it reads only those: SnapshotReader.Scope)
    int last = prices.lastIndexOf('\n', prices.length() - 2);
    int comma = prices.indexOf(',', prices.indexOf(',', last + 1) + 1);
    Files.writeString(
        d.resolve("prices.csv"),
        prices.substring(0, comma + 1)
            + evil
            + "x"
            + prices.substring(prices.indexOf(',', comma + 1)));

    Result r = privscreen("screen", "--from", d.toString());

    Quiet.fails(r, 3, 1);
    assertThat(r.stderr().length()).isLessThan(400);
    assertThat(r.stderr())
        .contains("close_usd \"9\\x1b[31m999")
        .contains("… (10000007 characters) is not a number");
  }

  @Test
  void aTableThatIsADirectoryIsAnErrorNotSkipped() throws IOException {
    Path d = example();
    Files.delete(d.resolve("open_interest.csv"));
    Files.createDirectory(d.resolve("open_interest.csv"));

    Result r = privscreen("screen", "--from", d.toString());

    Quiet.fails(r, 3, 1);
    assertThat(r.stderr())
        .isEqualTo("privscreen: " + d.resolve("open_interest.csv") + ": not a file\n");
  }

  @Test
  void anUnreadableDirectoryIsNamedAsSuch() throws IOException {
    assumeFalse(
        "root".equals(System.getProperty("user.name")),
        "root reads every directory (CI runs as root)");
    Path d = example();
    Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("---------"));
    try {
      Result r = privscreen("screen", "--from", d.toString());
      Quiet.fails(r, 3, 1);
      assertThat(r.stderr()).contains("cannot read the directory: permission denied");
    } finally {
      Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void theSectorTablePrintsNoInfinity() throws IOException {
    // caps near the largest double overflow their sum
    Path f = dir.resolve("huge.json");
    String json =
        Files.readString(Path.of(CliDriver.EXAMPLE_JSON))
            .replaceAll("\"market_cap_usd\": ?[0-9.eE+]+", "\"market_cap_usd\":1.7e308");
    Files.writeString(f, json);

    Result table = privscreen("sector", "--from", f.toString());
    Result js = privscreen("sector", "--from", f.toString(), "--json");

    assertThat(table.exitCode()).as(table.toString()).isZero();
    assertThat(table.stdout()).doesNotContain("Infinity").contains("market_cap_usd");
    assertThat(table.stdout().lines().filter(l -> l.startsWith("market_cap_usd")))
        .singleElement()
        .satisfies(l -> assertThat(l).endsWith("-"));
    assertThat(js.json().get("market_cap_usd").isNull()).isTrue();
  }

  @Test
  void aFieldNamedTwiceIsAUsageError() {
    Result r =
        privscreen(
            "screen", "--from", CliDriver.EXAMPLE_DIR, "--fields", "symbol,symbol", "--json");
    Quiet.fails(r, 2, 2);
    assertThat(r.stderr()).contains("--fields: 'symbol' is named twice");
    Quiet.fails(privscreen("universe", "--fields", "id,id"), 2, 2);
  }

  @Test
  void conflictingOutputFlagsAreAUsageError() {
    Result r = privscreen("screen", "--from", CliDriver.EXAMPLE_DIR, "--format", "csv", "--json");
    Quiet.fails(r, 2, 2);
    assertThat(r.stderr()).contains("--json and --format csv contradict each other");
  }

  @Test
  void alertStateOfTheWrongTypeIsADataErrorNotAnEmptyMemory() throws IOException {
    Path home = Files.createDirectories(dir.resolve("home"));
    Path alerts = Files.createDirectories(home.resolve("alerts"));
    Files.writeString(alerts.resolve("movers.json"), "{\"members\":\"zcash\"}");

    Result r =
        new CliDriver()
            .env("PRIVSCREEN_HOME", home.toString())
            .run("screen", "--from", CliDriver.EXAMPLE_DIR, "--alert", "movers");

    Quiet.fails(r, 3, 1);
    assertThat(r.stderr())
        .contains(
            alerts.resolve("movers.json") + ":1: damaged alert state: 'members' must be an array");
    assertThat(r.stdout()).isEmpty();
  }
}
