package dev.privscreen.screen;

import dev.privscreen.metrics.MetricsCalculator;
import dev.privscreen.model.Asset;
import dev.privscreen.model.ListingEvent;
import dev.privscreen.model.ListingEvent.Action;
import dev.privscreen.model.ListingEvent.Market;
import dev.privscreen.model.Snapshot;
import dev.privscreen.model.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code privscreen events}: listing and delisting events of the snapshot's assets in a window
 * ending at the end of the as-of day (end − W < listed_at ≤ end), newest first.
 */
public final class EventList {
  private EventList() {}

  /** One event with its asset's symbol. */
  public record Event(String symbol, ListingEvent event) {}

  /**
   * @param within null for every event up to the end of today
   * @param venues empty for all; likewise markets
   * @param action null for both list and delist
   */
  public static List<Event> of(
      Snapshot s,
      LocalDate today,
      Window within,
      Set<String> venues,
      Set<Market> markets,
      Action action) {
    Map<String, Asset> assets = new HashMap<>();
    for (Asset a : s.assets()) {
      assets.put(a.id(), a);
    }
    Instant end = MetricsCalculator.endOfDay(today);
    Instant start = within == null ? null : end.minusSeconds(within.days() * 86_400L);
    List<Event> out = new ArrayList<>();
    for (ListingEvent e : s.listings()) {
      Asset a = assets.get(e.id());
      if (a == null
          || e.listedAt().isAfter(end)
          || (start != null && !e.listedAt().isAfter(start))
          || (!venues.isEmpty() && !venues.contains(e.venue()))
          || (!markets.isEmpty() && !markets.contains(e.market()))
          || (action != null && e.action() != action)) {
        continue;
      }
      out.add(new Event(a.symbol(), e));
    }
    out.sort(
        Comparator.comparing((Event e) -> e.event().listedAt())
            .reversed()
            .thenComparing(Event::symbol)
            .thenComparing(e -> e.event().venue())
            .thenComparing(e -> e.event().market())
            .thenComparing(e -> e.event().pairOrEmpty()));
    return List.copyOf(out);
  }
}
