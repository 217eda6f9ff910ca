package dev.privscreen.cli;

/** SPEC §5's exit codes; listed in every command's --help. */
public enum ExitCode {
  OK(0, "ran; results printed (possibly none)"),
  EMPTY(1, "ran, nothing passed, and --fail-if-empty was given"),
  USAGE(2, "usage error: unknown option, bad value, bad --where"),
  DATA(3, "data error: unreadable/invalid input, empty store, all sources failed"),
  PARTIAL(4, "partial data: some sources failed (only with --strict)"),
  INTERNAL(70, "internal error: a bug; please report it with the --debug output");

  public final int code;
  public final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }
}
