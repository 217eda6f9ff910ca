package dev.privscreen.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP disk cache: expiry by a clock we move by hand, never by sleeping. */
class DiskCacheTest {
  @TempDir Path dir;

  /** A clock that stands still until told to move. */
  static final class HandClock extends Clock {
    Instant now = Instant.parse("2025-11-07T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void anEntryIsFreshForItsMaxAgeThenMissesButOfflineStillGetsIt() {
    HandClock clock = new HandClock();
    DiskCache cache = new DiskCache(dir, clock);
    cache.put("okx https://www.okx.com/x", "{\"code\":\"0\"}");

    clock.now = clock.now.plus(Duration.ofMinutes(9));
    assertThat(cache.get("okx https://www.okx.com/x", Duration.ofMinutes(10)))
        .hasValue("{\"code\":\"0\"}");

    clock.now = clock.now.plus(Duration.ofMinutes(2));
    assertThat(cache.get("okx https://www.okx.com/x", Duration.ofMinutes(10))).isEmpty();
    assertThat(cache.get("okx https://www.okx.com/x", null))
        .as("--offline takes any age")
        .isPresent();
    assertThat(cache.get("okx https://www.okx.com/other", null)).isEmpty();
  }

  @Test
  void aDamagedEntryIsAMissNotAnError() throws IOException {
    DiskCache cache = new DiskCache(dir, new HandClock());
    cache.put("k", "body");
    try (var files = Files.list(dir)) {
      Path entry = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
      Files.writeString(entry, "not-a-time\nbody");
    }

    assertThat(cache.get("k", null)).isEmpty();
  }
}
