package dev.privscreen.cli;

import java.util.List;

/** Values that shells complete for options whose type is a plain string. */
final class Completions {
  private Completions() {}

  /** The venues privscreen fetches from; data may name others (e.g. kraken). */
  static final class Venues extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Venues() {
      super(List.of("binance", "okx", "bybit", "bitget"));
    }
  }

  static final class Markets extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Markets() {
      super(List.of("spot", "perp"));
    }
  }

  static final class Actions extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Actions() {
      super(List.of("list", "delist"));
    }
  }

  /** The result fields a screen can be sorted by (not the lists). */
  static final class SortFields extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    SortFields() {
      for (var f :
          new dev.privscreen.fields.ResultFields(
                  dev.privscreen.metrics.MetricsSpec.defaults(), List.of())
              .all()) {
        if (f.kind().sortable()) {
          add(f.name());
        }
      }
    }
  }

  /**
   * Gives each command's {@code --fields} the names that command accepts: the mixin that declares
   * the option is shared, its candidates (a screen's fields) are not right for all.
   */
  static void fieldsPerCommand(picocli.CommandLine root) {
    java.util.Map<String, List<String>> names = new java.util.HashMap<>();
    names.put("sector", columns(SectorCommand.COLUMNS));
    names.put("events", columns(EventsCommand.COLUMNS));
    names.put("universe", columns(UniverseCommand.COLUMNS));
    names.put("list", columns(StoreCommand.COLUMNS));
    List<String> replay = new java.util.ArrayList<>(List.of("date"));
    replay.addAll(new Fields());
    names.put("replay", replay);
    for (picocli.CommandLine c : all(root)) {
      List<String> mine = names.get(c.getCommandName());
      var spec = c.getCommandSpec();
      var option = spec.findOption("--fields");
      if (mine != null && option != null) {
        spec.remove(option);
        spec.addOption(
            picocli.CommandLine.Model.OptionSpec.builder(option)
                .completionCandidates(mine)
                .build());
      }
    }
  }

  private static List<String> columns(List<? extends dev.privscreen.format.Column<?>> cols) {
    List<String> out = new java.util.ArrayList<>();
    cols.forEach(c -> out.add(c.name()));
    return out;
  }

  private static List<picocli.CommandLine> all(picocli.CommandLine root) {
    List<picocli.CommandLine> out = new java.util.ArrayList<>();
    for (picocli.CommandLine c : root.getSubcommands().values()) {
      out.add(c);
      out.addAll(all(c));
    }
    return out;
  }

  /** The result fields every screen has (metrics' m_* fields depend on the data). */
  static final class Fields extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Fields() {
      for (var f :
          new dev.privscreen.fields.ResultFields(
                  dev.privscreen.metrics.MetricsSpec.defaults(), List.of())
              .all()) {
        add(f.name());
      }
    }
  }
}
