package dev.privscreen.screen;

/** {@code --explain}: no reasons, reasons for the results, or for every asset. */
public enum Explain {
  none,
  passed,
  all
}
