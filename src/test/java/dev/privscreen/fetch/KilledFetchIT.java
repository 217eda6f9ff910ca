package dev.privscreen.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fetch killed with SIGKILL in the middle of writing its snapshot leaves the store as it was: the
 * previous snapshot stays the newest and readable, the half-done temporary file is never read, and
 * the next fetch succeeds (the lock died with the process).
 */
class KilledFetchIT {
  static final Path LAUNCHER =
      Path.of(System.getProperty("privscreen.launcher", "target/privscreen"));

  @TempDir Path home;

  Process start(FakeApis apis, long holdMillis, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString(), "fetch"));
    cmd.addAll(apis.endpointFlags());
    for (String s : FakeApis.SOURCES) {
      cmd.addAll(List.of("--rate-limit", s + "=60000"));
    }
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("PRIVSCREEN_HOME", home.toString());
    if (holdMillis > 0) {
      pb.environment().put("PRIVSCREEN_TEST_HOLD_WRITE_MS", Long.toString(holdMillis));
    }
    pb.redirectOutput(home.resolve("out.txt").toFile())
        .redirectError(home.resolve("err.txt").toFile());
    return pb.start();
  }

  List<String> store(String suffix) throws Exception {
    try (Stream<Path> s = Files.list(home.resolve("snapshots"))) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(suffix))
          .sorted()
          .toList();
    }
  }

  /** The bytes of the store's record files. */
  long recordBytes() throws Exception {
    Path gen = home.resolve("snapshots/gen-1");
    if (!Files.isDirectory(gen)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(gen)) {
      long n = 0;
      for (Path p : s.filter(f -> f.toString().endsWith(".csv.gz")).toList()) {
        n += Files.size(p);
      }
      return n;
    }
  }

  /** Where the converted fetch's record ends (max when the store is not converted yet). */
  long convertedRecordEnd() {
    if (!Files.exists(home.resolve("snapshots/CURRENT"))) {
      return Long.MAX_VALUE;
    }
    var e = new dev.privscreen.store.FactStore(home.resolve("snapshots")).index().fetches().get(0);
    return e.recordOffset() + e.recordBytes();
  }

  @Test
  void aKillMidWriteLeavesThePreviousSnapshotNewestAndReadable() throws Exception {
    Path snapshots = Files.createDirectories(home.resolve("snapshots"));
    Files.copy(
        Path.of("examples/privacy-2025-11-07.json"), snapshots.resolve("20251107T000000Z.json"));

    try (FakeApis apis = new FakeApis()) {
      Process p = start(apis, 60_000);
      // the fetch converts the old store, writes its facts and record, then holds before its
      // index line: its record makes the record files longer than the converted fetch's
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (recordBytes() <= convertedRecordEnd()) {
        assertThat(p.isAlive())
            .as("still running: " + Files.readString(home.resolve("err.txt")))
            .isTrue();
        assertThat(System.nanoTime()).as("the record is written").isLessThan(deadline);
        Thread.sleep(20);
      }
      // SIGKILL to the JVM (a child of the launcher on its first run) and the launcher: no
      // shutdown hooks, no finally blocks
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();

      dev.privscreen.store.SnapshotStore st =
          new dev.privscreen.store.SnapshotStore(home.resolve("snapshots"));
      assertThat(st.ids()).containsExactly("20251107T000000Z");
      assertThat(recordBytes()).isGreaterThan(convertedRecordEnd()); // left behind, and ignored:

      ProcessBuilder screen =
          new ProcessBuilder(LAUNCHER.toString(), "screen", "--json", "--fields", "symbol")
              .redirectErrorStream(false)
              .redirectOutput(home.resolve("screen.txt").toFile())
              .redirectError(home.resolve("screen-err.txt").toFile());
      screen.environment().put("PRIVSCREEN_HOME", home.toString());
      Process sp = screen.start();
      assertThat(sp.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(sp.exitValue()).isZero();
      assertThat(Files.readString(home.resolve("screen.txt"), StandardCharsets.UTF_8))
          .contains("\"ZEC\"");

      Process again = start(apis, 0);
      assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(again.exitValue()).as(Files.readString(home.resolve("err.txt"))).isZero();
      assertThat(st.ids()).hasSize(2).startsWith("20251107T000000Z");
      assertThat(st.read(st.ids().get(1), w -> {}).assets()).isNotEmpty();
      assertThat(store("Z.json")).isEmpty(); // the old file went once converted
    }
  }
}
