package dev.privscreen.chart;

import static dev.privscreen.CliDriver.privscreen;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code privscreen chart}: the terminal drawing against golden files (rewrite them on purpose with
 * {@code UPDATE_GOLDEN=1}), the SVG read as XML, the PNG decoded, and the charts that have less to
 * draw (no OI, one day, gaps) still drawn, saying what they left out.
 */
class ChartTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden");
  static final String EX = CliDriver.EXAMPLE_DIR;

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(ints = {60, 100})
  void theTerminalChartOfZecAsTheGoldenFile(int width) throws IOException {
    Result r = privscreen("chart", "ZEC", "--from", EX, "--width", Integer.toString(width));

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stderr()).isEmpty();
    assertThat(r.stdout())
        .contains("▲") // ZEC's Bitget listing of 2025-10-20, marked and told
        .contains("▲ 2025-10-20 ZEC bitget perp listing")
        .contains("┄ OI previous high (30 days before 2025-11-07): $1.09B")
        .doesNotContain("\u001b");
    assertThat(r.stdout().lines().filter(l -> l.length() > width)).isEmpty();
    Path golden = GOLDEN.resolve("chart-zec-" + width + ".txt");
    if (System.getenv("UPDATE_GOLDEN") != null) {
      Files.writeString(golden, r.stdout(), StandardCharsets.UTF_8);
    }
    assertThat(r.stdout()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @Test
  void colourOnlyOnATerminal() {
    Result tty =
        new CliDriver().terminal(true).run("chart", "ZEC", "RAIL", "--from", EX, "--normalize");
    Result noColor =
        new CliDriver()
            .terminal(true)
            .env("NO_COLOR", "1")
            .run("chart", "ZEC", "RAIL", "--from", EX, "--normalize");

    assertThat(tty.stdout()).contains("\u001b[");
    assertThat(noColor.stdout()).doesNotContain("\u001b");
    assertThat(tty.stdout()).contains("ZEC", "RAIL", "(rebased to 100)");
  }

  @Test
  void anAssetWithoutOpenInterestIsDrawnAndTheOiPanelIsSaidToBeLeftOut() {
    Result r = privscreen("chart", "RAIL", "--from", EX);

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stderr())
        .isEqualTo("privscreen: chart: left out: open interest (none in this range)\n");
    assertThat(r.stdout()).contains("RAIL").contains("vol RAIL").doesNotContain("OI previous high");
  }

  @Test
  void aSingleDayStillDraws() {
    Result r = privscreen("chart", "ZEC", "--from", EX, "--days", "1", "--width", "50");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stdout()).contains("2025-11-07 … 2025-11-07").containsPattern("[⠁-⣿]");
  }

  @Test
  void gapsBreakTheLineButNotTheChart() throws IOException {
    Path d = Files.createDirectories(tmp.resolve("gaps"));
    Files.writeString(d.resolve("assets.csv"), "id,symbol,name,price_usd\nzcash,ZEC,Zcash,10\n");
    StringBuilder p = new StringBuilder("id,date,close_usd,volume_usd\n");
    for (int i = 1; i <= 30; i++) {
      if (i % 7 != 0) { // a day in seven missing
        p.append("zcash,2025-11-")
            .append(String.format("%02d", i))
            .append(',')
            .append(i)
            .append(",5\n");
      }
    }
    Files.writeString(d.resolve("prices.csv"), p.toString());

    Result r = privscreen("chart", "ZEC", "--from", d.toString(), "--days", "30", "--json");
    Result t = privscreen("chart", "ZEC", "--from", d.toString(), "--days", "30");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode series = r.json().get("assets").get(0).get("series");
    assertThat(series).hasSize(30);
    assertThat(series.get(6).get("close_usd").isNull()).isTrue();
    assertThat(series.get(7).get("close_usd").asDouble()).isEqualTo(8);
    assertThat(t.exitCode()).isZero();
    assertThat(t.stderr()).contains("left out: open interest");
  }

  @Test
  void theSvgHasAPathPerSeriesAndAMarkerPerEventInRange() throws Exception {
    Path svg = tmp.resolve("zec-rail.svg");
    Result r =
        privscreen("chart", "ZEC", "RAIL", "--from", EX, "--normalize", "--out", svg.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();

    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
    NodeList paths = doc.getElementsByTagName("path");
    int price = 0;
    int oi = 0;
    int events = 0;
    Set<String> labels = new HashSet<>();
    for (int i = 0; i < paths.getLength(); i++) {
      Element e = (Element) paths.item(i);
      switch (e.getAttribute("class") + "/" + e.getAttribute("data-kind")) {
        case "series/price" -> {
          price++;
          labels.add(e.getAttribute("data-label"));
        }
        case "series/oi" -> oi++;
        case "event/list", "event/delist" -> events++;
        default -> {}
      }
    }
    assertThat(price).isEqualTo(2);
    assertThat(labels).containsExactlyInAnyOrder("ZEC", "RAIL");
    assertThat(oi).as("RAIL has no OI: ZEC's alone").isEqualTo(1);
    JsonNode j = privscreen("chart", "ZEC", "RAIL", "--from", EX, "--json").json();
    int inRange =
        j.get("assets").get(0).get("events").size() + j.get("assets").get(1).get("events").size();
    assertThat(events).isEqualTo(inRange).isPositive();
    assertThat(doc.getElementsByTagName("line").getLength()).isPositive();
    assertThat(Files.readString(svg)).contains("OI previous high", "close rebased to 100");
  }

  @Test
  void thePngHasTheAskedSizeAndIsNotBlank() throws IOException {
    Path png = tmp.resolve("zec.png");
    Result r =
        privscreen(
            "chart",
            "ZEC",
            "--from",
            EX,
            "--out",
            png.toString(),
            "--width",
            "640",
            "--height",
            "360");
    assertThat(r.exitCode()).as(r.toString()).isZero();

    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isEqualTo(640);
    assertThat(img.getHeight()).isEqualTo(360);
    Set<Integer> colours = new HashSet<>();
    for (int x = 0; x < img.getWidth(); x += 3) {
      for (int y = 0; y < img.getHeight(); y += 3) {
        colours.add(img.getRGB(x, y));
      }
    }
    assertThat(colours.size()).as("drawn, not blank").isGreaterThan(10);
  }

  @Test
  void anUnknownAssetOrFormatIsAUsageError() {
    Result r = privscreen("chart", "NOPE", "--from", EX);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("no asset 'NOPE' in the snapshot");
    assertThat(
            privscreen("chart", "ZEC", "--from", EX, "--out", tmp.resolve("x.gif").toString())
                .exitCode())
        .isEqualTo(2);
    assertThat(privscreen("chart", "ZEC", "--from", EX, "--format", "csv").exitCode()).isEqualTo(2);
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "--width,0,'--width 0: from 30 to 2000 characters'",
    "--width,-3,'--width -3: from 30 to 2000 characters'",
    "--width,100000,'--width 100000: from 30 to 2000 characters'",
    "--height,0,'--height 0: from 3 to 200 rows'",
    "--height,-3,'--height -3: from 3 to 200 rows'"
  })
  void aSizeOutsideItsRangeIsAUsageErrorNotSilentlyClamped(
      String option, String value, String message) {
    Result r = privscreen("chart", "ZEC", "--from", EX, option, value);

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).startsWith("privscreen: " + message);
  }

  @Test
  void theSmallestPictureKeepsItsTitleClearOfTheLegend() throws IOException {
    Path small = tmp.resolve("small.svg");
    Path big = tmp.resolve("big.svg");
    Result tiny =
        privscreen(
            "chart",
            "ZEC",
            "DASH",
            "--from",
            EX,
            "--out",
            small.toString(),
            "--width",
            "320",
            "--height",
            "240");
    privscreen("chart", "ZEC", "DASH", "--from", EX, "--out", big.toString());
    Result tooSmall =
        privscreen(
            "chart",
            "ZEC",
            "--from",
            EX,
            "--out",
            small.toString(),
            "--width",
            "200",
            "--height",
            "150");

    assertThat(tiny.exitCode()).as(tiny.toString()).isZero();
    // the title's text: cut at 320 pixels to the room left of the legend, whole at 900
    java.util.regex.Pattern first = java.util.regex.Pattern.compile("<text[^>]*>([^<]*)</text>");
    var m = first.matcher(Files.readString(small));
    assertThat(m.find()).isTrue();
    assertThat(m.group(1)).endsWith("…").hasSizeLessThan(20);
    var whole = first.matcher(Files.readString(big));
    assertThat(whole.find()).isTrue();
    assertThat(whole.group(1)).contains("close, volume, open interest");
    assertThat(tooSmall.exitCode()).isEqualTo(2);
    assertThat(tooSmall.stderr()).contains("--width 200: from 320 to 8000 pixels");
  }

  @Test
  void trailingSpacesAreStrippedLineByLine() {
    assertThat(TerminalChart.stripLineEnds("a  \n  b  \n\nc")).isEqualTo("a\n  b\n\nc");
    assertThat(TerminalChart.stripLineEnds(" ".repeat(100_000) + "x")).hasSize(100_001);
  }
}
