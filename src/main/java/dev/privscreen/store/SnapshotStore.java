package dev.privscreen.store;

import dev.privscreen.error.DataException;
import dev.privscreen.error.PrivscreenException;
import dev.privscreen.model.Snapshot;
import dev.privscreen.source.SnapshotReader;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The local store as every command sees it: the fact store ({@link FactStore}) once a version that
 * keeps each fact once has written to it, and until then the old layout, one whole snapshot JSON
 * file per fetch named by its UTC time ({@code 20251107T000005Z.json}), which the first write
 * converts ({@link Migration}). Either way a fetch is named by that time, its id. A damaged fetch
 * never wedges the store: readers pass over it to the newest one that reads.
 */
public final class SnapshotStore {
  private static final Pattern NAME = Pattern.compile("\\d{8}T\\d{6}(\\d{3})?Z\\.json");

  private final Path dir;
  private final FactStore facts;

  public SnapshotStore(Path dir) {
    this.dir = dir;
    this.facts = new FactStore(dir);
  }

  public Path dir() {
    return dir;
  }

  /** The index last read, and what it was read from: a command reads it once, not per look-up. */
  private FactStore.Index index;

  private Path indexGen;
  private long indexBytes = -1;

  /**
   * The generation's index, read again only when it changed: a fetch appends to it (its length
   * grows) and a prune or migration makes another generation.
   */
  private FactStore.Index index(Path gen) {
    long bytes;
    try {
      bytes = Files.size(gen.resolve(FactStore.INDEX));
    } catch (IOException e) {
      bytes = -1; // none yet, or unreadable: read it, which says which
    }
    if (index == null || !gen.equals(indexGen) || bytes != indexBytes || bytes < 0) {
      index = FactStore.index(gen);
      indexGen = gen;
      indexBytes = bytes;
    }
    return index;
  }

  /** Whether the store keeps each fact once (else it is of the old layout, or empty). */
  public boolean factStore() {
    return facts.exists();
  }

  /** The old layout's snapshot files, oldest first. */
  public List<Path> legacyFiles() {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        if (NAME.matcher(f.getFileName().toString()).matches()) {
          out.add(f);
        }
      }
    } catch (IOException e) {
      throw new DataException(dir + ": cannot list the snapshot store: " + e.getMessage(), e);
    }
    out.sort(Comparator.comparing(p -> p.getFileName().toString()));
    return out;
  }

  /**
   * One fetch of the store.
   *
   * @param asOf null when not known without reading it (an old-layout file)
   * @param members -1 when not known
   * @param sources each source's status, or null when not known
   * @param bytes what it added to the disk (an old-layout file: its size)
   * @param damage why it does not read, or null when it does (or was not checked)
   */
  public record Fetch(
      String id,
      Instant fetchedAt,
      Instant asOf,
      int members,
      String sources,
      long bytes,
      String damage) {
    public boolean damaged() {
      return damage != null;
    }
  }

  /**
   * Every fetch, oldest first; with {@code check} each one is read to tell whether it is damaged
   * (reading every fetch takes a while in a large store).
   */
  public List<Fetch> list(boolean check) {
    List<Fetch> out = new ArrayList<>();
    if (facts.exists()) {
      Path gen = facts.generation();
      FactStore.Index idx = index(gen);
      for (FetchEntry e : idx.fetches()) {
        String damage = null;
        if (check) {
          try {
            List<String> warnings = new ArrayList<>();
            FactStore.read(gen, e, warnings::add, SnapshotReader.Scope.ALL);
            damage = warnings.isEmpty() ? null : String.join("; ", warnings);
          } catch (PrivscreenException x) {
            damage = x.getMessage();
          }
        }
        out.add(
            new Fetch(
                e.id(), e.fetchedAt(), e.asOf(), e.members(), e.sources(), e.addedBytes(), damage));
      }
      for (String line : idx.damaged()) {
        out.add(new Fetch("?", null, null, -1, null, 0, line + ": a damaged index line"));
      }
      return out;
    }
    for (Path p : legacyFiles()) {
      String id = Migration.stem(p);
      long bytes;
      try {
        bytes = Files.size(p);
      } catch (IOException e) {
        bytes = 0; // removed under us, or unreadable: the read below says which
      }
      String damage = null;
      Instant asOf = null;
      int members = -1;
      String sources = null;
      if (check) {
        try {
          Snapshot s = SnapshotReader.read(p);
          asOf = s.asOf();
          members = s.assets().size();
          sources = FetchWriter.sources(s.sources());
        } catch (PrivscreenException e) {
          damage = e.getMessage();
        }
      }
      out.add(new Fetch(id, FetchIds.instant(id), asOf, members, sources, bytes, damage));
    }
    return out;
  }

  /** The ids of the fetches, oldest first. */
  public List<String> ids() {
    if (facts.exists()) {
      return index(facts.generation()).ids();
    }
    return legacyFiles().stream().map(Migration::stem).toList();
  }

  /**
   * The fetch of this id, as it was when it was the newest.
   *
   * @throws dev.privscreen.error.UsageException naming the nearest ids, when there is none
   */
  public Snapshot read(String id, Consumer<String> warn) {
    return read(id, warn, SnapshotReader.Scope.ALL);
  }

  /** The fetch of this id, of the tables and days a command uses. */
  public Snapshot read(String id, Consumer<String> warn, SnapshotReader.Scope scope) {
    if (facts.exists()) {
      FactStore.Index idx = index(facts.generation());
      FetchEntry e = idx.find(id);
      if (e == null) {
        throw FetchIds.unknown(id, idx.ids());
      }
      Path gen = facts.generation();
      return FactStore.read(
          gen, e, warn, scope, idx.startsBefore(idx.fetches().indexOf(e), scope.firstDay()));
    }
    Path p = dir.resolve(id + ".json");
    if (!FetchIds.isId(id) || !Files.exists(p)) {
      throw FetchIds.unknown(id, ids());
    }
    return SnapshotReader.read(p);
  }

  private static java.time.LocalDate day(FetchEntry e) {
    return e.asOf().atOffset(java.time.ZoneOffset.UTC).toLocalDate();
  }

  /**
   * The as-of day of the fetch a command will read, known before its facts are read: that of the id
   * given, else of the newest fetch; null when not known so (the old layout, an unknown id).
   */
  public java.time.LocalDate asOfDay(String id) {
    if (!facts.exists()) {
      return null;
    }
    List<FetchEntry> all = index(facts.generation()).fetches();
    if (id == null) {
      return all.isEmpty() ? null : day(all.get(all.size() - 1));
    }
    for (FetchEntry e : all) {
      if (e.id().equals(id)) {
        return day(e);
      }
    }
    return null;
  }

  /**
   * The newest readable fetch's assets, which a fetch falls back on when CoinGecko brings none: of
   * the fact store, its record alone is read.
   */
  public List<dev.privscreen.model.Asset> newestAssets(Consumer<String> warn) {
    if (facts.exists()) {
      Path gen = facts.generation();
      Snapshot record = FetchWriter.newestRecord(gen, index(gen), warn);
      return record == null ? List.of() : record.assets();
    }
    Snapshot newest = newest(warn);
    return newest == null ? List.of() : newest.assets();
  }

  /**
   * The newest fetch that reads, whole, or null when none does; each damaged one on the way is one
   * warning.
   */
  public Snapshot newest(Consumer<String> warn) {
    List<Stored> found =
        newestReadable(1, warn, (id, why) -> warn.accept("skipped a damaged snapshot: " + why));
    return found.isEmpty() ? null : found.get(0).snapshot();
  }

  /** A stored fetch read back, and its id. */
  public record Stored(String id, Snapshot snapshot) {}

  /**
   * The newest {@code count} fetches that read, newest first; each damaged one on the way is passed
   * to {@code skipped} with the reader's message, and passed over. Warnings of a fetch that reads
   * (a damaged row of history skipped) go to {@code warn}.
   */
  public List<Stored> newestReadable(
      int count, Consumer<String> warn, BiConsumer<String, String> skipped) {
    return newestReadable(count, warn, skipped, SnapshotReader.Scope.ALL, null);
  }

  /**
   * @param scope the tables and days a command uses, worked out for a fetch of as-of day {@code
   *     scopeDay} ({@link #newestDay}); a fetch of another day (the newest was damaged) is read
   *     whole. A null day: the scope fits any fetch (it came from --as-of).
   */
  public List<Stored> newestReadable(
      int count,
      Consumer<String> warn,
      BiConsumer<String, String> skipped,
      SnapshotReader.Scope scope,
      java.time.LocalDate scopeDay) {
    List<Stored> out = new ArrayList<>();
    if (facts.exists()) {
      Path gen = facts.generation();
      FactStore.Index idx = index(gen);
      for (String line : idx.damaged()) {
        warn.accept(line + ": a damaged index line skipped");
      }
      List<FetchEntry> all = idx.fetches();
      for (int i = all.size() - 1; i >= 0 && out.size() < count; i--) {
        FetchEntry e = all.get(i);
        try {
          SnapshotReader.Scope mine =
              scopeDay == null || scopeDay.equals(day(e)) ? scope : SnapshotReader.Scope.ALL;
          out.add(
              new Stored(
                  e.id(),
                  FactStore.read(gen, e, warn, mine, idx.startsBefore(i, mine.firstDay()))));
        } catch (PrivscreenException x) {
          skipped.accept(e.id(), x.getMessage());
        }
      }
      return out;
    }
    List<Path> all = legacyFiles();
    for (int i = all.size() - 1; i >= 0 && out.size() < count; i--) {
      Path p = all.get(i);
      try {
        out.add(new Stored(Migration.stem(p), SnapshotReader.read(p)));
      } catch (PrivscreenException e) {
        skipped.accept(Migration.stem(p), e.getMessage());
      }
    }
    return out;
  }

  /**
   * Appends a fetch to the store (converting a store of the old layout first); call it holding the
   * lock.
   *
   * @param fresh what the fetch brought; the history already stored fills the days it lacks
   */
  public FetchEntry append(Snapshot fresh, Consumer<String> warn) {
    migrateIfOld(warn);
    return FetchWriter.append(facts, fresh, warn);
  }

  /**
   * Converts a store of the old layout; call it holding the lock.
   *
   * @return what was done, or null when there was nothing to convert
   */
  public Migration.Result migrateIfOld(Consumer<String> warn) {
    if (facts.exists()) {
      return null;
    }
    List<Path> old = legacyFiles();
    if (old.isEmpty()) {
      return null;
    }
    return Migration.run(dir, old, warn);
  }

  /**
   * Removes what a killed write left behind (dot files ending in {@code .tmp}, and a half-built
   * generation of a killed migration or prune); call it holding the lock, when no write of ours can
   * be under way.
   *
   * @return how many were removed
   */
  public int removeLeftovers() {
    int n = 0;
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.tmp")) {
      for (Path f : files) {
        if (Files.isDirectory(f)) {
          Migration.deleteTree(f);
          n++;
        } else if (Files.deleteIfExists(f)) {
          n++;
        }
      }
    } catch (IOException e) {
      // leftovers are harmless (never read as snapshots): try again at the next fetch
    }
    return n;
  }

  /**
   * Writes a snapshot atomically: to a temporary file beside {@code target}, forced to disk, then
   * renamed. A run killed at any point leaves either no new file or a complete one; readers never
   * see a half-written snapshot (temporary names start with a dot and end in {@code .tmp}).
   */
  public Path writeAs(Snapshot s, Path target) {
    try {
      AtomicFile.write(target, true, FetchWriter::holdForTests, w -> SnapshotWriter.write(s, w));
      return target;
    } catch (IOException e) {
      throw new DataException(
          target.toAbsolutePath().getParent() + ": cannot write the snapshot: " + e.getMessage(),
          e);
    }
  }

  /**
   * Holds the store's lock while {@code body} runs, so two fetches never interleave: a second one
   * waits up to {@code wait}, saying so to {@code waiting}, then fails with a message saying so.
   */
  public <T> T locked(Duration wait, Consumer<String> waiting, Supplier<T> body) {
    return FileLocks.hold(dir.resolve(".lock"), wait, "another privscreen fetch", waiting, body);
  }
}
