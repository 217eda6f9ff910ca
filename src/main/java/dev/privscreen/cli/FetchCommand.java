package dev.privscreen.cli;

import dev.privscreen.fetch.LiveFetch;
import dev.privscreen.store.SnapshotWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code privscreen fetch}: live data from the public APIs into a snapshot. */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  privscreen fetch",
      "  privscreen fetch --sources coingecko,okx --days 60",
      "  COINGECKO_API_KEY=... COINGECKO_API_PLAN=pro privscreen fetch",
      "  privscreen fetch -q --strict && privscreen screen --oi-breakout --fail-if-empty",
      "  privscreen fetch --out - | jq .sources"
    },
    sortOptions = false,
    description = {
      "Pull live data (CoinGecko markets and history; open interest and listings from Binance,"
          + " OKX, Bybit, Bitget) into a new snapshot in the store, merged with the history"
          + " already there. Prints the new fetch's id (for --snapshot ID), or with --out the"
          + " file's path.",
      "One clock: a day's value describes 00:00 UTC of that day; today's is the latest reading"
          + " (its instant kept: oi_as_of). Each reading counts for the day whose 00:00 UTC it is"
          + " nearest; today's open interest is each venue's current reading.",
      "API keys come from the environment (COINGECKO_API_KEY, COINGECKO_API_PLAN=demo|pro) or"
          + " the config file, never from a flag."
    })
final class FetchCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;

  @Mixin FetchOptions options;

  @picocli.CommandLine.Option(
      names = "--strict",
      description = "Exit 4 when some sources failed (default: 0 and a warning).")
  boolean strict;

  @Override
  public Integer call() {
    Context ctx = root.ctx;
    boolean toStdout = options.out != null && options.out.toString().equals("-");
    LiveFetch.Outcome o = options.run(ctx, root.global, toStdout ? null : options.out, !toStdout);
    if (toStdout) {
      try {
        SnapshotWriter.write(o.snapshot(), ctx.out());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      ctx.out().println();
    } else {
      ctx.out().println(o.written());
    }
    return FetchOptions.exitCode(o, strict);
  }
}
