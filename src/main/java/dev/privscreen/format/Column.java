package dev.privscreen.format;

/** A named, typed column of some record: a JSON key, a CSV column, a table column. */
public interface Column<T> {
  String name();

  Kind kind();

  Object get(T row);
}
