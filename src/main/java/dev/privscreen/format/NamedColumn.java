package dev.privscreen.format;

import java.util.function.Function;

/** A column defined by a name, a kind and a getter. */
public record NamedColumn<T>(String name, Kind kind, Function<T, Object> getter)
    implements Column<T> {

  @Override
  public Object get(T row) {
    return getter.apply(row);
  }
}
