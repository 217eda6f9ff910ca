package dev.privscreen.screen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import dev.privscreen.screen.ReferenceScreenTest.Reference;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code replay --forward} and {@code --entries} on unseen data (gaps, short histories, missing
 * closes, windows running past the data's end), against an implementation written here from the
 * issue's text: plain lists and linear scans, to 1e-9 relative.
 */
class ForwardReturnsTest {
  static final LocalDate START = LocalDate.parse("2025-10-20");
  static final int[] WINDOWS = {1, 7, 30};

  /** fwd_Nd_pct: (close(d+N) / close(d) − 1) × 100, null when either close is missing. */
  static Double fwd(Reference.Data data, String id, LocalDate d, int n) {
    Double now = Reference.close(data, id, d);
    Double later = Reference.close(data, id, d.plusDays(n));
    if (now == null || later == null || now == 0) {
      return null;
    }
    return (later / now - 1) * 100;
  }

  static void close(Double expected, JsonNode got, String what) {
    if (expected == null) {
      assertThat(got.isNull()).as(what + ": " + got).isTrue();
    } else {
      double g = got.asDouble();
      assertThat(Math.abs(g - expected))
          .as(what)
          .isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(expected)));
    }
  }

  @ParameterizedTest(name = "seed {0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1|--min-gain 7d=0 --volume-spike 1.2 --match any",
        "2|--oi-breakout --listed-within 3d --match any",
        "3|--min-gain 24h=0 --top 4",
      })
  void forwardReturnsAndTheirSummaryAgreeWithTheReference(long seed, String flags)
      throws IOException {
    Path dir = ReferenceScreenTest.data(seed);
    List<String> rules = ReplayAndDiffTest.splitFlags(flags);
    List<String> args =
        new ArrayList<>(
            List.of(
                "replay",
                "--from",
                dir.toString(),
                "--start",
                START.toString(),
                "--json",
                "--forward",
                "1d,7d,30d"));
    args.addAll(rules);
    Result r = CliDriver.privscreen(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.toString()).isZero();

    Reference.Data data = Reference.load(dir);
    JsonNode days = r.json().get("days");
    List<List<Double>> printed = new ArrayList<>();
    List<List<Double>> universe = new ArrayList<>();
    for (int w = 0; w < WINDOWS.length; w++) {
      printed.add(new ArrayList<>());
      universe.add(new ArrayList<>());
    }
    int results = 0;
    for (JsonNode day : days) {
      LocalDate d = LocalDate.parse(day.get("date").asText());
      for (JsonNode res : day.get("results")) {
        results++;
        String id = res.get("id").asText();
        for (int w = 0; w < WINDOWS.length; w++) {
          Double want = fwd(data, id, d, WINDOWS[w]);
          close(want, res.get("fwd_" + WINDOWS[w] + "d_pct"), id + " " + d + " " + WINDOWS[w]);
          if (want != null) {
            printed.get(w).add(want);
            // u(d): the mean over every asset with a forward return that day
            double sum = 0;
            int n = 0;
            for (Reference.A a : data.assets()) {
              Double f = fwd(data, a.id(), d, WINDOWS[w]);
              if (f != null) {
                sum += f;
                n++;
              }
            }
            universe.get(w).add(sum / n);
          }
        }
      }
    }
    assertThat(results).as("the rules print something").isPositive();

    JsonNode forward = r.json().get("forward");
    assertThat(forward).hasSize(3);
    for (int w = 0; w < WINDOWS.length; w++) {
      JsonNode s = forward.get(w);
      List<Double> v = new ArrayList<>(printed.get(w));
      assertThat(s.get("window").asText()).isEqualTo(WINDOWS[w] + "d");
      assertThat(s.get("results").asInt()).isEqualTo(results);
      assertThat(s.get("with_data").asInt()).isEqualTo(v.size());
      if (v.isEmpty()) {
        assertThat(s.get("hit_rate").isNull()).isTrue();
        assertThat(s.get("mean_pct").isNull()).isTrue();
        continue;
      }
      double mean = v.stream().mapToDouble(x -> x).average().orElseThrow();
      double hit = v.stream().filter(x -> x > 0).count() / (double) v.size();
      v.sort(null);
      double median =
          v.size() % 2 == 1
              ? v.get(v.size() / 2)
              : (v.get(v.size() / 2 - 1) + v.get(v.size() / 2)) / 2;
      double u = universe.get(w).stream().mapToDouble(x -> x).average().orElseThrow();
      close(hit, s.get("hit_rate"), "hit_rate " + WINDOWS[w]);
      close(mean, s.get("mean_pct"), "mean " + WINDOWS[w]);
      close(median, s.get("median_pct"), "median " + WINDOWS[w]);
      close(u, s.get("universe_mean_pct"), "universe " + WINDOWS[w]);
      close(mean - u, s.get("excess_mean_pct"), "excess " + WINDOWS[w]);
    }
    // 30 days ahead of the last days runs past the data: those results have no forward return
    assertThat(forward.get(2).get("with_data").asInt()).isLessThan(results);
  }

  @ParameterizedTest(name = "seed {0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {"1|--min-gain 7d=0", "2|--volume-spike 1.1 --min-gain 24h=0 --match any"})
  void entriesAreTheFirstDayOfEachRunEvenWhenTheRunBeganBeforeStart(long seed, String flags)
      throws IOException {
    Path dir = ReferenceScreenTest.data(seed);
    List<String> rules = ReplayAndDiffTest.splitFlags(flags);
    List<String> args =
        new ArrayList<>(
            List.of(
                "replay",
                "--from",
                dir.toString(),
                "--start",
                START.toString(),
                "--entries",
                "--format",
                "ndjson",
                "--fields",
                "date,id"));
    args.addAll(rules);
    Result r = CliDriver.privscreen(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.toString()).isZero();

    Reference.Data data = Reference.load(dir);
    List<String> expected = new ArrayList<>();
    Set<String> before = ids(data, rules, START.minusDays(1));
    int carried = 0;
    for (LocalDate d = START; !d.isAfter(ReferenceScreenTest.LAST); d = d.plusDays(1)) {
      Set<String> today = new HashSet<>();
      for (Map<String, Object> res : screen(data, rules, d)) {
        String id = (String) res.get("id");
        today.add(id);
        if (!before.contains(id)) {
          expected.add("{\"date\":\"" + d + "\",\"id\":\"" + id + "\"}");
        } else if (d.equals(START)) {
          carried++; // passing on --start, but a run that began the day before: no entry
        }
      }
      before = today;
    }
    assertThat(r.stdout().lines()).containsExactlyElementsOf(expected);
    assertThat(carried).as("some run began before --start").isPositive();
  }

  static List<Map<String, Object>> screen(Reference.Data data, List<String> rules, LocalDate d) {
    List<String> f = new ArrayList<>(rules);
    f.addAll(List.of("--as-of", d.toString()));
    return Reference.screen(data, f);
  }

  static Set<String> ids(Reference.Data data, List<String> rules, LocalDate d) {
    Set<String> out = new HashSet<>();
    screen(data, rules, d).forEach(m -> out.add((String) m.get("id")));
    return out;
  }
}
