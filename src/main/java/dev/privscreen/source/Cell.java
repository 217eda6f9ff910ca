package dev.privscreen.source;

/**
 * One raw value as read from a CSV cell or a JSON member, before it is given a type.
 *
 * @param where the place for error messages: {@code prices.csv:8} or {@code snap.json:12:20}
 * @param field the name for error messages: {@code close_usd} or {@code prices[3].close_usd}
 * @param text the value's text; null for an empty cell or a JSON null
 * @param nested true when the JSON value was an object or an array, not a scalar
 */
record Cell(Place where, String field, String text, boolean nested) {}
