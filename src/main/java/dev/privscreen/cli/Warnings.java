package dev.privscreen.cli;

import dev.privscreen.metrics.SnapshotIndex;
import java.util.ArrayList;
import java.util.List;

/** Warnings about the data, printed on stderr with {@code -v}. */
final class Warnings {
  private Warnings() {}

  /**
   * An as-of (or a replay's first day) with some assets priceless on it and on the days its figures
   * look back over: said, not left to look like a quiet day. Only for a day before the snapshot's
   * own, where the asset's current figures stand in.
   *
   * @param from the first day the figures look back to; null for the whole history
   */
  static void beforeFirstData(
      Context ctx,
      GlobalOptions global,
      SnapshotIndex index,
      java.time.LocalDate day,
      java.time.LocalDate from) {
    if (global.quiet
        || day == null
        || !day.isBefore(
            index.snapshot().asOf().atOffset(java.time.ZoneOffset.UTC).toLocalDate())) {
      return;
    }
    java.util.Map<String, java.time.LocalDate> late = index.withoutPrices(from, day);
    if (late.isEmpty()) {
      return;
    }
    List<String> shown = new ArrayList<>();
    late.forEach(
        (symbol, first) -> {
          if (shown.size() < 5) {
            shown.add(
                symbol
                    + (first != null
                        ? " (from " + first + ")"
                        : from == null ? " (no history)" : ""));
          }
        });
    ctx.err()
        .println(
            "privscreen: warning: "
                + late.size()
                + (late.size() == 1 ? " asset has" : " assets have")
                + " no data "
                + (from == null ? "on or before " + day : "from " + from + " to " + day)
                + ": "
                + String.join(", ", shown)
                + (late.size() > 5 ? ", ..." : ""));
  }

  /** Rows a download repeated exactly: left out, and said under -v (SPEC §2). */
  static void repeats(Context ctx, GlobalOptions global, SnapshotIndex index) {
    int prices = index.snapshot().priceColumns().repeats();
    int oi = index.snapshot().oiColumns().repeats();
    if (!global.verbose || global.quiet || prices + oi == 0) {
      return;
    }
    ctx.err()
        .println(
            "privscreen: warning: ignored "
                + (prices + oi)
                + " rows that repeat another exactly ("
                + prices
                + " prices, "
                + oi
                + " open interest)");
  }

  static void unknownIds(Context ctx, GlobalOptions global, SnapshotIndex index) {
    repeats(ctx, global, index);
    if (!global.verbose || global.quiet || index.ignoredRows() == 0) {
      return;
    }
    List<String> ids = new ArrayList<>(index.unknownIds());
    String shown = String.join(", ", ids.subList(0, Math.min(5, ids.size())));
    ctx.err()
        .println(
            "privscreen: warning: ignored "
                + index.ignoredRows()
                + " rows whose id is not in assets ("
                + shown
                + (ids.size() > 5 ? ", ..." : "")
                + ")");
  }
}
