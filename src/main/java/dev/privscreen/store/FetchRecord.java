package dev.privscreen.store;

import dev.privscreen.error.DataException;
import dev.privscreen.format.Times;
import dev.privscreen.model.Asset;
import dev.privscreen.model.FundingPoint;
import dev.privscreen.model.OiPoint;
import dev.privscreen.model.PricePoint;
import dev.privscreen.model.Snapshot;
import dev.privscreen.model.SourceStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What only one fetch knew, as the text of its gzip member: CSV sections, each a {@code # name}
 * line, a header and rows (SPEC §2's columns; an empty cell is null). A fetch's live values move
 * every hour, so this is most of what a year of hourly fetches writes: CSV is an eighth smaller
 * than the snapshot JSON once compressed (8.6 KB against 9.8 KB for 90 assets, measured), and
 * {@code zcat} shows it as it is.
 *
 * <pre>
 * # privscreen.fetch/1
 * as_of,category
 * 2026-11-20T01:00:00Z,privacy-coins
 * # assets
 * id,symbol,name,price_usd,…
 * # prices          (the fetch's own day)
 * # open_interest   (the fetch's own day, with each reading's instant)
 * # funding         (the current periods' rates, which settle later; only when there are)
 * # sources
 * </pre>
 */
final class FetchRecord {
  private FetchRecord() {}

  static final String SCHEMA = "privscreen.fetch/1";
  static final String[] ASSETS = {
    "id",
    "symbol",
    "name",
    "price_usd",
    "market_cap_usd",
    "fdv_usd",
    "volume_24h_usd",
    "change_24h_pct",
    "change_7d_pct",
    "change_30d_pct",
    "circulating_supply",
    "max_supply"
  };
  private static final String[] SOURCES = {"name", "fetched_at", "status", "error"};

  static String write(Snapshot s) {
    StringBuilder out = new StringBuilder(1 << 15);
    out.append("# ").append(SCHEMA).append("\nas_of,category\n");
    CsvLine.row(out, Times.instant(s.asOf()), s.category() == null ? "" : s.category());
    section(out, "assets", ASSETS);
    for (Asset a : s.assets()) {
      CsvLine.row(out, cells(a));
    }
    section(out, "prices", FactTable.PRICES.columns);
    for (PricePoint p : s.prices()) {
      CsvLine.row(out, FactTable.cells(p));
    }
    section(out, "open_interest", FactTable.OPEN_INTEREST.columns);
    for (OiPoint p : s.openInterest()) {
      CsvLine.row(out, FactTable.cells(p));
    }
    if (!s.funding().isEmpty()) {
      section(out, "funding", FactTable.FUNDING.columns);
      for (FundingPoint f : s.funding()) {
        CsvLine.row(out, FactTable.cells(f));
      }
    }
    section(out, "sources", SOURCES);
    for (SourceStatus st : s.sources()) {
      CsvLine.row(out, st.name(), Times.instant(st.fetchedAt()), st.status(), text(st.error()));
    }
    return out.toString();
  }

  /** An asset's cells, in {@link #ASSETS}' order. */
  static String[] cells(Asset a) {
    return new String[] {
      a.id(),
      a.symbol(),
      text(a.name()),
      CsvLine.num(a.priceUsd()),
      CsvLine.num(a.marketCapUsd()),
      CsvLine.num(a.fdvUsd()),
      CsvLine.num(a.volume24hUsd()),
      CsvLine.num(a.change24hPct()),
      CsvLine.num(a.change7dPct()),
      CsvLine.num(a.change30dPct()),
      CsvLine.num(a.circulatingSupply()),
      CsvLine.num(a.maxSupply())
    };
  }

  /** A record read back; {@code name} names it in the error when it is not one. */
  static Snapshot read(String name, String text) {
    List<String[]> rows = rows(text);
    if (rows.size() < 2 || !Arrays.equals(rows.get(0), new String[] {"# " + SCHEMA})) {
      throw new DataException(name + ": damaged: not a " + SCHEMA + " record");
    }
    Instant asOf = null;
    String category = null;
    List<Asset> assets = new ArrayList<>();
    List<PricePoint> prices = new ArrayList<>();
    List<OiPoint> oi = new ArrayList<>();
    List<SourceStatus> sources = new ArrayList<>();
    List<FundingPoint> funding = new ArrayList<>();
    String section = "head";
    try {
      for (int i = 1; i < rows.size(); i++) {
        String[] c = rows.get(i);
        if (c.length == 1 && c[0].startsWith("# ")) {
          section = c[0].substring(2);
          i++; // its header
          continue;
        }
        switch (section) {
          case "head" -> {
            if (c[0].equals("as_of")) {
              continue;
            }
            asOf = FetchEntry.instant(c[0]);
            category = c[1].isEmpty() ? null : c[1];
          }
          case "assets" ->
              assets.add(
                  new Asset(
                      c[0],
                      c[1],
                      nul(c[2]),
                      CsvLine.dbl(c[3]),
                      CsvLine.dbl(c[4]),
                      CsvLine.dbl(c[5]),
                      CsvLine.dbl(c[6]),
                      CsvLine.dbl(c[7]),
                      CsvLine.dbl(c[8]),
                      CsvLine.dbl(c[9]),
                      CsvLine.dbl(c[10]),
                      CsvLine.dbl(c[11])));
          case "prices" -> prices.add(FactTable.price(c));
          case "open_interest" -> oi.add(FactTable.oi(c));
          case "funding" -> funding.add(FactTable.funding(c));
          case "sources" ->
              sources.add(new SourceStatus(c[0], FetchEntry.instant(c[1]), c[2], nul(c[3])));
          default -> throw new IllegalArgumentException("an unknown section: " + section);
        }
      }
    } catch (RuntimeException x) {
      throw new DataException(name + ": damaged: " + x.getMessage(), x);
    }
    if (asOf == null) {
      throw new DataException(name + ": damaged: no as_of");
    }
    return new Snapshot(asOf, category, assets, prices, oi, List.of(), List.of(), sources, funding);
  }

  /** The rows of CSV text: a quoted cell may hold commas, quotes and newlines. */
  static List<String[]> rows(String text) {
    List<String[]> rows = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else if (ch == '\n') {
        cells.add(cell.toString());
        cell.setLength(0);
        rows.add(cells.toArray(new String[0]));
        cells.clear();
      } else {
        cell.append(ch);
      }
    }
    if (quoted) {
      throw new DataException("a quoted cell does not close");
    }
    return rows;
  }

  private static void section(StringBuilder out, String name, String[] columns) {
    out.append("# ").append(name).append('\n');
    CsvLine.row(out, columns);
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  private static String nul(String s) {
    return s.isEmpty() ? null : s;
  }
}
