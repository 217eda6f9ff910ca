import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The benchmark's screen as one DuckDB SQL query over the CSV directory: the same rules and
 * definitions as privscreen's (SPEC §3), for `--min-gain 7d=20 --oi-breakout --volume-spike 1.5
 * --listed-within 30d --match any` as of the data's last day. Prints the passing symbols.
 *
 *   java -cp duckdb_jdbc.jar:CLASSES DuckScreen DIR 2025-11-07
 */
public final class DuckScreen {
  public static void main(String[] args) throws Exception {
    String dir = args[0];
    String today = args[1];
    String sql =
        """
        WITH
          a AS (SELECT * FROM read_csv('%1$s/assets.csv', header = true)),
          p AS (SELECT id, CAST(date AS DATE) AS d, close_usd, volume_usd
                FROM read_csv('%1$s/prices.csv', header = true)),
          o AS (SELECT id, CAST(date AS DATE) AS d, sum(oi_usd) AS v
                FROM read_csv('%1$s/open_interest.csv', header = true) GROUP BY ALL),
          l AS (SELECT id, action, CAST(replace(listed_at, 'Z', '') AS TIMESTAMP) AS t
                FROM read_csv('%1$s/listings.csv', header = true, all_varchar = true)),
          gain AS (SELECT p1.id FROM p p1 JOIN p p0 ON p0.id = p1.id AND p0.d = p1.d - 7
                   WHERE p1.d = DATE '%2$s' AND (p1.close_usd / p0.close_usd - 1) * 100 >= 20),
          vol AS (SELECT id, avg(volume_usd) AS m, count(volume_usd) AS n FROM p
                  WHERE d BETWEEN DATE '%2$s' - 30 AND DATE '%2$s' - 1 GROUP BY id),
          spike AS (SELECT a.id FROM a JOIN vol USING (id)
                    WHERE vol.n >= 7 AND vol.m > 0 AND a.volume_24h_usd / vol.m >= 1.5),
          prev AS (SELECT id, max(v) AS hi, count(v) AS n FROM o
                   WHERE d BETWEEN DATE '%2$s' - 30 AND DATE '%2$s' - 1 GROUP BY id),
          brk AS (SELECT o.id FROM o JOIN prev USING (id)
                  WHERE o.d = DATE '%2$s' AND prev.n >= 7 AND o.v > prev.hi),
          lst AS (SELECT DISTINCT id FROM l
                  WHERE action = 'list'
                    AND t > CAST(DATE '%2$s' + 1 AS TIMESTAMP) - INTERVAL 30 DAY
                    AND t <= CAST(DATE '%2$s' + 1 AS TIMESTAMP))
        SELECT symbol FROM a
        WHERE id IN (SELECT id FROM gain) OR id IN (SELECT id FROM spike)
           OR id IN (SELECT id FROM brk) OR id IN (SELECT id FROM lst)
        ORDER BY symbol
        """
            .formatted(dir, today);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      StringBuilder out = new StringBuilder();
      while (r.next()) {
        out.append(r.getString(1)).append('\n');
      }
      System.out.print(out);
    }
  }
}
