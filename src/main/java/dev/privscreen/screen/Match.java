package dev.privscreen.screen;

/** How rules combine: every rule must fire, or at least one. */
public enum Match {
  all,
  any
}
