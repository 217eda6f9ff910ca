package dev.privscreen.screen;

import dev.privscreen.metrics.AssetMetrics;
import java.util.List;

/** One screened asset: its metrics, the rules that fired, and its place in the ranking. */
public record ResultRow(int rank, AssetMetrics metrics, List<String> signals) {

  public int score() {
    return signals.size();
  }

  ResultRow withRank(int r) {
    return new ResultRow(r, metrics, signals);
  }
}
