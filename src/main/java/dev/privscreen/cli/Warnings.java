package dev.privscreen.cli;

import dev.privscreen.metrics.SnapshotIndex;
import java.util.ArrayList;
import java.util.List;

/** Warnings about the data, printed on stderr with {@code -v}. */
final class Warnings {
  private Warnings() {}

  static void unknownIds(Context ctx, GlobalOptions global, SnapshotIndex index) {
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
