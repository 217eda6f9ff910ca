package dev.privscreen.fields;

import dev.privscreen.format.Column;
import dev.privscreen.format.Kind;
import java.util.function.Function;

/**
 * A field of a result (SPEC §4): its JSON key / CSV column / sort and filter name, its kind, and
 * how to read it from a row.
 */
public record ResultField(String name, Kind kind, Function<ResultRow, Object> getter)
    implements Column<ResultRow> {

  @Override
  public Object get(ResultRow row) {
    return getter.apply(row);
  }
}
