package dev.privscreen.source.http;

import java.util.List;

/** Replaces secrets (API keys) with {@code ***} in any text bound for a user or a file. */
public final class Redactor {
  private final List<String> secrets;

  public Redactor(List<String> secrets) {
    this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 4).toList();
  }

  public String apply(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String s : secrets) {
      out = out.replace(s, "***");
    }
    return out;
  }
}
