package dev.privscreen.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SVG of {@code chart}, written by the built launcher and rendered by a real SVG renderer
 * ({@code rsvg-convert}, Debian's librsvg2-bin, installed by .ci/run): it must render, at its size,
 * with something drawn.
 */
class ChartRenderIT {
  static final Path LAUNCHER =
      Path.of(System.getProperty("privscreen.launcher", "target/privscreen"));

  @TempDir Path tmp;

  static int run(List<String> cmd, Path home) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("PRIVSCREEN_HOME", home.toString());
    pb.redirectOutput(home.resolve("log").toFile()).redirectInput(new File("/dev/null"));
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  @Test
  void rsvgRendersTheSvgAtItsSize() throws Exception {
    assumeTrue(new File("/usr/bin/rsvg-convert").canExecute(), "rsvg-convert (librsvg2-bin)");
    Path svg = tmp.resolve("zec-rail.svg");
    Path png = tmp.resolve("zec-rail.png");

    int made =
        run(
            List.of(
                LAUNCHER.toString(),
                "chart",
                "ZEC",
                "RAIL",
                "--from",
                "examples/privacy-2025-11-07",
                "--normalize",
                "--out",
                svg.toString()),
            tmp);
    assertThat(made).as(Files.readString(tmp.resolve("log"))).isZero();
    int rendered = run(List.of("/usr/bin/rsvg-convert", "-o", png.toString(), svg.toString()), tmp);
    assertThat(rendered).as(Files.readString(tmp.resolve("log"))).isZero();

    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isEqualTo(900);
    assertThat(img.getHeight()).isEqualTo(500);
    Set<Integer> colours = new HashSet<>();
    for (int x = 0; x < img.getWidth(); x += 2) {
      for (int y = 0; y < img.getHeight(); y += 2) {
        colours.add(img.getRGB(x, y));
      }
    }
    assertThat(colours.size()).as("drawn, not blank").isGreaterThan(10);
  }
}
