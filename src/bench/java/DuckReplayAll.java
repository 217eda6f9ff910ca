import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;

/**
 * The benchmark's replay with every field, as one DuckDB SQL query: `replay --start S --end E
 * --min-gain 7d=20 --forward 7d --format ndjson`. For each passing (day, asset) it computes what
 * privscreen prints that the tables hold (SPEC §3): the rank of the day by gain_7d_pct, the asset's
 * names, its close and the market cap and volume of that day, the 1, 7 and 30-day gains, the 30-day
 * volume ratio, oi(d) summed over venues with its previous 30-day high and 7-day change, the 7-day
 * forward return, and the listings of the asset up to the day, and writes each as a JSON line.
 * Fields privscreen prints as null here (fdv, funding, long/short) are left out. It is the same work
 * (read every table, window every series, join, rank, write JSON), not the same bytes: run.sh
 * checks that both print the same number of lines.
 *
 *   java -cp duckdb_jdbc.jar:CLASSES DuckReplayAll DIR 2025-08-10 2025-11-07
 */
public final class DuckReplayAll {
  public static void main(String[] args) throws Exception {
    String sql =
        """
        WITH
          a AS (SELECT * FROM read_csv('%1$s/assets.csv', header = true)),
          p AS (SELECT id, CAST(date AS DATE) AS d, close_usd AS c, volume_usd AS v,
                  AVG(volume_usd) OVER (PARTITION BY id ORDER BY CAST(date AS DATE)
                    RANGE BETWEEN INTERVAL 30 DAY PRECEDING AND INTERVAL 1 DAY PRECEDING) AS v30
                FROM read_csv('%1$s/prices.csv', header = true)),
          o AS (SELECT id, d, oi,
                  MAX(oi) OVER (PARTITION BY id ORDER BY d
                    RANGE BETWEEN INTERVAL 30 DAY PRECEDING AND INTERVAL 1 DAY PRECEDING) AS high
                FROM (SELECT id, CAST(date AS DATE) AS d, SUM(oi_usd) AS oi
                      FROM read_csv('%1$s/open_interest.csv', header = true) GROUP BY id, d)),
          l AS (SELECT id, venue, market, pair, CAST(listed_at AS TIMESTAMP) AS listed, action
                FROM read_csv('%1$s/listings.csv', header = true)),
          r AS (SELECT p1.id, p1.d, p1.c, p1.v, p1.v30,
                  (p1.c / p0.c - 1) * 100 AS g7,
                  (p1.c / p01.c - 1) * 100 AS g1,
                  (p1.c / p30.c - 1) * 100 AS g30,
                  (pf.c / p1.c - 1) * 100 AS f7
                FROM p p1 JOIN p p0 ON p0.id = p1.id AND p0.d = p1.d - 7
                  LEFT JOIN p p01 ON p01.id = p1.id AND p01.d = p1.d - 1
                  LEFT JOIN p p30 ON p30.id = p1.id AND p30.d = p1.d - 30
                  LEFT JOIN p pf ON pf.id = p1.id AND pf.d = p1.d + 7
                WHERE p1.d BETWEEN DATE '%2$s' AND DATE '%3$s' AND (p1.c / p0.c - 1) * 100 >= 20)
        SELECT CAST(r.d AS VARCHAR) AS date,
          ROW_NUMBER() OVER (PARTITION BY r.d ORDER BY r.g7 DESC, a.symbol) AS rank,
          a.id, a.symbol, a.name, r.c AS price_usd,
          a.market_cap_usd * r.c / a.price_usd AS market_cap_usd, r.v AS volume_24h_usd,
          r.g1 AS gain_24h_pct, r.g7 AS gain_7d_pct, r.g30 AS gain_30d_pct,
          r.v / r.v30 AS volume_ratio_30d,
          o.oi AS oi_usd, o.high AS oi_prev_high_usd, (o.oi / o7.oi - 1) * 100 AS oi_change_7d_pct,
          r.f7 AS fwd_7d_pct,
          (SELECT string_agg('{"venue":"' || venue || '","market":"' || market || '","pair":"'
                  || pair || '","listed_at":"' || strftime(listed, '%%Y-%%m-%%dT%%H:%%M:%%SZ')
                  || '","action":"' || action || '"}', ',' ORDER BY listed DESC)
             FROM l WHERE l.id = r.id AND l.listed < r.d + 1) AS listings
        FROM r JOIN a ON a.id = r.id
          LEFT JOIN o ON o.id = r.id AND o.d = r.d
          LEFT JOIN o o7 ON o7.id = r.id AND o7.d = r.d - 7
        ORDER BY r.d, rank
        """
            .formatted(args[0], args[1], args[2]);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      ResultSetMetaData m = r.getMetaData();
      int n = m.getColumnCount();
      StringBuilder out = new StringBuilder(1 << 16);
      while (r.next()) {
        out.append('{');
        for (int i = 1; i <= n; i++) {
          String name = m.getColumnLabel(i);
          out.append(i > 1 ? "," : "").append('"').append(name).append("\":");
          Object v = r.getObject(i);
          if (v == null) {
            out.append(name.equals("listings") ? "[]" : "null");
          } else if (name.equals("listings")) {
            out.append('[').append(v).append(']');
          } else if (m.getColumnType(i) == Types.VARCHAR) {
            out.append('"').append(v).append('"');
          } else {
            out.append(v);
          }
        }
        out.append("}\n");
        if (out.length() > 1 << 16) {
          System.out.print(out);
          out.setLength(0);
        }
      }
      System.out.print(out);
      System.out.flush();
    }
  }
}
