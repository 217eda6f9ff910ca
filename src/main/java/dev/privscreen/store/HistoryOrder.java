package dev.privscreen.store;

import dev.privscreen.model.FundingPoint;
import dev.privscreen.model.ListingEvent;
import dev.privscreen.model.OiPoint;
import dev.privscreen.model.PricePoint;
import java.util.Comparator;

/** The order a merged snapshot keeps its history in: by asset, venue and day. */
final class HistoryOrder {
  private HistoryOrder() {}

  static final Comparator<PricePoint> PRICES =
      Comparator.comparing(PricePoint::id).thenComparing(PricePoint::date);

  static final Comparator<OiPoint> OPEN_INTEREST =
      Comparator.comparing(OiPoint::id).thenComparing(OiPoint::venue).thenComparing(OiPoint::date);

  static final Comparator<FundingPoint> FUNDING =
      Comparator.comparing(FundingPoint::id)
          .thenComparing(FundingPoint::venue)
          .thenComparing(FundingPoint::fundingTime);

  static final Comparator<ListingEvent> LISTINGS =
      Comparator.comparing(ListingEvent::id)
          .thenComparing(ListingEvent::venue)
          .thenComparing(ListingEvent::listedAt);
}
