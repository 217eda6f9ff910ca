import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The benchmark's replay as one DuckDB SQL query over the CSV directory: `replay --start S --end E
 * --min-gain 7d=20` (SPEC §3: gain_7d_pct = (close(d) / close(d − 7) − 1) × 100 ≥ 20 on every day
 * d of the range). Prints the passing (date, symbol) pairs as CSV.
 *
 *   java -cp duckdb_jdbc.jar:CLASSES DuckReplay DIR 2025-08-10 2025-11-07
 */
public final class DuckReplay {
  public static void main(String[] args) throws Exception {
    String sql =
        """
        WITH
          a AS (SELECT id, symbol FROM read_csv('%1$s/assets.csv', header = true)),
          p AS (SELECT id, CAST(date AS DATE) AS d, close_usd AS c
                FROM read_csv('%1$s/prices.csv', header = true))
        SELECT CAST(p1.d AS VARCHAR), a.symbol
        FROM p p1 JOIN p p0 ON p0.id = p1.id AND p0.d = p1.d - 7 JOIN a ON a.id = p1.id
        WHERE p1.d BETWEEN DATE '%2$s' AND DATE '%3$s' AND (p1.c / p0.c - 1) * 100 >= 20
        """
            .formatted(args[0], args[1], args[2]);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      StringBuilder out = new StringBuilder();
      while (r.next()) {
        out.append(r.getString(1)).append(',').append(r.getString(2)).append('\n');
      }
      System.out.print(out);
    }
  }
}
