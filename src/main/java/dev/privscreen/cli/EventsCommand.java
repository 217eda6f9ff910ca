package dev.privscreen.cli;

import dev.privscreen.error.UsageException;
import dev.privscreen.format.Kind;
import dev.privscreen.format.NamedColumn;
import dev.privscreen.format.Times;
import dev.privscreen.metrics.SnapshotIndex;
import dev.privscreen.model.ListingEvent.Action;
import dev.privscreen.model.Window;
import dev.privscreen.output.RecordOutput;
import dev.privscreen.screen.EventList;
import dev.privscreen.screen.EventList.Event;
import dev.privscreen.screen.Screener;
import dev.privscreen.source.SnapshotReader;
import dev.privscreen.source.SnapshotReader.Part;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code privscreen events}: listing and delisting events in a window, newest first. */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  privscreen events --within 7d",
      "  privscreen events --venue binance,okx --market perp --json"
    },
    sortOptions = false,
    description = "List listing/delisting events in a window ending at the end of the as-of day.")
final class EventsCommand implements Callable<Integer> {
  static final String SCHEMA = "privscreen.events/1";

  static final List<NamedColumn<Event>> COLUMNS =
      List.of(
          new NamedColumn<>("id", Kind.TEXT, e -> e.event().id()),
          new NamedColumn<>("symbol", Kind.TEXT, Event::symbol),
          new NamedColumn<>("venue", Kind.TEXT, e -> e.event().venue()),
          new NamedColumn<>("market", Kind.TEXT, e -> e.event().market().label()),
          new NamedColumn<>("pair", Kind.TEXT, e -> e.event().pair()),
          new NamedColumn<>("listed_at", Kind.TIME, e -> e.event().listedAt()),
          new NamedColumn<>("action", Kind.TEXT, e -> e.event().action().label()));

  @ParentCommand RootCommand root;

  @Mixin SourceOptions source;

  @Option(
      names = "--within",
      paramLabel = "WINDOW",
      converter = Converters.WindowConverter.class,
      defaultValue = "30d",
      description = "Events with end-of-day - WINDOW < listed_at <= end-of-day (default: 30d).")
  Window within;

  @Mixin VenueOptions venue;

  @Option(
      names = "--action",
      paramLabel = "list|delist",
      completionCandidates = Completions.Actions.class,
      description = "Only listings or only delistings (default: both).")
  Action action;

  @Mixin OutputOptions output;

  @Option(names = "--fail-if-empty", description = "Exit 1 when there is no event.")
  boolean failIfEmpty;

  @Override
  public Integer call() {
    Context ctx = root.ctx;
    // the assets and their listings; prices only for their dates, which may date the snapshot
    SnapshotReader.Scope scope =
        SnapshotReader.Scope.noDays(EnumSet.of(Part.OPEN_INTEREST, Part.METRICS));
    SnapshotIndex index = SnapshotIndex.of(source.load(ctx, root.global.quiet, scope));
    LocalDate today;
    try {
      today = Screener.today(index, source.asOf);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    List<Event> events =
        EventList.of(index.snapshot(), today, within, venue.venueSet(), venue.marketSet(), action);
    String asOf = Times.instant(Screener.asOfInstant(index, today));
    RecordOutput.list(
        output.format(),
        OutputOptions.style(ctx, root.global),
        output.out(ctx, true),
        g -> {
          g.writeStringField("schema", SCHEMA);
          g.writeStringField("as_of", asOf);
        },
        "events",
        events,
        output.select(COLUMNS));
    return failIfEmpty && events.isEmpty() ? ExitCode.EMPTY.code : ExitCode.OK.code;
  }
}
