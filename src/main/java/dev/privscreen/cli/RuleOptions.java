package dev.privscreen.cli;

import dev.privscreen.metrics.MetricsSpec;
import dev.privscreen.model.Window;
import dev.privscreen.rule.FundingRule;
import dev.privscreen.rule.ListingRule;
import dev.privscreen.rule.MinGainRule;
import dev.privscreen.rule.MinOiChangeRule;
import dev.privscreen.rule.OiAboveRule;
import dev.privscreen.rule.OiBreakoutRule;
import dev.privscreen.rule.Rule;
import dev.privscreen.rule.VolumeSpikeRule;
import dev.privscreen.rule.where.WhereRule;
import dev.privscreen.screen.Match;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The screening rules of SPEC §1, shared by every command that screens. */
public final class RuleOptions {
  @Option(
      names = "--min-gain",
      paramLabel = "WINDOW=PCT",
      converter = Converters.Gain.class,
      description =
          "Rule gain_<window>: price gain over the window >= PCT percent (repeatable: 24h=10,"
              + " 7d=100, 30d=50, 2w=80).")
  List<Converters.GainThreshold> minGain = new ArrayList<>();

  @Option(
      names = "--oi-breakout",
      description =
          "Rule oi_breakout: open interest today above the highest of the --oi-lookback days"
              + " before, by --oi-margin percent (needs 7 of those days).")
  boolean oiBreakout;

  @Option(
      names = "--oi-lookback",
      paramLabel = "WINDOW",
      converter = Converters.WindowConverter.class,
      description = "Look-back of oi_breakout, oi_above and oi_prev_high_usd (default: 30d).")
  Window oiLookback;

  @Option(
      names = "--oi-margin",
      paramLabel = "PCT",
      converter = Converters.Amount.class,
      description = "Margin of oi_breakout over the previous high, in percent (default: 0).")
  Double oiMargin;

  @Option(
      names = "--oi-above",
      paramLabel = "USD",
      converter = Converters.Amount.class,
      description =
          "Rule oi_above: open interest today >= USD (e.g. 770M) while every day of the"
              + " look-back was below it (a first break).")
  Double oiAbove;

  @Option(
      names = "--min-oi-change",
      paramLabel = "WINDOW=PCT",
      converter = Converters.Gain.class,
      description = "Rule oi_change_<window>: open-interest change over the window >= PCT percent.")
  List<Converters.GainThreshold> minOiChange = new ArrayList<>();

  @Option(
      names = "--listed-within",
      paramLabel = "WINDOW",
      converter = Converters.WindowConverter.class,
      description =
          "Rule listing: at least one listing event in the WINDOW ending at the end of the"
              + " as-of day (e.g. 7d).")
  Window listedWithin;

  @Mixin VenueOptions venue;

  @Option(
      names = "--volume-spike",
      paramLabel = "FACTOR",
      converter = Converters.Amount.class,
      description =
          "Rule volume_spike: 24h volume >= FACTOR x the mean daily volume of the 30 days before.")
  Double volumeSpike;

  @Option(
      names = "--funding-above",
      paramLabel = "PCT",
      converter = Converters.Amount.class,
      description =
          "Rule funding: funding_rate_pct (the rate per 8h, venues weighted by OI) above PCT"
              + " (longs pay more than PCT%%).")
  Double fundingAbove;

  @Option(
      names = "--funding-below",
      paramLabel = "PCT",
      converter = Converters.Amount.class,
      description =
          "Rule funding: funding_rate_pct below PCT (0: shorts pay longs; with --oi-breakout, a"
              + " squeeze set-up).")
  Double fundingBelow;

  @Option(
      names = "--where",
      paramLabel = "EXPR",
      description =
          "Rule where: a filter over result fields (repeatable; all must hold), e.g."
              + " 'gain_7d_pct >= 100 && market_cap_usd > 100M'.")
  List<String> where = new ArrayList<>();

  @Option(
      names = "--match",
      paramLabel = "all|any",
      defaultValue = "all",
      description = "Keep assets for which every rule fired (all) or at least one (any).")
  Match match;

  Window oiLookback() {
    return oiLookback == null ? MetricsSpec.DEFAULT_OI_LOOKBACK : oiLookback;
  }

  /**
   * The rules the flags ask for.
   *
   * @throws IllegalArgumentException naming the flag of a bad value
   */
  List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    for (Converters.GainThreshold g : minGain) {
      rules.add(new MinGainRule(g.window(), g.pct()));
    }
    if (oiBreakout) {
      rules.add(new OiBreakoutRule(oiLookback(), oiMargin == null ? 0 : oiMargin));
    } else if (oiMargin != null) {
      throw new IllegalArgumentException("--oi-margin goes with --oi-breakout");
    }
    if (oiAbove != null) {
      rules.add(new OiAboveRule(oiAbove, oiLookback()));
    }
    for (Converters.GainThreshold g : minOiChange) {
      rules.add(new MinOiChangeRule(g.window(), g.pct()));
    }
    if (listedWithin != null) {
      rules.add(new ListingRule(listedWithin, venue.venueSet(), venue.marketSet()));
    } else if (venue.given()) {
      throw new IllegalArgumentException("--venue and --market go with --listed-within");
    }
    if (volumeSpike != null) {
      rules.add(new VolumeSpikeRule(volumeSpike));
    }
    if (fundingAbove != null || fundingBelow != null) {
      rules.add(new FundingRule(fundingAbove, fundingBelow));
    }
    if (!where.isEmpty()) {
      rules.add(new WhereRule(where));
    }
    return rules;
  }
}
