package dev.privscreen.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privscreen.CliDriver;
import dev.privscreen.CliDriver.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each output format against a file under src/test/resources/golden. To rewrite them on purpose
 * after a deliberate change: {@code UPDATE_GOLDEN=1 mvn test -Dtest=GoldenOutputTest}, then read
 * the diff.
 */
class GoldenOutputTest {
  static final String SMALL = "src/test/resources/snapshots/small.json";
  static final Path GOLDEN = Path.of("src/test/resources/golden");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "screen-table.txt    | --format table",
        "screen-json.json    | --format json --min-gain 7d=100 --volume-spike 2 --match any",
        "screen-ndjson.ndjson| --format ndjson",
        "screen-csv.csv      | --format csv",
        "screen-fields.csv   | --format csv --fields symbol,listings,m_shielded_supply,score --sort symbol",
        "screen-top.txt      | --min-gain 24h=-5 --sort price_usd:asc --top 2",
        "screen-explain.txt  | --min-gain 7d=100 --oi-breakout --match any --explain all",
        "screen-explain.json | --listed-within 7d --where price_usd>100 --explain all --json --fields symbol,signals,passed,reasons",
        "screen-explain.csv  | --volume-spike 2 --explain --format csv --fields symbol,score,reasons",
        "sector.txt          | --format table",
        "sector.json         | --format json",
        "sector.csv          | --format csv",
        "events.txt          | --within 30d",
        "events.ndjson       | --within 30d --format ndjson",
      })
  void rendersAsTheGoldenFile(String file, String flags) throws IOException {
    String command = file.strip().replaceAll("[-.].*", "");
    String[] args = ((command + " --from " + SMALL + " " + flags.strip()).split(" "));
    Result r = CliDriver.privscreen(args);
    assertThat(r.exitCode()).as(r.toString()).isZero();

    Path golden = GOLDEN.resolve(file.strip());
    if (System.getenv("UPDATE_GOLDEN") != null) {
      Files.writeString(golden, r.stdout(), StandardCharsets.UTF_8);
    }
    assertThat(r.stdout())
        .as(r.toString())
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
