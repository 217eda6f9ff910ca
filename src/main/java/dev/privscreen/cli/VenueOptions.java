package dev.privscreen.cli;

import dev.privscreen.model.ListingEvent.Market;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Option;

/** {@code --venue} and {@code --market}: which listing events count (listing rule, events). */
public final class VenueOptions {
  @Option(
      names = "--venue",
      paramLabel = "VENUE",
      split = ",",
      completionCandidates = Completions.Venues.class,
      description =
          "Only listing events on these venues (${COMPLETION-CANDIDATES}, or others in the data).")
  List<String> venues = new ArrayList<>();

  @Option(
      names = "--market",
      paramLabel = "MARKET",
      split = ",",
      completionCandidates = Completions.Markets.class,
      description = "Only listing events on these markets (${COMPLETION-CANDIDATES}).")
  List<Market> markets = new ArrayList<>();

  boolean given() {
    return !venues.isEmpty() || !markets.isEmpty();
  }

  Set<String> venueSet() {
    Set<String> v = new TreeSet<>();
    venues.forEach(x -> v.add(x.strip().toLowerCase(Locale.ROOT)));
    return v;
  }

  Set<Market> marketSet() {
    return Set.copyOf(markets);
  }
}
