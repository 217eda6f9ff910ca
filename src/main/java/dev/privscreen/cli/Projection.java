package dev.privscreen.cli;

import dev.privscreen.metrics.MetricsSpec;
import dev.privscreen.rule.Rule;
import dev.privscreen.screen.SortKey;
import dev.privscreen.source.SnapshotReader.Part;
import dev.privscreen.source.SnapshotReader.Scope;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What of a snapshot a screen or replay reads. The tables it can do without, from what it uses: its
 * rules, the fields it prints and the keys it sorts by; conservative: printing every field (no
 * {@code --fields}) or a {@code --where} needs every table. And the days whose prices and open
 * interest its figures use: the days evaluated, with the look-back and forward windows of its
 * metrics (SPEC §3), as {@link dev.privscreen.metrics.Timeline} lays them out.
 */
final class Projection {
  private Projection() {}

  /**
   * @param first the first day evaluated; null when not known before the read (then every earlier
   *     day is read)
   * @param last the last day evaluated; null for every later day
   */
  static Scope scope(
      List<Rule> rules,
      List<String> fields,
      List<SortKey> sort,
      MetricsSpec spec,
      LocalDate first,
      LocalDate last) {
    return new Scope(
        skippable(rules, fields, sort),
        first == null ? null : first.minusDays(spec.maxBack()),
        last == null ? null : last.plusDays(spec.maxForward()));
  }

  /**
   * @param fields the fields named by {@code --fields}, or null when every field is printed
   */
  private static Set<Part> skippable(List<Rule> rules, List<String> fields, List<SortKey> sort) {
    if (fields == null || fields.isEmpty()) {
      return EnumSet.noneOf(Part.class);
    }
    EnumSet<Part> skip = EnumSet.allOf(Part.class);
    for (Rule r : rules) {
      String id = r.id();
      if (id.equals("where")) {
        return EnumSet.noneOf(Part.class);
      }
      if (id.startsWith("oi_")) {
        skip.remove(Part.OPEN_INTEREST);
      }
      if (id.equals("listing")) {
        skip.remove(Part.LISTINGS);
      }
      if (id.equals("funding")) { // the rates, and the OI that weighs the venues
        skip.remove(Part.FUNDING);
        skip.remove(Part.OPEN_INTEREST);
      }
    }
    for (String f : fields) {
      need(f.strip(), skip);
    }
    for (SortKey k : sort) {
      need(k.field(), skip);
    }
    return skip;
  }

  private static void need(String name, Set<Part> skip) {
    String field = name.toLowerCase(java.util.Locale.ROOT); // names are case-insensitive
    if (field.startsWith("oi_")) {
      skip.remove(Part.OPEN_INTEREST);
    } else if (field.equals("listings")) {
      skip.remove(Part.LISTINGS);
    } else if (field.startsWith("m_")
        || field.equals("metrics_as_of")
        || field.equals("long_short_ratio")) {
      skip.remove(Part.METRICS);
    } else if (field.startsWith("funding_")) {
      skip.remove(Part.FUNDING);
      skip.remove(Part.OPEN_INTEREST);
    }
  }
}
