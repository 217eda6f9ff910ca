package dev.privscreen.cli;

import java.io.File;
import java.io.IOException;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build-time only ({@code mvn package} runs it; picocli-codegen is not in the jar): writes a man
 * page per command, in AsciiDoc's manpage doctype, into the directory given.
 */
public final class ManPages {
  private ManPages() {}

  public static void main(String[] args) throws IOException {
    CommandLine all = Cli.commandLine(new RootCommand(null), null);
    int rc =
        ManPageGenerator.generateManPage(
            new File(args[0]), null, new boolean[0], true, all.getCommandSpec());
    if (rc != 0) {
      throw new IllegalStateException("man pages: exit " + rc);
    }
  }
}
