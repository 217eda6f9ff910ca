package dev.privscreen.format;

import com.fasterxml.jackson.core.JsonFactory;

/** The one Jackson factory: thread-safe, and costly enough to make once, not per document. */
public final class JsonIo {
  public static final JsonFactory FACTORY = new JsonFactory();

  private JsonIo() {}
}
