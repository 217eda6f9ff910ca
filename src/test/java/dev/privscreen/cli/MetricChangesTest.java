package dev.privscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * m_<name>_chg_Nd_pct: a metric's change over N days, null where a day is missing, as gains are.
 */
class MetricChangesTest {
  @TempDir Path dir;

  Path snapshot() throws IOException {
    Files.writeString(
        dir.resolve("assets.csv"), "id,symbol,name\nzcash,ZEC,Zcash\nmonero,XMR,Monero\n");
    Files.writeString(dir.resolve("snapshot.json"), "{\"as_of\":\"2025-11-07T00:00:00Z\"}");
    Files.writeString(
        dir.resolve("metrics.csv"),
        String.join(
            "\n",
            "id,date,name,value",
            "zcash,2025-11-07,active_addresses,150",
            "zcash,2025-10-31,active_addresses,100", // 7 days before: +50%
            "zcash,2025-10-08,active_addresses,300", // 30 days before: -50%
            "monero,2025-11-07,active_addresses,80", // no day 7 before: null
            "monero,2025-10-08,active_addresses,0", // zero 30 days before: null
            "monero,2025-11-06,shielded_txs,5", // a metric of one's own, none on the as-of day:
            // null
            "monero,2025-10-30,shielded_txs,4",
            "monero,2025-11-06,tx_count,5", // a fetched one arrives late: its newest day counts
            "monero,2025-10-30,tx_count,4",
            ""));
    return dir;
  }

  @Test
  void aMetricsChangeComparesItsValueWithNDaysBeforeAndIsNullOnAGap() throws IOException {
    Result r =
        new CliDriver()
            .run(
                "screen",
                "--from",
                snapshot().toString(),
                "--json",
                "--sort",
                "symbol",
                "--fields",
                "symbol,m_active_addresses,m_active_addresses_chg_7d_pct,"
                    + "m_active_addresses_chg_30d_pct,m_tx_count_chg_7d_pct,"
                    + "m_shielded_txs_chg_7d_pct,metrics_as_of");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode xmr = r.json().get("results").get(0);
    JsonNode zec = r.json().get("results").get(1);
    assertThat(zec.get("m_active_addresses_chg_7d_pct").asDouble()).isEqualTo(50.0);
    assertThat(zec.get("m_active_addresses_chg_30d_pct").asDouble()).isEqualTo(-50.0);
    assertThat(zec.get("m_tx_count_chg_7d_pct").isNull()).isTrue();
    assertThat(xmr.get("m_active_addresses").asDouble()).isEqualTo(80.0);
    assertThat(xmr.get("m_active_addresses_chg_7d_pct").isNull()).isTrue();
    assertThat(xmr.get("m_active_addresses_chg_30d_pct").isNull()).isTrue();
    assertThat(xmr.get("m_shielded_txs_chg_7d_pct").isNull())
        .as("no value on the as-of day")
        .isTrue();
    assertThat(xmr.get("m_tx_count_chg_7d_pct").asDouble()).isEqualTo(25.0);
    assertThat(xmr.get("metrics_as_of").toString())
        .isEqualTo("{\"active_addresses\":\"2025-11-07\",\"tx_count\":\"2025-11-06\"}");
  }

  @Test
  void theChangesWorkInWhereAndSortAndInAReplay() throws IOException {
    Path from = snapshot();
    Result where =
        new CliDriver()
            .run(
                "screen",
                "--from",
                from.toString(),
                "--where",
                "m_active_addresses_chg_7d_pct > 20",
                "--format",
                "csv",
                "--fields",
                "symbol");
    assertThat(where.stdout().lines()).containsExactly("symbol", "ZEC");

    Result replay =
        new CliDriver()
            .run(
                "replay",
                "--from",
                from.toString(),
                "--start",
                "2025-11-06",
                "--end",
                "2025-11-07",
                "--format",
                "csv",
                "--fields",
                "date,symbol,m_active_addresses_chg_7d_pct",
                "--sort",
                "symbol");
    assertThat(replay.stdout().lines())
        .containsExactly(
            "date,symbol,m_active_addresses_chg_7d_pct",
            "2025-11-06,XMR,",
            "2025-11-06,ZEC,",
            "2025-11-07,XMR,",
            "2025-11-07,ZEC,50");
  }
}
