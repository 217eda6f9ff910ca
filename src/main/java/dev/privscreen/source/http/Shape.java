package dev.privscreen.source.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a 200 answer must hold to be the API's own (SPEC §6): an array at a path and, when the array
 * has elements, a key they carry. An answer of another shape is a failed call naming what is
 * missing ("okx /api/v5/public/instruments: no `data` array"), so an API change never passes as an
 * empty success.
 *
 * @param path dotted path to the array; empty for the body itself
 * @param key a key every element of a non-empty array has (one is enough: elements vary); null for
 *     arrays of arrays
 */
record Shape(String path, String key) {
  static Shape arrayOf(String key) {
    return new Shape("", key);
  }

  static Shape arrayAt(String path, String key) {
    return new Shape(path, key);
  }

  /** What is wrong with the body, or null when it has this shape. */
  String problem(JsonNode body) {
    JsonNode arr = body;
    if (!path.isEmpty()) {
      for (String part : path.split("\\.")) {
        arr = arr == null ? null : arr.get(part);
      }
    }
    if (arr == null || !arr.isArray()) {
      return path.isEmpty() ? "not a JSON array" : "no `" + path + "` array";
    }
    if (arr.isEmpty()) {
      return null;
    }
    for (JsonNode e : arr) {
      if (key == null ? e.isArray() : e.isObject() && e.has(key)) {
        return null;
      }
    }
    String where = path.isEmpty() ? "the array's" : "`" + path + "`";
    return key == null
        ? where + " elements are not arrays"
        : where + " elements have no `" + key + "`";
  }
}
