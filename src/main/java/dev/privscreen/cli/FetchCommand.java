package dev.privscreen.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code privscreen fetch}: live data from the public APIs into a snapshot. */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Pull live data (CoinGecko markets and history; open interest and listings from Binance,"
          + " OKX, Bybit, Bitget) into a new snapshot in the store, merged with the history"
          + " already there. Prints the snapshot's path.",
      "API keys come from the environment only: COINGECKO_API_KEY, COINGECKO_API_PLAN=demo|pro."
    })
final class FetchCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;

  @Mixin FetchOptions options;

  @Override
  public Integer call() {
    LiveFetch.Outcome o = LiveFetch.run(root.ctx, root.global, options, true);
    root.ctx.out().println(o.written());
    return o.exitCode();
  }
}
