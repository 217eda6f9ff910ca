package dev.privscreen.store;

import dev.privscreen.model.Asset;
import dev.privscreen.model.FundingPoint;
import dev.privscreen.model.ListingEvent;
import dev.privscreen.model.MetricPoint;
import dev.privscreen.model.OiPoint;
import dev.privscreen.model.PricePoint;
import dev.privscreen.model.Snapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Carries history forward: the new snapshot's rows win, and the previous snapshot's prices, open
 * interest, listings and metrics of the same assets fill the days the APIs no longer return
 * (Binance keeps 30 days of OI, Bitget none), so look-backs grow with every fetch.
 */
public final class HistoryMerge {
  private HistoryMerge() {}

  public static Snapshot merge(Snapshot previous, Snapshot fresh) {
    if (previous == null) {
      return fresh;
    }
    Set<String> ids = new HashSet<>();
    for (Asset a : fresh.assets()) {
      ids.add(a.id());
    }
    Map<String, PricePoint> prices = new LinkedHashMap<>();
    for (PricePoint p : previous.prices()) {
      if (ids.contains(p.id())) {
        prices.put(p.id() + " " + p.date(), p);
      }
    }
    for (PricePoint p : fresh.prices()) {
      prices.put(p.id() + " " + p.date(), p);
    }
    Map<String, OiPoint> oi = new LinkedHashMap<>();
    for (OiPoint p : previous.openInterest()) {
      if (ids.contains(p.id())) {
        oi.put(p.id() + " " + p.venue() + " " + p.date(), p);
      }
    }
    for (OiPoint p : fresh.openInterest()) {
      oi.put(p.id() + " " + p.venue() + " " + p.date(), p);
    }
    Set<ListingEvent> listings = new LinkedHashSet<>();
    for (ListingEvent e : previous.listings()) {
      if (ids.contains(e.id())) {
        listings.add(e);
      }
    }
    listings.addAll(fresh.listings());
    Map<String, MetricPoint> metrics = new LinkedHashMap<>();
    for (MetricPoint m : previous.metrics()) {
      if (ids.contains(m.id())) {
        metrics.put(m.id() + " " + m.name() + " " + m.date(), m);
      }
    }
    for (MetricPoint m : fresh.metrics()) {
      metrics.put(m.id() + " " + m.name() + " " + m.date(), m);
    }
    Map<String, FundingPoint> funding = new LinkedHashMap<>();
    for (FundingPoint f : previous.funding()) {
      if (ids.contains(f.id())) {
        funding.put(f.id() + " " + f.venue() + " " + f.fundingTime(), f);
      }
    }
    for (FundingPoint f : fresh.funding()) {
      funding.put(f.id() + " " + f.venue() + " " + f.fundingTime(), f);
    }
    List<FundingPoint> rates = new ArrayList<>(funding.values());
    rates.sort(HistoryOrder.FUNDING);
    List<PricePoint> p = new ArrayList<>(prices.values());
    p.sort(HistoryOrder.PRICES);
    List<OiPoint> o = new ArrayList<>(oi.values());
    o.sort(HistoryOrder.OPEN_INTEREST);
    List<ListingEvent> l = new ArrayList<>(listings);
    l.sort(HistoryOrder.LISTINGS);
    return new Snapshot(
        fresh.asOf(),
        fresh.category(),
        fresh.assets(),
        p,
        o,
        l,
        new ArrayList<>(metrics.values()),
        fresh.sources(),
        rates);
  }
}
