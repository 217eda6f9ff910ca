package dev.privscreen.rule;

import dev.privscreen.metrics.AssetMetrics;
import dev.privscreen.metrics.MetricsCalculator;
import dev.privscreen.model.ListingEvent;
import dev.privscreen.model.ListingEvent.Action;
import dev.privscreen.model.ListingEvent.Market;
import dev.privscreen.model.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code --listed-within 7d [--venue ..] [--market ..]}: at least one listing event ({@code action}
 * = list) with end-of-today − W < {@code listed_at} ≤ end-of-today. Delistings never fire.
 *
 * @param venues empty for any venue
 * @param markets empty for any market
 */
public record ListingRule(Window window, Set<String> venues, Set<Market> markets) implements Rule {

  public ListingRule {
    Set<String> v = new TreeSet<>();
    for (String s : venues) {
      String name = s.strip().toLowerCase(Locale.ROOT);
      if (!name.matches("[a-z0-9_.-]+")) {
        throw new IllegalArgumentException("--venue: '" + s + "' is not a venue name");
      }
      v.add(name);
    }
    venues = Set.copyOf(v);
    markets = Set.copyOf(markets);
  }

  @Override
  public String id() {
    return "listing";
  }

  @Override
  public String description() {
    return "listed within "
        + window.label()
        + (venues.isEmpty() ? "" : " on " + String.join(",", new TreeSet<>(venues)))
        + (markets.isEmpty() ? "" : " (" + marketNames() + ")");
  }

  private String marketNames() {
    StringBuilder s = new StringBuilder();
    for (Market m : Market.values()) {
      if (markets.contains(m)) {
        s.append(s.length() == 0 ? "" : ",").append(m.label());
      }
    }
    return s.toString();
  }

  @Override
  public int order() {
    return 4;
  }

  /** Whether an event counts for this rule, as of {@code today}. */
  public boolean matches(ListingEvent e, LocalDate today) {
    Instant end = MetricsCalculator.endOfDay(today);
    Instant start = end.minusSeconds(window.days() * 86_400L);
    return e.action() == Action.LIST
        && (venues.isEmpty() || venues.contains(e.venue()))
        && (markets.isEmpty() || markets.contains(e.market()))
        && e.listedAt().isAfter(start)
        && !e.listedAt().isAfter(end);
  }

  @Override
  public boolean fires(AssetMetrics m) {
    for (ListingEvent e : m.listings()) {
      if (matches(e, m.today())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String reason(AssetMetrics m) {
    List<ListingEvent> all = m.listings(); // newest first
    for (ListingEvent e : all) {
      if (matches(e, m.today())) {
        return describe(e) + " within " + window.label();
      }
    }
    for (ListingEvent e : all) {
      if (e.action() == Action.LIST
          && (venues.isEmpty() || venues.contains(e.venue()))
          && (markets.isEmpty() || markets.contains(e.market()))) {
        return "none within "
            + window.label()
            + " (last: "
            + e.venue()
            + " "
            + e.market().label()
            + " "
            + e.listedAt().toString().substring(0, 10)
            + ")";
      }
    }
    return "none within " + window.label() + " (no listing events)";
  }

  private static String describe(ListingEvent e) {
    return e.venue()
        + " "
        + e.market().label()
        + (e.pair() == null ? "" : " " + e.pair())
        + " "
        + dev.privscreen.format.Times.instant(e.listedAt());
  }
}
