package dev.privscreen.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.privscreen.error.DataException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the files go, and that a home that is no place never means the root or the cwd. */
class StorePathsTest {
  @Test
  void anAbsoluteHomeHoldsTheXdgDirectories() {
    StorePaths p = StorePaths.from(Map.of("HOME", "/home/ana"));

    assertThat(p.snapshots()).isEqualTo(Path.of("/home/ana/.local/share/privscreen/snapshots"));
    assertThat(p.cache()).isEqualTo(Path.of("/home/ana/.cache/privscreen"));
    assertThat(p.config()).isEqualTo(Path.of("/home/ana/.config/privscreen/config.json"));
  }

  @Test
  void anEmptyOrRelativeHomeIsNoPlaceAndSaysWhatToSet() {
    for (String home : new String[] {"", "ana", "./x"}) {
      StorePaths p = StorePaths.from(Map.of("HOME", home));

      assertThatThrownBy(p::snapshots)
          .isInstanceOf(DataException.class)
          .hasMessageContaining("set PRIVSCREEN_HOME (or XDG_DATA_HOME and XDG_CACHE_HOME)");
      assertThatThrownBy(p::cache).isInstanceOf(DataException.class);
      assertThat(p.config()).isAbsolute().doesNotExist(); // no config, not an error
    }
  }

  @Test
  void xdgDirectoriesStandInForTheHomeAndRelativeOnesAreIgnored() {
    StorePaths p =
        StorePaths.from(
            Map.of("HOME", "", "XDG_DATA_HOME", "/data", "XDG_CACHE_HOME", "relative/cache"));

    assertThat(p.snapshots()).isEqualTo(Path.of("/data/privscreen/snapshots"));
    assertThatThrownBy(p::cache).isInstanceOf(DataException.class);
  }

  @Test
  void aCommandThatNeedsTheStoreSaysSoInOneLineAndOneThatDoesNotRuns() {
    dev.privscreen.CliDriver noHome = new dev.privscreen.CliDriver().env("PRIVSCREEN_HOME", "");
    noHome.env("HOME", "");

    dev.privscreen.CliDriver.Result store = noHome.run("screen");
    dev.privscreen.CliDriver.Result file =
        noHome.run("screen", "--from", dev.privscreen.CliDriver.EXAMPLE_JSON, "--json");

    assertThat(store.exitCode()).isEqualTo(3);
    assertThat(store.stderr().lines()).containsExactly("privscreen: " + StorePaths.NO_PLACE);
    assertThat(file.exitCode()).as(file.stderr()).isZero();
  }
}
