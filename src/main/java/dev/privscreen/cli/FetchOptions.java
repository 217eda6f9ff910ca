package dev.privscreen.cli;

import dev.privscreen.source.http.Endpoints;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How {@code fetch} (and {@code screen --live}) reach the live sources. */
public final class FetchOptions {
  @Option(
      names = "--sources",
      paramLabel = "NAME",
      split = ",",
      completionCandidates = FetchOptions.SourceNames.class,
      description = "Sources to fetch (default: all: ${COMPLETION-CANDIDATES}).")
  List<String> sources = new ArrayList<>(Endpoints.SOURCES);

  @Option(
      names = "--days",
      defaultValue = "30",
      description = "History depth in days (default: 30).")
  int days;

  @Option(
      names = "--category",
      defaultValue = "privacy-coins",
      description =
          "CoinGecko category (default: privacy-coins); universe members are always added.")
  String category;

  @Option(
      names = "--endpoint",
      paramLabel = "NAME=URL",
      description = "Base URL of a source, for tests and mirrors (also PRIVSCREEN_<NAME>_URL).")
  List<String> endpoints = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the snapshot here, not in the store.")
  Path out;

  @Option(
      names = "--offline",
      description = "Use the HTTP cache only; what is not there is an error.")
  boolean offline;

  @Option(names = "--refresh", description = "Ignore the HTTP cache; fetch everything anew.")
  boolean refresh;

  @Option(
      names = "--strict",
      description = "Exit 4 when some sources failed (default: 0 and a warning).")
  boolean strict;

  @Option(
      names = "--max-wait",
      paramLabel = "DURATION",
      defaultValue = "60s",
      converter = Converters.DurationConverter.class,
      description = "Longest Retry-After honoured; longer fails the source (default: 60s).")
  Duration maxWait;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = Converters.DurationConverter.class,
      description = "Time allowed for one answer (default: 30s).")
  Duration timeout;

  @Option(
      names = "--rate-limit",
      paramLabel = "NAME=PER_MIN",
      description =
          "Calls a minute to a source (defaults: coingecko 10, 30 with a key; binance 200; okx 150; bybit 600; bitget 600).")
  List<String> rateLimits = new ArrayList<>();

  @Option(
      names = "--lock-wait",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = Converters.DurationConverter.class,
      description = "How long to wait for another fetch to finish (default: 30s).")
  Duration lockWait;

  /** Completion candidates for --sources. */
  static final class SourceNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    SourceNames() {
      super(Endpoints.SOURCES);
    }
  }
}
