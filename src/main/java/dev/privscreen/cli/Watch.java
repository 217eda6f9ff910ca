package dev.privscreen.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.privscreen.error.UsageException;
import dev.privscreen.fields.ResultField;
import dev.privscreen.fields.ResultRow;
import dev.privscreen.format.Times;
import dev.privscreen.output.Json;
import dev.privscreen.output.OutputFormat;
import dev.privscreen.output.Style;
import dev.privscreen.screen.ScreenRequest;
import dev.privscreen.screen.ScreenResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code screen --watch INTERVAL}: the screen again every interval, from the source as it is then
 * (the store as cron writes it). On a terminal the screen is repainted in place, with a header (the
 * data's as-of, the next refresh) and what entered and left since the last refresh; elsewhere each
 * change is one NDJSON event, for {@code jq} and scripts. Only the last result is kept, so memory
 * stays flat however long it runs. A reader that leaves (a closed pipe) ends it.
 */
final class Watch {
  private Watch() {}

  /** What changed between two refreshes: the rows that entered, and those that left. */
  record Changes(List<ResultRow> entered, List<ResultRow> left) {
    /**
     * @param before the last refresh's rows by id; null on the first, when every row enters
     */
    static Changes of(Map<String, ResultRow> before, Map<String, ResultRow> now) {
      List<ResultRow> entered = new ArrayList<>();
      List<ResultRow> left = new ArrayList<>();
      now.forEach(
          (id, row) -> {
            if (before == null || !before.containsKey(id)) {
              entered.add(row);
            }
          });
      if (before != null) {
        before.forEach(
            (id, row) -> {
              if (!now.containsKey(id)) {
                left.add(row);
              }
            });
      }
      return new Changes(entered, left);
    }
  }

  /**
   * The refresh loop every --watch shares: {@code refresh} now, then again every interval (at least
   * 1s), until {@code q}, Ctrl-C, a reader that left (a closed pipe), or PRIVSCREEN_WATCH_ROUNDS.
   * On a terminal the keyboard is read a key at a time ({@code q} quits, the modes put back after),
   * and a resize ({@code SIGWINCH}) repaints the last refresh at once with {@code repaint}.
   */
  static int every(Context ctx, Duration every, Runnable refresh, Runnable repaint) {
    if (every.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new UsageException("--watch: " + every.toMillis() + "ms is under the least, 1s");
    }
    int rounds = rounds(ctx); // 0: until q or Ctrl-C
    // the keyboard and the resizes wake the loop through a queue, never by interrupting it: an
    // interrupt would close the store's file channels under a refresh
    java.util.concurrent.BlockingQueue<String> wake =
        new java.util.concurrent.LinkedBlockingQueue<>();
    Terminal.Keys keys =
        ctx.stdoutIsTerminal()
            ? Terminal.Keys.open(
                ctx.stdin(),
                c -> {
                  if (c == 'q' || c == 'Q') {
                    wake.add("quit");
                  }
                })
            : null;
    if (ctx.stdoutIsTerminal()) {
      onResize(
          () -> {
            Terminal.resized(); // the repaint asks the new width
            wake.add("resize");
          });
    }
    try {
      for (int n = 1; ; n++) {
        refresh.run();
        ctx.out().flush();
        if (ctx.out().checkError() || (rounds != 0 && n >= rounds)) {
          return ExitCode.OK.code; // the reader left, or the test's rounds are done
        }
        long next = System.nanoTime() + every.toNanos();
        for (long left; (left = next - System.nanoTime()) > 0; ) {
          String why = wake.poll(left, java.util.concurrent.TimeUnit.NANOSECONDS);
          if ("quit".equals(why)) {
            return ExitCode.OK.code;
          }
          if ("resize".equals(why)) {
            repaint.run();
            ctx.out().flush();
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCode.OK.code;
    } finally {
      if (keys != null) {
        keys.close();
      }
    }
  }

  /**
   * Runs {@code then} on each SIGWINCH (the terminal resized). sun.misc.Signal is the JDK's only
   * way to it (module jdk.unsupported); where it is missing, a resize shows at the next refresh.
   */
  private static void onResize(Runnable then) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), s -> then.run());
    } catch (IllegalArgumentException | LinkageError e) {
      // no such signal here, or no jdk.unsupported: the next refresh repaints anyway
    }
  }

  /** Whether q quits: the keyboard is read when stdin is the terminal too. */
  static String quitHint(Context ctx) {
    return ctx.stdoutIsTerminal() && Terminal.Keys.readable(ctx.stdin())
        ? "q quits"
        : "Ctrl-C quits";
  }

  /** The header line of a repaint: the command, the data's as-of, the next refresh, how to quit. */
  static String header(Style style, String command, Duration every, String asOf, String quit) {
    return style.bold(command + " --watch " + every.toSeconds() + "s")
        + (asOf == null ? "" : "   as of " + asOf)
        + "   next "
        + Times.instant(Instant.now().plus(every)).substring(11)
        + "   "
        + quit;
  }

  /** Home and clear: the next paint starts at the top of an empty screen. */
  static final String CLEAR = "\033[H\033[2J";

  static int run(ScreenCommand cmd, Context ctx, ScreenRequest request) {
    Duration every = cmd.watchInterval();
    if (cmd.live() && every.compareTo(LIVE_LEAST) < 0) {
      throw new UsageException(
          "--watch with --live: "
              + every.toSeconds()
              + "s is under the least, 1m (each refresh is a whole fetch, paced to the sources'"
              + " limits)");
    }
    if (cmd.alertName() != null) {
      throw new UsageException("--watch and --alert: choose one (--alert is for cron)");
    }
    boolean terminal = ctx.stdoutIsTerminal();
    String quit = quitHint(ctx);
    Map<String, ResultRow> before = new LinkedHashMap<>();
    boolean[] first = {true};
    List<Painted> last = new ArrayList<>(1); // the last refresh, painted again on a resize
    return every(
        ctx,
        every,
        () -> {
          Map.Entry<ScreenResult, List<ResultField>> now;
          try {
            now = cmd.screenNow(ctx, request);
          } catch (dev.privscreen.error.PrivscreenException e) {
            if (!cmd.live()) {
              throw e;
            }
            // a live fetch that failed this time (the network, a source down): said, and the
            // next refresh tries again; the last screen stays on the terminal
            ctx.err()
                .println(
                    "privscreen: "
                        + e.getMessage()
                        + " (trying again in "
                        + every.toSeconds()
                        + "s)");
            ctx.err().flush();
            return;
          }
          ScreenResult r = now.getKey();
          Map<String, ResultRow> rows = new LinkedHashMap<>();
          for (ResultRow row : r.results()) {
            rows.put(row.metrics().asset().id(), row);
          }
          Changes changes = Changes.of(first[0] ? null : before, rows);
          if (terminal) {
            last.clear();
            last.add(new Painted(r, now.getValue(), changes));
            paint(ctx, cmd.global(), last.get(0), every, quit);
          } else {
            events(ctx.out(), r, now.getValue(), changes);
          }
          before.clear(); // only the last refresh is kept
          before.putAll(rows);
          first[0] = false;
        },
        () -> {
          if (!last.isEmpty()) {
            paint(ctx, cmd.global(), last.get(0), every, quit);
          }
        });
  }

  /** A live refresh is a whole fetch: no more often than this. */
  static final Duration LIVE_LEAST = Duration.ofMinutes(1);

  /** A refresh as painted: its result, its fields, and what changed since the one before. */
  record Painted(ScreenResult result, List<ResultField> fields, Changes changes) {}

  /**
   * The screen repainted in place: home, clear, a header, the table, what entered and left. The
   * style is asked each time, so that a resized terminal gets a table of its new width.
   */
  private static void paint(
      Context ctx, GlobalOptions global, Painted p, Duration every, String quit) {
    PrintWriter out = ctx.out();
    Style style = OutputOptions.style(ctx, global);
    ScreenResult r = p.result();
    Changes changes = p.changes();
    out.print(CLEAR);
    out.println(header(style, "privscreen screen", every, Times.instant(r.asOf()), quit));
    OutputFormat.table.renderer(style).render(r, p.fields(), out);
    if (!changes.entered().isEmpty()) {
      out.println(style.bold("entered: " + symbols(changes.entered())));
    }
    if (!changes.left().isEmpty()) {
      out.println("left: " + symbols(changes.left()));
    }
  }

  /**
   * One line per change: {"event":"entered","as_of",…fields} or
   * {"event":"left","as_of","id","symbol"}.
   */
  private static void events(
      PrintWriter out, ScreenResult r, List<ResultField> fields, Changes changes) {
    try {
      for (ResultRow row : changes.entered()) {
        out.println(event("entered", r.asOf(), row, fields));
      }
      for (ResultRow row : changes.left()) {
        out.println(event("left", r.asOf(), row, List.of()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String event(String kind, Instant asOf, ResultRow row, List<ResultField> fields)
      throws IOException {
    java.io.StringWriter w = new java.io.StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("event", kind);
      g.writeStringField("as_of", Times.instant(asOf));
      if (fields.isEmpty()) {
        g.writeStringField("id", row.metrics().asset().id());
        g.writeStringField("symbol", row.metrics().asset().symbol());
      } else {
        Json.fields(g, row, fields);
      }
      g.writeEndObject();
    }
    return w.toString();
  }

  private static String symbols(List<ResultRow> rows) {
    List<String> s = new ArrayList<>();
    for (ResultRow r : rows) {
      s.add(dev.privscreen.format.Printable.escape(r.metrics().asset().symbol()));
    }
    return String.join(", ", s);
  }

  /** PRIVSCREEN_WATCH_ROUNDS: refreshes before stopping, for tests; 0 (the default) for ever. */
  static int rounds(Context ctx) {
    String v = ctx.env().get("PRIVSCREEN_WATCH_ROUNDS");
    try {
      return v == null ? 0 : Math.max(0, Integer.parseInt(v.strip()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
