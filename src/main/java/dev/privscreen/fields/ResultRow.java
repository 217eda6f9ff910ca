package dev.privscreen.fields;

import dev.privscreen.metrics.AssetMetrics;
import java.util.List;
import java.util.Map;

/**
 * One screened asset: its metrics, the rules that fired, whether it passed, its place in the
 * ranking (0 for an asset that did not pass), and with {@code --explain} one sentence per rule.
 */
public record ResultRow(
    int rank,
    AssetMetrics metrics,
    List<String> signals,
    boolean passed,
    Map<String, String> reasons) {

  public ResultRow(int rank, AssetMetrics metrics, List<String> signals) {
    this(rank, metrics, signals, true, Map.of());
  }

  public int score() {
    return signals.size();
  }

  public ResultRow withRank(int r) {
    return new ResultRow(r, metrics, signals, passed, reasons);
  }
}
