package dev.privscreen.cli;

import dev.privscreen.model.Window;
import dev.privscreen.rule.Amounts;
import dev.privscreen.screen.SortKey;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters for the value syntaxes of SPEC §1. */
final class Converters {
  private Converters() {}

  /** {@code 7d=100}: a window and a percent. */
  record GainThreshold(Window window, double pct) {}

  static final class Gain implements ITypeConverter<GainThreshold> {
    @Override
    public GainThreshold convert(String value) {
      int eq = value.indexOf('=');
      if (eq < 0) {
        throw new TypeConversionException(
            "'" + value + "' is not WINDOW=PERCENT (e.g. 7d=100, 24h=10, 30d=50)");
      }
      try {
        return new GainThreshold(
            Window.parse(value.substring(0, eq)), Amounts.parse(value.substring(eq + 1)));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class WindowConverter implements ITypeConverter<Window> {
    @Override
    public Window convert(String value) {
      try {
        return Window.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** {@code 60s}, {@code 2m}, {@code 500ms}, {@code 1h}. */
  static final class DurationConverter implements ITypeConverter<java.time.Duration> {
    @Override
    public java.time.Duration convert(String value) {
      // a bare number is seconds, as sleep, timeout and watch -n read one
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("(\\d{1,12})(ms|s|m|h|d)?").matcher(value.strip());
      if (!m.matches()) {
        throw new TypeConversionException(
            "'" + value + "' is not a duration (e.g. 500ms, 30s or 30, 2m, 24h, 7d)");
      }
      long n = Long.parseLong(m.group(1));
      if (m.group(2) == null) {
        return java.time.Duration.ofSeconds(n);
      }
      return switch (m.group(2)) {
        case "ms" -> java.time.Duration.ofMillis(n);
        case "s" -> java.time.Duration.ofSeconds(n);
        case "m" -> java.time.Duration.ofMinutes(n);
        case "h" -> java.time.Duration.ofHours(n);
        default -> java.time.Duration.ofDays(n);
      };
    }
  }

  static final class Amount implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      try {
        return Amounts.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** {@code 2025-11-01}, or a full timestamp whose UTC day is taken. */
  static final class Day implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return value.length() == 10
            ? LocalDate.parse(value)
            : OffsetDateTime.parse(value).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
      } catch (DateTimeParseException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a date (expected 2025-11-01 or 2025-11-01T12:00:00Z)");
      }
    }
  }

  static final class Sort implements ITypeConverter<SortKey> {
    @Override
    public SortKey convert(String value) {
      try {
        return SortKey.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
