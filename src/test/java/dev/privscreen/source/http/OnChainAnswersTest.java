package dev.privscreen.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privscreen.model.MetricPoint;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Coin Metrics' and DefiLlama's answers, and the names their metrics are kept under. */
class OnChainAnswersTest {
  @ParameterizedTest
  @CsvSource({
    "AdrActCnt, active_addresses",
    "TxCnt, tx_count",
    "FeeTotUSD, fees_usd",
    "CapMrktCurUSD, cm_cap_mrkt_cur_usd",
    "FlowInExUSD, cm_flow_in_ex_usd",
    "SplyCur, cm_sply_cur",
    "volume_reported_spot_usd_1d, cm_volume_reported_spot_usd_1d",
  })
  void aCoinMetricsMetricIsKeptUnderAReadableName(String coinMetrics, String ours) {
    assertThat(OnChainAnswers.metricName(coinMetrics)).isEqualTo(ours);
    assertThat(MetricPoint.lagging(ours)).isTrue();
  }

  @Test
  void decimalStringsAreReadAndAMissingMetricOfARowIsSkipped() throws Exception {
    var body =
        new ObjectMapper()
            .readTree(
                "{\"data\":[{\"asset\":\"zec\",\"time\":\"2026-12-04T00:00:00.000000000Z\","
                    + "\"AdrActCnt\":\"12345\",\"TxCnt\":null},"
                    + "{\"asset\":\"xyz\",\"time\":\"2026-12-04T00:00:00.000000000Z\",\"AdrActCnt\":\"1\"}]}");

    assertThat(
            OnChainAnswers.coinMetrics(body, Map.of("zec", "zcash"), List.of("AdrActCnt", "TxCnt")))
        .containsExactly(
            new MetricPoint("zcash", LocalDate.parse("2026-12-04"), "active_addresses", 12345));
  }

  @Test
  void chainsMatchMembersByTheirCoinGeckoIdAndTvlKeepsTheDaysAsked() throws Exception {
    var chains =
        new ObjectMapper()
            .readTree(
                "[{\"gecko_id\":\"secret\",\"name\":\"Secret\"},{\"gecko_id\":null,\"name\":\"X\"}]");
    var members =
        dev.privscreen.universe.Universe.builtin().members().stream()
            .filter(m -> List.of("secret", "zcash").contains(m.id()))
            .toList();

    assertThat(OnChainAnswers.defiLlamaChains(chains, members))
        .containsExactly(Map.entry("secret", "Secret"));
    var tvl =
        new ObjectMapper()
            .readTree("[{\"date\":1764806400,\"tvl\":5},{\"date\":1764892800,\"tvl\":6.5}]");
    assertThat(OnChainAnswers.chainTvl("secret", tvl, LocalDate.parse("2025-12-05")))
        .containsExactly(new MetricPoint("secret", LocalDate.parse("2025-12-05"), "tvl_usd", 6.5));
  }
}
