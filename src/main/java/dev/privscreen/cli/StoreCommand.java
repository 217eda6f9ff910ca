package dev.privscreen.cli;

import dev.privscreen.error.DataException;
import dev.privscreen.error.UsageException;
import dev.privscreen.format.Kind;
import dev.privscreen.format.NamedColumn;
import dev.privscreen.model.Snapshot;
import dev.privscreen.output.RecordOutput;
import dev.privscreen.store.AtomicFile;
import dev.privscreen.store.Compaction;
import dev.privscreen.store.FactStore;
import dev.privscreen.store.FetchIds;
import dev.privscreen.store.Migration;
import dev.privscreen.store.SnapshotCsvWriter;
import dev.privscreen.store.SnapshotStore;
import dev.privscreen.store.SnapshotWriter;
import dev.privscreen.store.StorePaths;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code privscreen store list|export|prune|migrate}: what is stored, and its upkeep. */
@Command(
    name = "store",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  privscreen store list",
      "  privscreen store export --snapshot 20261120T010000Z --out state.json",
      "  privscreen store prune --keep 90d",
      "  privscreen store prune --damaged"
    },
    description =
        "List the store's fetches, export one as a snapshot, prune old ones, or convert a store"
            + " of the old layout.",
    subcommands = {
      StoreCommand.ListStore.class,
      StoreCommand.Export.class,
      StoreCommand.Prune.class,
      StoreCommand.Migrate.class
    })
final class StoreCommand implements Runnable {
  @ParentCommand RootCommand root;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "say list, export, prune or migrate");
  }

  static final List<NamedColumn<SnapshotStore.Fetch>> COLUMNS =
      List.of(
          new NamedColumn<>("id", Kind.TEXT, SnapshotStore.Fetch::id),
          new NamedColumn<>("fetched_at", Kind.TIME, SnapshotStore.Fetch::fetchedAt),
          new NamedColumn<>("as_of", Kind.TIME, SnapshotStore.Fetch::asOf),
          new NamedColumn<>("members", Kind.INTEGER, e -> e.members() < 0 ? null : e.members()),
          new NamedColumn<>("sources", Kind.TEXT, SnapshotStore.Fetch::sources),
          new NamedColumn<>(
              "bytes", Kind.INTEGER, e -> (int) Math.min(Integer.MAX_VALUE, e.bytes())),
          new NamedColumn<>("status", Kind.TEXT, e -> e.damaged() ? "damaged" : "ok"),
          new NamedColumn<>("damage", Kind.TEXT, SnapshotStore.Fetch::damage));

  static SnapshotStore store(Context ctx) {
    return new SnapshotStore(StorePaths.from(ctx.env()).snapshots());
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "The store's fetches, oldest first: id (its UTC time, for --snapshot ID), as-of, members,"
            + " each source's status, the bytes it added, and whether it reads (status, damage).",
        "A damaged fetch is skipped by every reader; forget it with 'store prune --damaged'."
      })
  static final class ListStore implements Callable<Integer> {
    @ParentCommand StoreCommand store;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      Context ctx = store.root.ctx;
      SnapshotStore s = store(ctx);
      List<SnapshotStore.Fetch> all = s.list(true);
      RecordOutput.list(
          output.format(),
          OutputOptions.style(ctx, store.root.global),
          output.out(ctx, true),
          g -> g.writeStringField("schema", "privscreen.store/2"),
          "fetches",
          all,
          output.select(COLUMNS));
      if (output.format() == dev.privscreen.output.OutputFormat.table && !store.root.global.quiet) {
        long bytes = all.stream().mapToLong(SnapshotStore.Fetch::bytes).sum();
        long damaged = all.stream().filter(SnapshotStore.Fetch::damaged).count();
        ctx.err()
            .println(
                all.size()
                    + " fetches"
                    + (damaged > 0 ? " (" + damaged + " damaged)" : "")
                    + ", "
                    + (bytes >> 10)
                    + " KiB, in "
                    + s.dir()
                    + (s.factStore() ? "" : " (the old layout: one file a fetch)"));
      }
      return ExitCode.OK.code;
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      footerHeading = "%nExamples:%n",
      footer = {
        "  privscreen store export --out now.json",
        "  privscreen store export --snapshot 20261120T010000Z --out nov20/",
        "  privscreen store export --out - | jq '.assets | length'"
      },
      description =
          "Write a fetch (the newest, or --snapshot ID) as a snapshot: JSON (FILE.json, or - for"
              + " stdout) or a CSV directory (any other path), as --from reads them.")
  static final class Export implements Callable<Integer> {
    @ParentCommand StoreCommand store;

    @Option(
        names = "--snapshot",
        paramLabel = "ID",
        description = "The fetch to export (default: the newest that reads).")
    String snapshot;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "PATH",
        description = "FILE.json, a directory for CSV, or - for JSON on stdout.")
    Path out;

    @Override
    public Integer call() {
      Context ctx = store.root.ctx;
      boolean quiet = store.root.global.quiet;
      Snapshot s =
          snapshot != null
              ? SourceOptions.byId(ctx, quiet, snapshot)
              : SourceOptions.newest(ctx, quiet, 1).get(0).snapshot();
      try {
        if (out.toString().equals("-")) {
          SnapshotWriter.write(s, ctx.out());
          ctx.out().flush();
        } else if (out.getFileName().toString().endsWith(".json")) {
          AtomicFile.write(out, true, w -> SnapshotWriter.write(s, w));
        } else {
          SnapshotCsvWriter.write(s, out);
        }
      } catch (IOException e) {
        throw new DataException(out + ": cannot write: " + e.getMessage(), e);
      }
      return ExitCode.OK.code;
    }
  }

  @Command(
      name = "prune",
      mixinStandardHelpOptions = true,
      description = {
        "Forget fetches older than --keep, the damaged ones (--damaged), or those named: they no"
            + " longer reproduce by id. The history stays: every day's latest value is kept,"
            + " unless --history-before drops the days before a date.",
        "The newest fetch that reads is never forgotten."
      })
  static final class Prune implements Callable<Integer> {
    @ParentCommand StoreCommand store;

    @Option(
        names = "--keep",
        paramLabel = "DURATION",
        converter = Converters.DurationConverter.class,
        description = "Keep the fetches of this long (e.g. 90d).")
    Duration keep;

    @Parameters(arity = "0..*", paramLabel = "ID", description = "Fetches to forget.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--damaged", description = "Forget the fetches that do not read.")
    boolean damaged;

    @Option(
        names = "--history-before",
        paramLabel = "DATE",
        converter = Converters.Day.class,
        description = "Also drop the history of the days before DATE (YYYY-MM-DD).")
    LocalDate historyBefore;

    @Option(names = "--dry-run", description = "Say what would be forgotten; change nothing.")
    boolean dryRun;

    @Option(
        names = "--lock-wait",
        paramLabel = "DURATION",
        converter = Converters.DurationConverter.class,
        description = "How long to wait for a running fetch (default: 30s).")
    Duration lockWait = Duration.ofSeconds(30);

    @Override
    public Integer call() {
      Context ctx = store.root.ctx;
      int ways = (keep == null ? 0 : 1) + (damaged ? 1 : 0) + (ids.isEmpty() ? 0 : 1);
      if (ways > 1 || (ways == 0 && historyBefore == null)) {
        throw new UsageException(
            "give one of --keep DURATION, --damaged, or the ids to forget (or --history-before"
                + " DATE alone)");
      }
      SnapshotStore s = store(ctx);
      boolean quiet = store.root.global.quiet;
      return s.locked(
          lockWait,
          SourceOptions.warner(ctx, quiet),
          () -> {
            if (!dryRun) {
              s.removeLeftovers();
              migrated(ctx, quiet, s.migrateIfOld(SourceOptions.warner(ctx, quiet)));
            }
            List<SnapshotStore.Fetch> all = s.list(damaged || !ids.isEmpty());
            if (all.isEmpty()) {
              return ExitCode.OK.code;
            }
            String newest = null;
            for (int i = all.size() - 1; i >= 0 && newest == null; i--) {
              if (!all.get(i).damaged() && !all.get(i).id().equals("?")) {
                newest = all.get(i).id();
              }
            }
            java.util.Set<String> doomed = new java.util.LinkedHashSet<>();
            Instant cutoff = keep == null ? null : Instant.now().minus(keep);
            for (SnapshotStore.Fetch f : all) {
              if (f.id().equals(newest) || f.id().equals("?")) {
                continue;
              }
              if ((cutoff != null && f.fetchedAt().isBefore(cutoff)) || (damaged && f.damaged())) {
                doomed.add(f.id());
              }
            }
            List<String> known = all.stream().map(SnapshotStore.Fetch::id).toList();
            for (String id : ids) {
              if (!known.contains(id)) {
                throw FetchIds.unknown(id, known);
              }
              if (id.equals(newest)) {
                throw new UsageException(
                    id + " is the newest fetch that reads; it is never forgotten");
              }
              doomed.add(id);
            }
            if (!s.factStore()) { // a dry run on a store of the old layout
              for (String id : doomed) {
                ctx.out().println(id);
              }
              report(ctx, quiet, doomed.size(), all.size(), 0, 0);
              return ExitCode.OK.code;
            }
            Compaction.Result r =
                Compaction.run(
                    new FactStore(s.dir()), e -> !doomed.contains(e.id()), historyBefore, dryRun);
            for (String id : r.forgotten()) {
              ctx.out().println(id);
            }
            report(ctx, quiet, r.forgotten().size(), all.size(), r.bytesBefore(), r.bytesAfter());
            return ExitCode.OK.code;
          });
    }

    private void report(
        Context ctx, boolean quiet, int forgotten, int of, long before, long after) {
      if (quiet) {
        return;
      }
      ctx.err()
          .println(
              (dryRun ? "would forget " : "forgot ")
                  + forgotten
                  + " of "
                  + of
                  + " fetches"
                  + (dryRun || before == 0
                      ? ""
                      : " (" + (before >> 10) + " KiB to " + (after >> 10) + " KiB)")
                  + (forgotten > 0 ? "; they no longer reproduce by id" : ""));
    }
  }

  static void migrated(Context ctx, boolean quiet, Migration.Result m) {
    if (m != null && !quiet) {
      ctx.err().println(m.summary());
    }
  }

  @Command(
      name = "migrate",
      mixinStandardHelpOptions = true,
      description =
          "Convert a store of the old layout (a whole snapshot file per fetch) to one that keeps"
              + " each fact once; every fetch keeps its id, and each is read back equal before the"
              + " old files go. The first fetch of this version does it too.")
  static final class Migrate implements Callable<Integer> {
    @ParentCommand StoreCommand store;

    @Override
    public Integer call() {
      Context ctx = store.root.ctx;
      boolean quiet = store.root.global.quiet;
      SnapshotStore s = store(ctx);
      return s.locked(
          Duration.ofSeconds(30),
          SourceOptions.warner(ctx, quiet),
          () -> {
            s.removeLeftovers();
            Migration.Result m = s.migrateIfOld(SourceOptions.warner(ctx, quiet));
            if (m == null && !quiet) {
              ctx.err()
                  .println(
                      s.factStore()
                          ? "the store already keeps each fact once"
                          : "no fetches to convert in " + s.dir());
            }
            migrated(ctx, quiet, m);
            return ExitCode.OK.code;
          });
    }
  }
}
