package dev.privscreen.cli;

import dev.privscreen.error.UsageException;
import dev.privscreen.fields.ResultField;
import dev.privscreen.fields.ResultFields;
import dev.privscreen.format.Column;
import dev.privscreen.output.OutputFormat;
import dev.privscreen.output.Style;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How results are printed: format, fields, colour. */
public final class OutputOptions {
  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: table).")
  OutputFormat format;

  @Option(names = "--json", description = "Short for --format json.")
  boolean json;

  @Option(names = "--no-header", description = "No header line in the table and CSV.")
  boolean noHeader;

  @Option(
      names = "--fields",
      paramLabel = "FIELD",
      split = ",",
      completionCandidates = Completions.Fields.class,
      description = "Columns/keys to print, in order (e.g. symbol,gain_7d_pct,signals).")
  List<String> fields;

  OutputFormat format() {
    return chosen(json, format, OutputFormat.json, OutputFormat.table);
  }

  /**
   * The format of a command's {@code --format} and {@code --json} (short for {@code --format
   * json}): the one given, else {@code otherwise}; both, naming different formats, is a usage
   * error.
   */
  static <F> F chosen(boolean json, F format, F asJson, F otherwise) {
    if (json && format != null && !format.equals(asJson)) {
      throw new UsageException("--json and --format " + format + " contradict each other");
    }
    return json ? asJson : format == null ? otherwise : format;
  }

  /** Whether {@code --fields} was given. */
  boolean explicitFields() {
    return fields != null && !fields.isEmpty();
  }

  /** A field named twice would print a key twice: JSON with duplicate keys, which jq drops. */
  private void noRepeats() {
    if (fields == null) {
      return;
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String f : fields) {
      if (!seen.add(f.strip().toLowerCase(java.util.Locale.ROOT))) {
        throw new UsageException("--fields: '" + f.strip() + "' is named twice");
      }
    }
  }

  List<ResultField> fields(ResultFields all) {
    noRepeats();
    if (fields == null || fields.isEmpty()) {
      return format().defaultFields(all);
    }
    return all.select(fields, "--fields");
  }

  /**
   * The columns {@code --fields} names, in its order, or all of them.
   *
   * @throws UsageException naming an unknown field and listing the valid ones
   */
  <C extends Column<?>> List<C> select(List<C> all) {
    noRepeats();
    if (fields == null || fields.isEmpty()) {
      return all;
    }
    List<C> out = new ArrayList<>();
    for (String name : fields) {
      C found = null;
      for (C c : all) { // the exact name, else one in another case (names are case-insensitive)
        if (c.name().equals(name.strip())
            || (found == null && c.name().equalsIgnoreCase(name.strip()))) {
          found = c;
        }
      }
      if (found == null) {
        List<String> names = new ArrayList<>();
        all.forEach(c -> names.add(c.name()));
        throw new UsageException(
            "--fields: unknown field '"
                + name.strip()
                + "' (valid: "
                + String.join(", ", names)
                + ")");
      }
      out.add(found);
    }
    return out;
  }

  /**
   * Where the data goes: stdout, without its first line with {@code --no-header} where that line is
   * a header (CSV; a table that has one).
   */
  java.io.PrintWriter out(Context ctx, boolean tableHasHeader) {
    OutputFormat f = format();
    boolean header = f == OutputFormat.csv || (f == OutputFormat.table && tableHasHeader);
    if (!noHeader) {
      return ctx.out();
    }
    if (!header) {
      throw new UsageException("--no-header: " + f + " output has no header line here");
    }
    return new java.io.PrintWriter(new dev.privscreen.format.HeaderlessWriter(ctx.out()));
  }

  static Style style(Context ctx, GlobalOptions global) {
    String noColor = ctx.env().get("NO_COLOR");
    boolean colour =
        ctx.stdoutIsTerminal() && !global.noColor && (noColor == null || noColor.isEmpty());
    return new Style(colour, ctx.stdoutIsTerminal() ? ctx.columns(0) : 0);
  }
}
