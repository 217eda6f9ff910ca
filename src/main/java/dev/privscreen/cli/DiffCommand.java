package dev.privscreen.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.privscreen.error.DataException;
import dev.privscreen.error.UsageException;
import dev.privscreen.fields.ResultField;
import dev.privscreen.fields.ResultRow;
import dev.privscreen.format.Column;
import dev.privscreen.format.Kind;
import dev.privscreen.format.NamedColumn;
import dev.privscreen.format.Times;
import dev.privscreen.metrics.SnapshotIndex;
import dev.privscreen.model.Snapshot;
import dev.privscreen.output.Json;
import dev.privscreen.output.RecordOutput;
import dev.privscreen.screen.Explain;
import dev.privscreen.screen.ScreenDiff;
import dev.privscreen.screen.ScreenRequest;
import dev.privscreen.screen.ScreenResult;
import dev.privscreen.screen.Screener;
import dev.privscreen.source.SnapshotReader;
import dev.privscreen.store.SnapshotStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code privscreen diff}: what entered, left and stayed in the screen between two snapshots. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  privscreen diff --since-last --oi-breakout --listed-within 1d --match any",
      "  privscreen diff old.json new.json --min-gain 7d=50 --json",
      "  privscreen diff 20261120T060000Z 20261120T070000Z --oi-breakout"
    },
    sortOptions = false,
    description =
        "What entered / left / stayed in the screen between two snapshots (OLD NEW), or between"
            + " the store's two newest (--since-last).")
final class DiffCommand implements Callable<Integer> {
  static final String SCHEMA = "privscreen.diff/1";

  @ParentCommand RootCommand root;

  @Parameters(
      arity = "0..2",
      paramLabel = "SNAPSHOT",
      description =
          "OLD and NEW: snapshot JSON files, CSV directories, or ids of fetches of the store"
              + " (20261120T060000Z).")
  List<String> snapshots = new ArrayList<>();

  @Option(names = "--since-last", description = "Compare the store's two newest snapshots.")
  boolean sinceLast;

  @Mixin RuleOptions rules;

  @Mixin OutputOptions output;

  @Option(names = "--fail-if-empty", description = "Exit 1 when nothing entered.")
  boolean failIfEmpty;

  @Option(
      names = "--notify",
      paramLabel = "URL",
      description =
          "Also send what entered, one message, to this target (repeatable; a URL as screen's"
              + " --notify, or @NAME of the config's notify section). Nothing is sent when nothing"
              + " entered.")
  List<String> notify = new ArrayList<>();

  @Option(names = "--strict", description = "Exit 4 when a --notify target did not take it.")
  boolean strict;

  @Option(
      names = "--max-wait",
      paramLabel = "DURATION",
      defaultValue = "60s",
      converter = Converters.DurationConverter.class,
      description =
          "Longest retry hint (Retry-After, retry_after) a --notify target is waited for; longer"
              + " fails it (default: 60s).")
  java.time.Duration maxWait;

  private boolean refused;

  /** One row of the table, NDJSON or CSV: a result and how it changed. */
  record Change(String change, ResultRow row) {}

  @Override
  public Integer call() {
    Context ctx = root.ctx;
    // checked before any work: a bad URL is a usage error, not a failure after the output
    List<dev.privscreen.notify.Target> targets =
        notify.isEmpty() ? List.of() : Notifications.targets(ctx, root.global, notify);
    ScreenRequest req;
    try {
      req =
          new ScreenRequest(
              null, rules.rules(), rules.match, rules.oiLookback(), List.of(), null, Explain.none);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Snapshot[] pair = pair(ctx, req);
    SnapshotIndex old = SnapshotIndex.of(pair[0]);
    SnapshotIndex now = SnapshotIndex.of(pair[1]);
    ScreenDiff diff;
    List<ResultField> fields;
    try {
      ScreenResult a = Screener.screen(old, req);
      ScreenResult b = Screener.screen(now, req);
      diff = ScreenDiff.of(a, b);
      fields = output.fields(b.fields());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    switch (output.format()) {
      case json -> json(ctx, diff, fields);
      default -> {
        List<Change> rows = new ArrayList<>();
        diff.entered().forEach(r -> rows.add(new Change("entered", r)));
        diff.left().forEach(r -> rows.add(new Change("left", r)));
        diff.stayed().forEach(r -> rows.add(new Change("stayed", r)));
        List<Column<Change>> cols = new ArrayList<>();
        cols.add(new NamedColumn<>("change", Kind.TEXT, Change::change));
        for (ResultField f : fields) {
          cols.add(new NamedColumn<>(f.name(), f.kind(), c -> f.get(c.row())));
        }
        RecordOutput.list(
            output.format(),
            OutputOptions.style(ctx, root.global),
            output.out(ctx, true),
            g -> {},
            "changes",
            rows,
            cols);
        if (output.format() == dev.privscreen.output.OutputFormat.table && !root.global.quiet) {
          ctx.err()
              .println(
                  diff.entered().size()
                      + " entered, "
                      + diff.left().size()
                      + " left, "
                      + diff.stayed().size()
                      + " stayed ("
                      + Times.instant(diff.oldResult().asOf())
                      + " -> "
                      + Times.instant(diff.newResult().asOf())
                      + ")");
        }
      }
    }
    ctx.out().flush();
    if (!targets.isEmpty() && !diff.entered().isEmpty()) {
      Notifications.send(
          ctx,
          targets,
          "diff",
          diff.newResult().asOf(),
          diff.entered(),
          maxWait,
          () -> refused = true);
    }
    if (failIfEmpty && diff.entered().isEmpty()) {
      return ExitCode.EMPTY.code;
    }
    return strict && refused ? ExitCode.PARTIAL.code : ExitCode.OK.code;
  }

  /** OLD and NEW: named, or the store's two newest readable ones (damaged ones skipped). */
  private Snapshot[] pair(Context ctx, ScreenRequest req) {
    if (sinceLast) {
      if (!snapshots.isEmpty()) {
        throw new UsageException("--since-last takes no snapshot arguments");
      }
      List<SnapshotStore.Stored> two = SourceOptions.newest(ctx, root.global.quiet, 2);
      if (two.size() < 2) {
        throw new DataException(
            "--since-last needs two readable snapshots in the store, found "
                + two.size()
                + ": run 'privscreen fetch' again later");
      }
      return new Snapshot[] {two.get(1).snapshot(), two.get(0).snapshot()};
    }
    if (snapshots.size() != 2) {
      throw new UsageException("give OLD and NEW snapshots, or --since-last");
    }
    return new Snapshot[] {read(snapshots.get(0), req), read(snapshots.get(1), req)};
  }

  /**
   * A snapshot to screen as of its own day: the tables and days the screen uses (Projection). A
   * fetch id that is not a path names a fetch of the store.
   */
  private Snapshot read(String path, ScreenRequest req) {
    if (dev.privscreen.store.FetchIds.isId(path) && !java.nio.file.Files.exists(Path.of(path))) {
      return SourceOptions.byId(root.ctx, root.global.quiet, path);
    }
    return SnapshotReader.read(
        Path.of(path),
        Projection.scope(
            req.rules(),
            output.fields,
            List.of(),
            req.metricsSpec(),
            SnapshotReader.declaredAsOf(path),
            null));
  }

  private static void json(Context ctx, ScreenDiff d, List<ResultField> fields) {
    try (JsonGenerator g = Json.generator(ctx.out(), true)) {
      g.writeStartObject();
      g.writeStringField("schema", SCHEMA);
      g.writeStringField("old_as_of", Times.instant(d.oldResult().asOf()));
      g.writeStringField("new_as_of", Times.instant(d.newResult().asOf()));
      array(g, "entered", d.entered(), fields);
      array(g, "left", d.left(), fields);
      array(g, "stayed", d.stayed(), fields);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ctx.out().println();
  }

  private static void array(
      JsonGenerator g, String key, List<ResultRow> rows, List<ResultField> fields)
      throws IOException {
    g.writeArrayFieldStart(key);
    for (ResultRow r : rows) {
      Json.object(g, r, fields);
    }
    g.writeEndArray();
  }
}
