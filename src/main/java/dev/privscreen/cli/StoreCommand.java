package dev.privscreen.cli;

import dev.privscreen.error.DataException;
import dev.privscreen.error.UsageException;
import dev.privscreen.format.Kind;
import dev.privscreen.format.NamedColumn;
import dev.privscreen.output.RecordOutput;
import dev.privscreen.store.SnapshotStore;
import dev.privscreen.store.StorePaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code privscreen store list|prune}: what is stored, and its upkeep. */
@Command(
    name = "store",
    mixinStandardHelpOptions = true,
    description = "List the stored snapshots, or prune old ones.",
    subcommands = {StoreCommand.ListStore.class, StoreCommand.Prune.class})
final class StoreCommand implements Runnable {
  @ParentCommand RootCommand root;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say list or prune");
  }

  /** One stored snapshot file. */
  record Entry(Path path, Instant fetchedAt, long bytes) {
    static final List<NamedColumn<Entry>> COLUMNS =
        List.of(
            new NamedColumn<>("file", Kind.TEXT, e -> e.path().toString()),
            new NamedColumn<>("fetched_at", Kind.TIME, Entry::fetchedAt),
            new NamedColumn<>(
                "bytes", Kind.INTEGER, e -> (int) Math.min(Integer.MAX_VALUE, e.bytes())));
  }

  static List<Entry> entries(Context ctx) {
    List<Entry> out = new ArrayList<>();
    for (Path p : new SnapshotStore(StorePaths.from(ctx.env()).snapshots()).list()) {
      String name = p.getFileName().toString();
      Instant t =
          LocalDateTime.parse(
                  name.substring(0, 15), DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss"))
              .toInstant(ZoneOffset.UTC);
      try {
        out.add(new Entry(p, t, Files.size(p)));
      } catch (IOException e) {
        throw new DataException(p + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "The stored snapshots, oldest first.")
  static final class ListStore implements Callable<Integer> {
    @ParentCommand StoreCommand store;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      Context ctx = store.root.ctx;
      List<Entry> all = entries(ctx);
      RecordOutput.list(
          output.format(),
          OutputOptions.style(ctx, store.root.global),
          ctx.out(),
          g -> g.writeStringField("schema", "privscreen.store/1"),
          "snapshots",
          all,
          output.select(Entry.COLUMNS));
      if (output.format() == dev.privscreen.output.OutputFormat.table && !store.root.global.quiet) {
        long bytes = all.stream().mapToLong(Entry::bytes).sum();
        ctx.err()
            .println(
                all.size()
                    + " snapshots, "
                    + (bytes >> 10)
                    + " KiB, in "
                    + StorePaths.from(ctx.env()).snapshots());
      }
      return ExitCode.OK.code;
    }
  }

  @Command(
      name = "prune",
      mixinStandardHelpOptions = true,
      description = {
        "Remove snapshots fetched longer ago than --keep, or the files named.",
        "The newest snapshot is never removed: every fetch carries the history before it forward,"
            + " so the newest holds all the history look-backs need."
      })
  static final class Prune implements Callable<Integer> {
    @ParentCommand StoreCommand store;

    @Option(
        names = "--keep",
        paramLabel = "DURATION",
        converter = Converters.DurationConverter.class,
        description = "Keep snapshots fetched within this long (e.g. 90d).")
    Duration keep;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Snapshot files to remove.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--dry-run", description = "Say what would be removed; remove nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
      Context ctx = store.root.ctx;
      if ((keep == null) == files.isEmpty()) {
        throw new UsageException("give either --keep DURATION or the files to remove");
      }
      List<Entry> all = entries(ctx);
      if (all.isEmpty()) {
        return ExitCode.OK.code;
      }
      Path newest = all.get(all.size() - 1).path().toAbsolutePath();
      List<Path> doomed = new ArrayList<>();
      if (keep != null) {
        Instant cutoff = Instant.now().minus(keep);
        for (Entry e : all) {
          if (e.fetchedAt().isBefore(cutoff) && !e.path().toAbsolutePath().equals(newest)) {
            doomed.add(e.path());
          }
        }
      } else {
        for (Path f : files) {
          Path abs = f.toAbsolutePath();
          if (all.stream().noneMatch(e -> e.path().toAbsolutePath().equals(abs))) {
            throw new UsageException(f + " is not a snapshot in the store");
          }
          if (abs.equals(newest)) {
            throw new UsageException(f + " is the newest snapshot; it is never pruned");
          }
          doomed.add(f);
        }
      }
      for (Path p : doomed) {
        if (!dryRun) {
          try {
            Files.deleteIfExists(p);
          } catch (IOException e) {
            throw new DataException(p + ": cannot remove: " + e.getMessage(), e);
          }
        }
        ctx.out().println(p);
      }
      if (!store.root.global.quiet) {
        ctx.err()
            .println(
                (dryRun ? "would remove " : "removed ")
                    + doomed.size()
                    + " of "
                    + all.size()
                    + " snapshots");
      }
      return ExitCode.OK.code;
    }
  }
}
