package dev.privscreen.output;

import dev.privscreen.fields.ResultField;
import dev.privscreen.screen.ScreenResult;
import java.io.PrintWriter;
import java.util.List;

/** Writes a screen to stdout in one format. */
public interface ScreenRenderer {
  void render(ScreenResult result, List<ResultField> fields, PrintWriter out);
}
