package dev.privscreen.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privscreen.model.FundingPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The venues' funding answers as recorded live by other projects ({@code ../shared/api-real}) and
 * as documented: rate, settlement time and interval of each, read exactly.
 */
class FundingAnswersTest {
  static final Path REAL = Path.of("../shared/api-real");

  static JsonNode real(String file) throws IOException {
    assumeTrue(Files.isDirectory(REAL), "../shared/api-real is not here (a checkout without it)");
    return new ObjectMapper().readTree(REAL.resolve(file).toFile());
  }

  static JsonNode json(String s) throws IOException {
    return new ObjectMapper().readTree(s);
  }

  @Test
  void okxsIntervalIsTheGapBetweenItsTwoSettlementTimes() throws IOException {
    JsonNode body = real("okx/funding-rate_BTC-USDT-SWAP_2026-08-01_verbatim.json");

    // fundingTime 08:00Z is the coming settlement, nextFundingTime 16:00Z the one after
    assertThat(FundingAnswers.okxNow("bitcoin", body))
        .containsExactly(
            new FundingPoint(
                "bitcoin", "okx", Instant.parse("2026-08-01T08:00:00Z"), 0.0000616430459607, 8));
    // an hourly swap: 0.01% an hour is 0.08% per 8 hours
    JsonNode hourly =
        json(
            "{\"code\":\"0\",\"data\":[{\"fundingRate\":\"0.0001\",\"fundingTime\":\"1785571200000\","
                + "\"nextFundingTime\":\"1785574800000\"}],\"msg\":\"\"}");
    FundingPoint p = FundingAnswers.okxNow("x", hourly).get(0);
    assertThat(p.intervalHours()).isEqualTo(1);
    assertThat(p.per8hPct()).isEqualTo(0.08);
  }

  @Test
  void okxHistoryReadsTheRealizedRateAndALoneRowsIntervalIsLeftToTheCurrentOne()
      throws IOException {
    JsonNode body =
        real("okx/funding-rate-history_BTC-USDT-SWAP_2026-09-04_single-row_likely-trimmed.json");

    assertThat(FundingAnswers.okxHistory("bitcoin", body))
        .containsExactly(
            new FundingPoint(
                "bitcoin",
                "okx",
                Instant.ofEpochMilli(1788480000000L),
                0.0000418741079605,
                FundingAnswers.UNKNOWN));
  }

  @Test
  void bybitHistoryNewestFirstIsSortedAndSpacedEvery8Hours() throws IOException {
    JsonNode body = real("bybit/funding-history_linear_XTZUSDT_2025-07-19.json");

    var rows = FundingAnswers.bybitHistory("tezos", body);
    assertThat(rows).hasSize(10);
    assertThat(rows.get(0).fundingTime()).isEqualTo(Instant.ofEpochMilli(1752681600000L));
    assertThat(rows.get(9).fundingTime()).isEqualTo(Instant.ofEpochMilli(1752940800000L));
    assertThat(rows.get(9).rate()).isEqualTo(-0.00249093);
    assertThat(rows).allSatisfy(r -> assertThat(r.intervalHours()).isEqualTo(8));
  }

  @Test
  void bybitTickersCarryTheCurrentRateAndItsInterval() throws IOException {
    JsonNode body = real("bybit/tickers-linear-btcusdt-2025-11-04.json");

    assertThat(FundingAnswers.bybitNow("bitcoin", body))
        .containsExactly(
            new FundingPoint(
                "bitcoin", "bybit", Instant.ofEpochMilli(1762243200000L), 0.00001938, 8));
  }

  @Test
  void aChangedIntervalIsReadFromTheSpacingOfTheSettlements() throws IOException {
    // 8-hourly, then every 4 hours, then every hour (a venue's answer to a violent move)
    JsonNode body =
        json(
            "{\"data\":[{\"fundingRate\":\"0.001\",\"fundingTime\":\"1785600000000\"},"
                + "{\"fundingRate\":\"0.002\",\"fundingTime\":\"1785596400000\"},"
                + "{\"fundingRate\":\"0.003\",\"fundingTime\":\"1785582000000\"},"
                + "{\"fundingRate\":\"0.004\",\"fundingTime\":\"1785553200000\"}]}");

    assertThat(FundingAnswers.bitgetHistory("x", body))
        .extracting(FundingPoint::intervalHours)
        .containsExactly(8, 8, 4, 1);
  }

  @Test
  void binancesEveryContractAnswerKeepsTheMembersPerpetualsWithTheirIntervals() throws IOException {
    JsonNode body = real("binance/premiumIndex_ALL_2024-11-27_bitvigil_full.json");

    var rows =
        FundingAnswers.binanceNow(
            body,
            java.util.Map.of("zcash", "ZECUSDT", "dash", "DASHUSDT"),
            java.util.Map.of("DASHUSDT", 4));
    assertThat(rows)
        .containsExactlyInAnyOrder(
            new FundingPoint(
                "zcash", "binance", Instant.ofEpochMilli(1732723200000L), 0.00010575, 8),
            new FundingPoint("dash", "binance", Instant.ofEpochMilli(1732723200000L), 0.0001, 4));
  }

  @Test
  void binancesNonStandardErrorUnderHttp200IsAFailedCall() throws IOException {
    JsonNode body =
        real("binance/error_fundingRate_limit1001_http200_nonstandard_2026-08-02_mmw.json");

    assertThatThrownBy(() -> BodyErrors.check("binance", "binance /fapi/v1/fundingRate", body))
        .isInstanceOf(SourceFailure.class)
        .hasMessage("binance /fapi/v1/fundingRate: error 99099990: illegal params.");
  }
}
