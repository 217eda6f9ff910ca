package dev.privscreen.screen;

/**
 * One {@code --sort FIELD[:asc|desc]} key. Without a direction, numbers sort descending (biggest
 * movers first) and text ascending.
 *
 * @param descending null when the user gave no direction
 */
public record SortKey(String field, Boolean descending) {

  /**
   * @throws IllegalArgumentException for a direction other than asc or desc
   */
  public static SortKey parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      return new SortKey(text.strip(), null);
    }
    String dir = text.substring(colon + 1).strip().toLowerCase(java.util.Locale.ROOT);
    String field = text.substring(0, colon).strip();
    return switch (dir) {
      case "asc" -> new SortKey(field, false);
      case "desc" -> new SortKey(field, true);
      default ->
          throw new IllegalArgumentException(
              "--sort: '" + text + "': the direction must be asc or desc");
    };
  }

  @Override
  public String toString() {
    return descending == null ? field : field + (descending ? ":desc" : ":asc");
  }
}
