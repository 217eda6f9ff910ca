package dev.privscreen.cli;

import dev.privscreen.error.DataException;
import dev.privscreen.error.PrivscreenException;
import dev.privscreen.error.UsageException;
import dev.privscreen.format.Kind;
import dev.privscreen.format.NamedColumn;
import dev.privscreen.output.RecordOutput;
import dev.privscreen.source.SnapshotReader;
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
    footerHeading = "%nExamples:%n",
    footer = {
      "  privscreen store list",
      "  privscreen store prune --keep 90d",
      "  privscreen store prune --damaged"
    },
    description = "List the stored snapshots, or prune old ones.",
    subcommands = {StoreCommand.ListStore.class, StoreCommand.Prune.class})
final class StoreCommand implements Runnable {
  @ParentCommand RootCommand root;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say list or prune");
  }

  /**
   * One stored snapshot file.
   *
   * @param damage why it does not read, or null when it does
   */
  record Entry(Path path, Instant fetchedAt, long bytes, String damage) {
    static final List<NamedColumn<Entry>> COLUMNS =
        List.of(
            new NamedColumn<>("file", Kind.TEXT, e -> e.path().toString()),
            new NamedColumn<>("fetched_at", Kind.TIME, Entry::fetchedAt),
            new NamedColumn<>(
                "bytes", Kind.INTEGER, e -> (int) Math.min(Integer.MAX_VALUE, e.bytes())),
            new NamedColumn<>("status", Kind.TEXT, e -> e.damaged() ? "damaged" : "ok"),
            new NamedColumn<>("damage", Kind.TEXT, Entry::damage));

    boolean damaged() {
      return damage != null;
    }
  }

  /**
   * The stored snapshots, oldest first, each read to tell whether it is damaged (only when {@code
   * check}: reading every snapshot takes a while in a large store).
   */
  static List<Entry> entries(Context ctx, boolean check) {
    List<Entry> out = new ArrayList<>();
    for (Path p : new SnapshotStore(StorePaths.from(ctx.env()).snapshots()).list()) {
      String name = p.getFileName().toString();
      Instant t =
          LocalDateTime.parse(
                  name.substring(0, 15), DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss"))
              .toInstant(ZoneOffset.UTC);
      long bytes;
      try {
        bytes = Files.size(p);
      } catch (IOException e) {
        bytes = -1; // removed under us, or unreadable: the read below says which
      }
      String damage = null;
      if (check) {
        try {
          SnapshotReader.read(p);
        } catch (PrivscreenException e) {
          damage = e.getMessage();
        }
      }
      out.add(new Entry(p, t, Math.max(0, bytes), damage));
    }
    return out;
  }

  /** The newest snapshot that reads: the one every later fetch builds on, never pruned. */
  private static Path newestReadable(List<Entry> all) {
    for (int i = all.size() - 1; i >= 0; i--) {
      if (!all.get(i).damaged()) {
        return all.get(i).path().toAbsolutePath();
      }
    }
    return null;
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "The stored snapshots, oldest first, each read to mark the damaged ones (status, damage).",
        "A damaged snapshot is skipped by every reader; remove it with 'store prune FILE' or"
            + " 'store prune --damaged'."
      })
  static final class ListStore implements Callable<Integer> {
    @ParentCommand StoreCommand store;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      Context ctx = store.root.ctx;
      List<Entry> all = entries(ctx, true);
      RecordOutput.list(
          output.format(),
          OutputOptions.style(ctx, store.root.global),
          output.out(ctx, true),
          g -> g.writeStringField("schema", "privscreen.store/1"),
          "snapshots",
          all,
          output.select(Entry.COLUMNS));
      if (output.format() == dev.privscreen.output.OutputFormat.table && !store.root.global.quiet) {
        long bytes = all.stream().mapToLong(Entry::bytes).sum();
        long damaged = all.stream().filter(Entry::damaged).count();
        ctx.err()
            .println(
                all.size()
                    + " snapshots"
                    + (damaged > 0 ? " (" + damaged + " damaged)" : "")
                    + ", "
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
        "Remove snapshots fetched longer ago than --keep, the damaged ones (--damaged), or the"
            + " files named.",
        "The newest readable snapshot is never removed: every fetch carries the history before it"
            + " forward, so it holds all the history look-backs need."
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

    @Option(names = "--damaged", description = "Remove the snapshots that do not read.")
    boolean damaged;

    @Option(names = "--dry-run", description = "Say what would be removed; remove nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
      Context ctx = store.root.ctx;
      int ways = (keep == null ? 0 : 1) + (damaged ? 1 : 0) + (files.isEmpty() ? 0 : 1);
      if (ways != 1) {
        throw new UsageException("give one of --keep DURATION, --damaged, or the files to remove");
      }
      List<Entry> all = entries(ctx, true);
      if (all.isEmpty()) {
        return ExitCode.OK.code;
      }
      Path newest = newestReadable(all);
      List<Path> doomed = new ArrayList<>();
      if (keep != null) {
        Instant cutoff = Instant.now().minus(keep);
        for (Entry e : all) {
          if (e.fetchedAt().isBefore(cutoff) && !e.path().toAbsolutePath().equals(newest)) {
            doomed.add(e.path());
          }
        }
      } else if (damaged) {
        for (Entry e : all) {
          if (e.damaged()) {
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
            throw new UsageException(
                f + " is the newest readable snapshot; it holds the history and is never pruned");
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
