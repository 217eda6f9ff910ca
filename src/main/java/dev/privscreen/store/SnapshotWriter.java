package dev.privscreen.store;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.privscreen.format.JsonIo;
import dev.privscreen.format.NumberText;
import dev.privscreen.format.Times;
import dev.privscreen.model.Asset;
import dev.privscreen.model.FundingPoint;
import dev.privscreen.model.ListingEvent;
import dev.privscreen.model.MetricPoint;
import dev.privscreen.model.OiPoint;
import dev.privscreen.model.PricePoint;
import dev.privscreen.model.Snapshot;
import dev.privscreen.model.SourceStatus;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes a snapshot as {@code privscreen.snapshot/1} JSON, one table row per line, so a snapshot
 * file diffs and greps well and is read back exactly (numbers in their shortest exact form).
 */
public final class SnapshotWriter {
  private SnapshotWriter() {}

  public static void write(Snapshot s, Writer out) throws IOException {
    try (JsonGenerator g = JsonIo.FACTORY.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("schema", Snapshot.SCHEMA);
      g.writeStringField("as_of", Times.instant(s.asOf()));
      g.writeStringField("category", s.category());
      g.writeRaw("\n");
      g.writeArrayFieldStart("assets");
      for (Asset a : s.assets()) {
        row(g);
        g.writeStartObject();
        g.writeStringField("id", a.id());
        g.writeStringField("symbol", a.symbol());
        g.writeStringField("name", a.name());
        num(g, "price_usd", a.priceUsd());
        num(g, "market_cap_usd", a.marketCapUsd());
        num(g, "fdv_usd", a.fdvUsd());
        num(g, "volume_24h_usd", a.volume24hUsd());
        num(g, "change_24h_pct", a.change24hPct());
        num(g, "change_7d_pct", a.change7dPct());
        num(g, "change_30d_pct", a.change30dPct());
        num(g, "circulating_supply", a.circulatingSupply());
        num(g, "max_supply", a.maxSupply());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeRaw("\n");
      g.writeArrayFieldStart("prices");
      for (PricePoint p : s.prices()) {
        row(g);
        g.writeStartObject();
        g.writeStringField("id", p.id());
        g.writeStringField("date", p.date().toString());
        num(g, "close_usd", p.closeUsd());
        num(g, "volume_usd", p.volumeUsd());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeRaw("\n");
      g.writeArrayFieldStart("open_interest");
      for (OiPoint p : s.openInterest()) {
        row(g);
        g.writeStartObject();
        g.writeStringField("id", p.id());
        g.writeStringField("venue", p.venue());
        g.writeStringField("date", p.date().toString());
        num(g, "oi_usd", p.oiUsd());
        if (p.at() != null) {
          g.writeStringField("at", Times.instant(p.at()));
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeRaw("\n");
      g.writeArrayFieldStart("listings");
      for (ListingEvent e : s.listings()) {
        row(g);
        g.writeStartObject();
        g.writeStringField("id", e.id());
        g.writeStringField("venue", e.venue());
        g.writeStringField("market", e.market().label());
        g.writeStringField("pair", e.pair());
        g.writeStringField("listed_at", Times.instant(e.listedAt()));
        g.writeStringField("action", e.action().label());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeRaw("\n");
      g.writeArrayFieldStart("metrics");
      for (MetricPoint m : s.metrics()) {
        row(g);
        g.writeStartObject();
        g.writeStringField("id", m.id());
        g.writeStringField("date", m.date().toString());
        g.writeStringField("name", m.name());
        num(g, "value", m.value());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeRaw("\n");
      if (!s.funding().isEmpty()) {
        g.writeArrayFieldStart("funding");
        for (FundingPoint f : s.funding()) {
          row(g);
          g.writeStartObject();
          g.writeStringField("id", f.id());
          g.writeStringField("venue", f.venue());
          g.writeStringField("funding_time", Times.instant(f.fundingTime()));
          num(g, "rate", f.rate());
          g.writeNumberField("interval_h", f.intervalHours());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeRaw("\n");
      }
      g.writeArrayFieldStart("sources");
      for (SourceStatus st : s.sources()) {
        row(g);
        g.writeStartObject();
        g.writeStringField("name", st.name());
        g.writeStringField("fetched_at", Times.instant(st.fetchedAt()));
        g.writeStringField("status", st.status());
        g.writeStringField("error", st.error());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeRaw("\n");
      g.writeEndObject();
    }
    out.write('\n');
  }

  private static void row(JsonGenerator g) throws IOException {
    g.writeRaw("\n ");
  }

  private static void num(JsonGenerator g, String name, Double v) throws IOException {
    g.writeFieldName(name);
    if (v == null || !Double.isFinite(v)) {
      g.writeNull();
    } else {
      g.writeNumber(NumberText.exact(v));
    }
  }
}
