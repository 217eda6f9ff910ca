package dev.privscreen.manners;

import static org.assertj.core.api.Assertions.assertThat;

import dev.privscreen.cli.Cli;
import dev.privscreen.cli.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A reader that leaves (`| head -1`) stops a replay, quietly, within a day of output. */
class ClosedPipeTest {
  /** A pipe whose reader read the first bytes and left: every write after them fails. */
  static final class HeadPipe extends OutputStream {
    final int take;
    int written;
    int refused; // writes tried after the reader left
    int writes;

    HeadPipe(int take) {
      this.take = take;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      writes++;
      if (written >= take) {
        refused++;
        throw new IOException("Broken pipe");
      }
      written += len;
    }
  }

  /** The replay of the example's last five weeks into {@code pipe}: its exit and its stderr. */
  static Object[] replay(HeadPipe pipe) {
    StringWriter err = new StringWriter();
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(pipe), false);
    Context ctx =
        new Context(
            out,
            new PrintWriter(err),
            new ByteArrayInputStream(new byte[0]),
            Map.of("PRIVSCREEN_HOME", "target/no-such-home"),
            false);
    int code =
        Cli.run(
            ctx,
            "replay",
            "--from",
            "examples/privacy-2025-11-07",
            "--start",
            "2025-10-01",
            "--format",
            "ndjson");
    return new Object[] {code, err.toString()};
  }

  @Test
  void aReplayStopsWhenItsReaderLeavesAndSaysNothing() {
    HeadPipe all = new HeadPipe(Integer.MAX_VALUE);
    replay(all);
    HeadPipe head = new HeadPipe(1);

    Object[] r = replay(head);

    assertThat(r[0]).isEqualTo(0);
    assertThat(r[1]).isEqualTo("");
    // the writes of the first day, not of all 38: a whole replay takes ten times as many
    assertThat(head.refused).isPositive();
    assertThat(head.refused * 10).isLessThan(all.writes);
  }
}
