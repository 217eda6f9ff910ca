package dev.privscreen.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input gets one line on stderr naming the file and line (or JSON path) and exit
 * 3; never a stack trace, never output on stdout.
 */
class BadInputTest {
  @TempDir Path dir;

  private static final String ASSETS = "id,symbol,name,price_usd\nzcash,ZEC,Zcash,532.06\n";
  private static final String PRICES =
      "id,date,close_usd,volume_usd\n"
          + "zcash,2025-11-01,300,1e9\n"
          + "zcash,2025-11-02,310,1e9\n"
          + "zcash,2025-11-03,320,1e9\n"
          + "zcash,2025-11-04,330,1e9\n"
          + "zcash,2025-11-05,340,1e9\n"
          + "zcash,2025-11-06,350,1e9\n"
          + "zcash,2025-11-07,%s,1e9\n";

  private Path csvDir(String assets, String prices) throws IOException {
    Files.writeString(dir.resolve("assets.csv"), assets);
    if (prices != null) {
      Files.writeString(dir.resolve("prices.csv"), prices);
    }
    return dir;
  }

  private static Result screen(Path from) {
    return CliDriver.privscreen("screen", "--from", from.toString(), "--json");
  }

  private static void assertDataError(Result r, String... fragments) {
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.stdout()).as(r.toString()).isEmpty();
    assertThat(r.stderr().lines()).as(r.toString()).hasSize(1);
    assertThat(r.stderr()).startsWith("privscreen: ").doesNotContain("Exception", "\tat ");
    for (String f : fragments) {
      assertThat(r.stderr()).as(r.toString()).contains(f);
    }
  }

  @Test
  void aPriceThatIsNotANumberNamesFileLineAndColumn() throws IOException {
    assertDataError(
        screen(csvDir(ASSETS, PRICES.formatted("12abc"))),
        "prices.csv:8: close_usd \"12abc\" is not a number");
  }

  @Test
  void nanAndInfinityAreNotNumbers() throws IOException {
    assertDataError(screen(csvDir(ASSETS, PRICES.formatted("NaN"))), "prices.csv:8", "\"NaN\"");
    assertDataError(
        screen(csvDir(ASSETS, PRICES.formatted("Infinity"))), "prices.csv:8", "\"Infinity\"");
    assertDataError(screen(csvDir(ASSETS, PRICES.formatted("1e999"))), "prices.csv:8", "range");
  }

  @Test
  void aNegativePriceIsAnError() throws IOException {
    assertDataError(
        screen(csvDir(ASSETS, PRICES.formatted("-3"))), "prices.csv:8: close_usd -3 is negative");
  }

  @Test
  void missingRequiredColumnsAreNamed() throws IOException {
    assertDataError(
        screen(csvDir(ASSETS, "id,volume_usd\nzcash,1\n")),
        "prices.csv:1: missing columns date, close_usd");
    assertDataError(
        screen(csvDir("id,name\nzcash,Zcash\n", null)), "assets.csv:1: missing column symbol");
  }

  @Test
  void aDuplicateRowForTheSameIdAndDayIsAnError() throws IOException {
    String prices = PRICES.formatted("360") + "zcash,2025-11-03T12:00:00Z,321,1e9\n";
    assertDataError(
        screen(csvDir(ASSETS, prices)),
        "prices.csv:9: duplicate price row for zcash on 2025-11-03 (first at ",
        "prices.csv:4)");
  }

  @Test
  void aRowRepeatedExactlyIsTakenOnceAndSaidUnderVerbose() throws IOException {
    // a download that sent one day twice, and the same OI reading twice
    String prices = PRICES.formatted("360") + "zcash,2025-11-03,320,1e9\n";
    Path d = csvDir(ASSETS, prices);
    Files.writeString(
        d.resolve("open_interest.csv"),
        "id,venue,date,oi_usd\nzcash,okx,2025-11-07,5e8\nzcash,okx,2025-11-07,5e8\n");

    Result quiet = CliDriver.privscreen("screen", "--from", d.toString(), "--json");
    Result verbose = CliDriver.privscreen("screen", "--from", d.toString(), "--json", "-v");

    assertThat(quiet.exitCode()).as(quiet.toString()).isZero();
    assertThat(quiet.stderr()).isEmpty();
    JsonNode zec = quiet.json().get("results").get(0);
    assertThat(zec.get("oi_usd").asDouble()).isEqualTo(5e8); // counted once, not summed twice
    assertThat(zec.get("gain_24h_pct").asDouble()).isCloseTo((360 / 350.0 - 1) * 100, within(1e-9));
    assertThat(verbose.stderr())
        .isEqualTo(
            "privscreen: warning: ignored 2 rows that repeat another exactly (1 prices, 1 open"
                + " interest)\n");
  }

  @Test
  void aDuplicateAssetIsAnError() throws IOException {
    assertDataError(
        screen(csvDir(ASSETS + "zcash,ZEC,Zcash again,1\n", null)),
        "assets.csv:3: duplicate asset zcash");
  }

  @Test
  void aRowWithTheWrongNumberOfCellsIsAnError() throws IOException {
    assertDataError(
        screen(csvDir(ASSETS + "dash,DASH\n", null)),
        "assets.csv:3: expected 4 cells as in the header, found 2");
  }

  @Test
  void anUnterminatedQuoteIsMalformedCsv() throws IOException {
    assertDataError(
        screen(csvDir(ASSETS + "dash,\"DASH,Dash,1\n", null)), "assets.csv", "malformed CSV");
  }

  @Test
  void aBadDateSaysWhatADateLooksLike() throws IOException {
    String prices = "id,date,close_usd\nzcash,11/07/2025,1\n";
    assertDataError(
        screen(csvDir(ASSETS, prices)),
        "prices.csv:2: date \"11/07/2025\" is not a date (expected 2025-11-07");
  }

  @Test
  void aListingMarketMustBeSpotOrPerp() throws IOException {
    csvDir(ASSETS, null);
    Files.writeString(
        dir.resolve("listings.csv"),
        "id,venue,market,pair,listed_at,action\nzcash,binance,futures,ZECUSDT,2025-11-01,list\n");
    assertDataError(screen(dir), "listings.csv:2: market \"futures\" must be spot or perp");
  }

  @Test
  void anEmptyCsvFileIsAnError() throws IOException {
    assertDataError(screen(csvDir("", null)), "assets.csv: empty file");
  }

  @Test
  void aDirectoryWithoutAssetsCsvIsNotASnapshot() {
    assertDataError(screen(dir), "assets.csv is missing");
  }

  @Test
  void aMissingPathIsNamed() {
    assertDataError(screen(dir.resolve("nope.json")), "nope.json: no such file or directory");
  }

  @Test
  void extraColumnsAndAByteOrderMarkAreFine() throws IOException {
    Path d =
        csvDir(
            "\uFEFFid,symbol,name,price_usd,colour\nzcash,ZEC,Zcash,532.06,gold\n",
            PRICES.formatted("360").replace("volume_usd\n", "volume_usd\n"));
    Result r = screen(d);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.bySymbol().get("ZEC").get("price_usd").asDouble()).isEqualTo(532.06);
  }

  // --- JSON ---

  private Path json(String text) throws IOException {
    Path f = dir.resolve("snap.json");
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  private static final String HEAD =
      "{\"schema\":\"privscreen.snapshot/1\",\"as_of\":\"2025-11-07\",";

  @Test
  void truncatedJsonNamesTheLine() throws IOException {
    assertDataError(
        screen(json(HEAD + "\n\"assets\":[{\"id\":\"zcash\",\"symbol\":\"ZEC\"")),
        "snap.json:2:",
        "invalid JSON");
  }

  @Test
  void anHtmlErrorPageIsNotJson() throws IOException {
    assertDataError(
        screen(json("<html><body>502 Bad Gateway</body></html>")), "snap.json:1:1", "invalid JSON");
  }

  @Test
  void aBadNumberInJsonNamesItsPath() throws IOException {
    assertDataError(
        screen(
            json(
                HEAD
                    + "\n\"assets\":[{\"id\":\"zcash\",\"symbol\":\"ZEC\"},\n"
                    + " {\"id\":\"dash\",\"symbol\":\"DASH\",\"price_usd\":\"12abc\"}]}")),
        "snap.json:3:",
        "assets[1].price_usd \"12abc\" is not a number");
  }

  @Test
  void numbersMayBeJsonStringsAndUnknownKeysAreIgnored() throws IOException {
    Result r =
        screen(
            json(
                HEAD
                    + "\"future_key\":{\"x\":[1,2]},\"assets\":[{\"id\":\"zcash\",\"symbol\":\"ZEC\","
                    + "\"price_usd\":\"532.06\",\"market_cap_usd\":8.6e9,\"extra\":[1]}]}"));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.bySymbol().get("ZEC").get("price_usd").asDouble()).isEqualTo(532.06);
    assertThat(r.bySymbol().get("ZEC").get("market_cap_usd").asDouble()).isEqualTo(8.6e9);
  }

  @Test
  void aSnapshotNeedsSchemaAsOfAndAssets() throws IOException {
    assertDataError(
        screen(json("{\"as_of\":\"2025-11-07\",\"assets\":[]}")), "\"schema\" is missing");
    assertDataError(
        screen(
            json("{\"schema\":\"privscreen.snapshot/9\",\"as_of\":\"2025-11-07\",\"assets\":[]}")),
        "schema \"privscreen.snapshot/9\" is not supported");
    assertDataError(
        screen(json("{\"schema\":\"privscreen.snapshot/1\",\"assets\":[]}")),
        "\"as_of\" is missing");
    assertDataError(screen(json(HEAD + "\"prices\":[]}")), "\"assets\" is missing");
  }

  @Test
  void aNestedValueWhereANumberBelongsIsAnError() throws IOException {
    assertDataError(
        screen(json(HEAD + "\"assets\":[{\"id\":\"zcash\",\"symbol\":\"ZEC\",\"price_usd\":{}}]}")),
        "assets[0].price_usd must be a string or a number");
  }

  @Test
  void anEmptyFileIsAnError() throws IOException {
    assertDataError(screen(json("")), "snap.json: empty input");
  }

  @Test
  void stdinIsReadAsJsonAndNamedInErrors() {
    Result ok =
        new CliDriver()
            .stdin(HEAD + "\"assets\":[{\"id\":\"zcash\",\"symbol\":\"ZEC\",\"price_usd\":1}]}")
            .run("screen", "--from", "-", "--json");
    assertThat(ok.symbols()).as(ok.toString()).containsExactly("ZEC");

    Result bad = new CliDriver().stdin("{\"schema\":").run("screen", "--from", "-");
    assertDataError(bad, "<stdin>:", "invalid JSON");
  }

  @Test
  void aCsvFileInsteadOfItsDirectoryGetsAHint() throws IOException {
    Path d = csvDir(ASSETS, null);
    assertDataError(screen(d.resolve("assets.csv")), "pass its directory");
  }

  @Test
  void debugShowsTheStackTrace() throws IOException {
    Result r =
        CliDriver.privscreen(
            "screen", "--debug", "--from", csvDir(ASSETS, PRICES.formatted("x")).toString());
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.stderr()).contains("DataException", "\tat ");
  }
}
