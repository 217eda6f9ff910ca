package dev.privscreen.output;

import dev.privscreen.fields.ResultField;
import dev.privscreen.fields.ResultFields;
import java.util.ArrayList;
import java.util.List;

/** The output formats; each is the factory of its renderer and knows its default fields. */
public enum OutputFormat {
  table,
  json,
  ndjson,
  csv;

  /** The table's columns when {@code --fields} is not given; other formats show every field. */
  private static final List<String> TABLE_FIELDS =
      List.of(
          "rank",
          "symbol",
          "name",
          "price_usd",
          "market_cap_usd",
          "gain_24h_pct",
          "gain_7d_pct",
          "gain_30d_pct",
          "volume_ratio_30d",
          "oi_usd",
          "signals");

  public ScreenRenderer renderer(Style style) {
    return switch (this) {
      case table -> new TableRenderer(style);
      case json -> new JsonRenderer();
      case ndjson -> new NdjsonRenderer();
      case csv -> new CsvRenderer();
    };
  }

  public List<ResultField> defaultFields(ResultFields fields) {
    if (this != table) {
      return fields.defaults();
    }
    List<ResultField> out = new ArrayList<>();
    for (ResultField f : fields.all()) {
      boolean extraGain = f.name().startsWith("gain_") && !TABLE_FIELDS.contains(f.name());
      boolean extraOi = f.name().startsWith("oi_change_") && !f.name().equals("oi_change_7d_pct");
      if (TABLE_FIELDS.contains(f.name()) || extraGain || extraOi) {
        out.add(f);
      }
    }
    // keep the extra gain windows beside the fixed ones, as ResultFields orders them
    return out;
  }
}
