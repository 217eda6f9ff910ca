package dev.privscreen.cli;

import dev.privscreen.rule.Rule;
import dev.privscreen.screen.SortKey;
import dev.privscreen.source.SnapshotReader.Part;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The tables a screen or replay can do without, from what it uses: its rules, the fields it prints
 * and the keys it sorts by. Conservative: printing every field (no {@code --fields}) or a {@code
 * --where} needs every table.
 */
final class Projection {
  private Projection() {}

  /**
   * @param fields the fields named by {@code --fields}, or null when every field is printed
   */
  static Set<Part> skippable(List<Rule> rules, List<String> fields, List<SortKey> sort) {
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
    }
    for (String f : fields) {
      need(f.strip(), skip);
    }
    for (SortKey k : sort) {
      need(k.field(), skip);
    }
    return skip;
  }

  private static void need(String field, Set<Part> skip) {
    if (field.startsWith("oi_")) {
      skip.remove(Part.OPEN_INTEREST);
    } else if (field.equals("listings")) {
      skip.remove(Part.LISTINGS);
    } else if (field.startsWith("m_")) {
      skip.remove(Part.METRICS);
    }
  }
}
