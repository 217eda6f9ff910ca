package dev.privscreen.model;

/** Told of two rows with the same key, by their index in the order they were added. */
@FunctionalInterface
public interface DuplicateRows {
  /** {@code later} is the earliest row that repeats the key of a row before it, {@code first}. */
  void found(int first, int later);
}
