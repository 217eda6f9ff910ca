package dev.privscreen.rule;

import dev.privscreen.metrics.AssetMetrics;

/**
 * One screening rule. Implementations validate their parameters when constructed (a bad value is an
 * {@link IllegalArgumentException} whose message names the flag) and describe themselves so that
 * help text, JSON output and {@code signals} agree.
 */
public interface Rule {

  /** The id that appears in {@code signals}: {@code gain_7d}, {@code volume_spike}. */
  String id();

  /** One line saying exactly when the rule fires, with its parameters. */
  String description();

  /** Position of the rule's kind in SPEC §1's table, which orders {@code signals}. */
  int order();

  /** Whether the rule fires for these metrics. A null input never fires. */
  boolean fires(AssetMetrics m);
}
