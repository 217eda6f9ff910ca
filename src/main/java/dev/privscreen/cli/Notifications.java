package dev.privscreen.cli;

import dev.privscreen.error.UsageException;
import dev.privscreen.fields.ResultRow;
import dev.privscreen.model.Window;
import dev.privscreen.notify.AlertMessage;
import dev.privscreen.notify.Sender;
import dev.privscreen.notify.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code --notify} and {@code --notify-test} for the commands that send ({@code screen --alert},
 * {@code diff}): the targets from the flags, the config's named ones or {@code PRIVSCREEN_NOTIFY};
 * a run's rows as one message to each; refusals as one masked line each on stderr.
 */
final class Notifications {
  private Notifications() {}

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** The longest retry hint honoured when no --max-wait is given: fetch's default. */
  static final Duration MAX_WAIT = Duration.ofSeconds(60);

  /** Every target's sends and waits together, so that a cron run ends in bounded time. */
  private static final Duration BUDGET = Duration.ofMinutes(2);

  /**
   * {@code given}'s targets (URLs, or {@code @NAME} of the config's notify section), else
   * PRIVSCREEN_NOTIFY's; each checked before anything is sent (a bad one is a usage error).
   */
  static List<Target> targets(Context ctx, GlobalOptions global, List<String> given) {
    List<String> urls = new ArrayList<>(given);
    String env = ctx.env().get("PRIVSCREEN_NOTIFY");
    if (urls.isEmpty() && env != null && !env.isBlank()) {
      urls.addAll(List.of(env.strip().split("[\\s,]+")));
    }
    List<Target> out = new ArrayList<>();
    for (String g : urls) {
      String u = g;
      if (g.startsWith("@")) {
        Map<String, String> named = global.config(ctx).notifyTargets();
        u = named.get(g.substring(1));
        if (u == null) {
          throw new UsageException(
              "--notify "
                  + g
                  + ": no such target in the config's notify section (it has: "
                  + (named.isEmpty() ? "none" : String.join(", ", named.keySet()))
                  + ")");
        }
      }
      try {
        out.add(Target.parse(u, ctx.env()));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    return out;
  }

  /**
   * Sends the rows to every target as one message; whether at least one took it. Each refusal is a
   * line on stderr, and {@code refused} is told.
   */
  static boolean send(
      Context ctx,
      List<Target> targets,
      String name,
      Instant asOf,
      List<ResultRow> rows,
      Duration maxWait,
      Runnable refused) {
    List<AlertMessage.Entry> entries = new ArrayList<>();
    for (ResultRow row : rows) {
      var m = row.metrics();
      entries.add(
          new AlertMessage.Entry(
              m.asset().id(),
              m.asset().symbol(),
              m.asset().name(),
              m.priceUsd(),
              m.gain(new Window(7)),
              m.oiUsd(),
              m.fundingRatePct(),
              row.signals()));
    }
    AlertMessage message = new AlertMessage(name, asOf, entries);
    Sender sender = sender(ctx, maxWait);
    boolean any = false;
    for (Target t : targets) {
      Sender.Outcome o = sender.send(t, message);
      if (o.delivered()) {
        any = true;
      } else {
        refused.run();
        ctx.err().println("privscreen: notify: " + o.detail());
      }
    }
    return any;
  }

  /** --notify-test: one test message, and what the service said of it; 4 when it refused. */
  static int test(Context ctx, GlobalOptions global, String url, String name, Duration maxWait) {
    Target t = targets(ctx, global, List.of(url)).get(0);
    AlertMessage message = new AlertMessage(name == null ? "test" : name, Instant.now(), List.of());
    Sender.Outcome o = sender(ctx, maxWait).send(t, message);
    if (o.delivered()) {
      ctx.out().println(t.redacted() + ": delivered (" + o.detail() + ")");
      return ExitCode.OK.code;
    }
    ctx.err().println("privscreen: notify: " + o.detail());
    return ExitCode.PARTIAL.code;
  }

  private static Sender sender(Context ctx, Duration maxWait) {
    String v = Notifications.class.getPackage().getImplementationVersion();
    return new Sender(
        TIMEOUT,
        maxWait == null ? MAX_WAIT : maxWait,
        BUDGET,
        "privscreen/" + (v == null ? "dev" : v),
        backoff(ctx));
  }

  /** The first retry's wait without a hint: 1 s, or PRIVSCREEN_BACKOFF_MS (tests). */
  private static long backoff(Context ctx) {
    String v = ctx.env().get("PRIVSCREEN_BACKOFF_MS");
    try {
      return v == null ? 1000 : Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      return 1000;
    }
  }
}
