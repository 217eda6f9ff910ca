package dev.privscreen.universe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import dev.privscreen.error.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UniverseTest {
  @TempDir Path home;

  @Test
  void pairsMapToMembersByBaseSymbol() {
    Universe u = Universe.builtin();

    assertThat(u.forPair("binance", "ZECUSDT").orElseThrow().id()).isEqualTo("zcash");
    assertThat(u.forPair("okx", "ZEC-USDT-SWAP").orElseThrow().id()).isEqualTo("zcash");
    assertThat(u.forPair("okx", "SCRT-USDT").orElseThrow().id()).isEqualTo("secret");
    assertThat(u.forPair("bybit", "FIROUSDT").orElseThrow().id()).isEqualTo("zcoin");
    assertThat(u.forPair("binance", "BTCUSDT")).isEmpty();
  }

  @Test
  void aPinnedMemberIsNeverMappedBySymbol() {
    // Binance's BEAMX and OKX's BEAM are another token than the privacy coin BEAM
    assertThat(Universe.builtin().forPair("okx", "BEAM-USDT-SWAP")).isEmpty();
    assertThat(Universe.builtin().byId("beam").orElseThrow().pair("okx")).isNull();
  }

  @Test
  void aUserFileAddsRemovesAndRemaps() throws IOException {
    Path file = home.resolve("universe.json");
    Files.writeString(
        file,
        "{\"add\": [{\"id\": \"mycoin\", \"symbol\": \"myc\", \"name\": \"My Coin\","
            + " \"pairs\": {\"okx\": \"MYC-USDC-SWAP\"}}],"
            + " \"remove\": [\"verge\"],"
            + " \"pairs\": {\"beam\": {\"binance\": \"BEAMUSDT\"}}}");

    Universe u = Universe.load(file);

    assertThat(u.byId("verge")).isEmpty();
    Member my = u.byId("mycoin").orElseThrow();
    assertThat(my.symbol()).isEqualTo("MYC");
    assertThat(my.origin()).isEqualTo("user");
    assertThat(u.forPair("okx", "MYC-USDC-SWAP").orElseThrow().id()).isEqualTo("mycoin");
    assertThat(u.forPair("binance", "BEAMUSDT").orElseThrow().id()).isEqualTo("beam");
    assertThat(u.forPair("bybit", "MYCUSDT").orElseThrow().id()).isEqualTo("mycoin");
  }

  @Test
  void aBadUserFileNamesItsLine() throws IOException {
    Path file = home.resolve("universe.json");
    Files.writeString(file, "{\n\"remove\": [\"no-such-coin\"]}");

    assertThatThrownBy(() -> Universe.load(file))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("universe.json:2: remove: 'no-such-coin' is not in the universe");
  }

  @Test
  void theCommandReadsTheUserFileFromTheConfigDirectory() throws IOException {
    Files.writeString(home.resolve("universe.json"), "{\"remove\": [\"zksync\"]}");

    Result r =
        new CliDriver().env("PRIVSCREEN_HOME", home.toString()).run("universe", "--format", "csv");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stdout())
        .startsWith("id,symbol,name,categories,binance,okx,bybit,bitget,origin\n");
    assertThat(r.stdout())
        .contains("zcash,ZEC,Zcash,privacy-coins,ZECUSDT,ZEC-USDT-SWAP,ZECUSDT,ZECUSDT,builtin");
    assertThat(r.stdout()).doesNotContain("zksync");
  }
}
