package dev.privscreen.rule.where;

import dev.privscreen.fields.ResultField;
import dev.privscreen.fields.ResultFields;
import dev.privscreen.fields.ResultRow;
import dev.privscreen.format.Kind;
import dev.privscreen.format.NumberText;
import dev.privscreen.metrics.AssetMetrics;
import dev.privscreen.rule.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code --where EXPR} (repeatable; all must hold): a filter over result fields. Parsed when
 * constructed, so a syntax error is a usage error before any data is read; field names and types
 * are checked in {@link #bind}, once the snapshot's fields (its {@code m_*} metrics) are known.
 */
public final class WhereRule implements Rule {
  /** Fields known only after the rules ran, or that are lists: not for --where. */
  private static final Set<String> NOT_FILTERABLE =
      Set.of("rank", "score", "signals", "listings", "oi_as_of");

  private final List<String> texts;

  /** Each expression, parsed once, in the order given. */
  private final List<Expr> parts;

  /** All of them joined by {@code &&}. */
  private final Expr expr;

  private final Map<String, ResultField> fields;

  public WhereRule(List<String> texts) {
    this(texts, parse(texts), Map.of());
  }

  private WhereRule(List<String> texts, List<Expr> parts, Map<String, ResultField> fields) {
    this.texts = List.copyOf(texts);
    this.parts = parts;
    this.fields = fields;
    Expr all = null;
    for (Expr e : parts) {
      all = all == null ? e : new Expr.Logic(e.pos(), true, all, e);
    }
    this.expr = all;
  }

  private static List<Expr> parse(List<String> texts) {
    if (texts.isEmpty()) {
      throw new IllegalArgumentException("--where needs an expression");
    }
    List<Expr> parts = new ArrayList<>();
    for (String t : texts) {
      parts.add(Parser.parse(t));
    }
    return List.copyOf(parts);
  }

  @Override
  public Rule bind(ResultFields all) {
    Map<String, Type> types = new LinkedHashMap<>();
    Map<String, ResultField> byName = new LinkedHashMap<>();
    for (ResultField f : all.all()) {
      if (NOT_FILTERABLE.contains(f.name()) || !f.kind().sortable()) {
        continue;
      }
      types.put(f.name(), f.kind() == Kind.TEXT ? Type.TEXT : Type.NUMBER);
      byName.put(f.name(), f);
    }
    // field names are case-insensitive, as everywhere: a name used in another case is an alias
    // of the field, added only for the names used (so messages list the fields as they are)
    java.util.Set<String> used = new java.util.LinkedHashSet<>();
    for (Expr e : parts) {
      e.fieldsUsed(used);
    }
    for (String u : used) {
      ResultField f = byName.containsKey(u) ? null : all.get(u); // the fields' own lookup
      if (f != null && byName.containsKey(f.name())) { // only a field --where may filter on
        types.put(u, types.get(f.name()));
        byName.put(u, f);
      }
    }
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i).check(types) != Type.BOOLEAN) {
        throw new WhereException(
            "'"
                + texts.get(i)
                + "' is not a condition (e.g. 'gain_7d_pct >= 100 && symbol != \"ZK\"')");
      }
    }
    return new WhereRule(texts, parts, byName);
  }

  @Override
  public String id() {
    return "where";
  }

  @Override
  public String description() {
    return "where " + String.join(" && ", texts);
  }

  @Override
  public int order() {
    return 7;
  }

  @Override
  public boolean fires(AssetMetrics m) {
    if (fields.isEmpty()) {
      throw new IllegalStateException("WhereRule used before bind()");
    }
    ResultRow row = new ResultRow(0, m, List.of());
    return (Boolean) expr.eval(name -> fields.get(name).get(row));
  }

  @Override
  public String reason(AssetMetrics m) {
    boolean ok = fires(m);
    ResultRow row = new ResultRow(0, m, List.of());
    Set<String> used = new TreeSet<>();
    expr.fieldsUsed(used);
    List<String> values = new ArrayList<>();
    for (String name : used) {
      Object v = fields.get(name).get(row);
      String text =
          v == null
              ? "null"
              : v instanceof String s
                  ? "\"" + s + "\""
                  : NumberText.exact(((Number) v).doubleValue());
      values.add(name + " = " + text);
    }
    return (ok ? "true" : "false")
        + (values.isEmpty() ? "" : " (" + String.join(", ", values) + ")");
  }

  @Override
  public String toString() {
    return description();
  }
}
