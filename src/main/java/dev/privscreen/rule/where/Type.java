package dev.privscreen.rule.where;

/** What a {@code --where} expression yields. */
public enum Type {
  NUMBER,
  TEXT,
  BOOLEAN;

  String noun() {
    return switch (this) {
      case NUMBER -> "a number";
      case TEXT -> "text";
      case BOOLEAN -> "a condition";
    };
  }
}
