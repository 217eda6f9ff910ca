package dev.privscreen.rule;

import dev.privscreen.fields.ResultFields;
import dev.privscreen.metrics.AssetMetrics;
import dev.privscreen.model.Window;
import java.util.Set;

/**
 * One screening rule. Implementations validate their parameters when constructed (a bad value is an
 * {@link IllegalArgumentException} whose message names the flag) and describe themselves so that
 * help text, JSON output, {@code signals} and {@code --explain} agree.
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

  /**
   * Whether the metrics hold what the rule needs to judge (a close, an OI history, a volume ratio);
   * a rule that does not know never fires, and {@code replay} reports it.
   */
  default boolean knows(AssetMetrics m) {
    return true;
  }

  /** One human sentence saying why the rule fired or not for these metrics. */
  String reason(AssetMetrics m);

  /** Price-gain windows the rule needs computed. */
  default Set<Window> gainWindows() {
    return Set.of();
  }

  /** Open-interest change windows the rule needs computed. */
  default Set<Window> oiChangeWindows() {
    return Set.of();
  }

  /**
   * The rule ready to run against results with these fields; a rule that names fields checks them
   * here.
   *
   * @throws IllegalArgumentException naming an unknown or ill-typed field
   */
  default Rule bind(ResultFields fields) {
    return this;
  }
}
