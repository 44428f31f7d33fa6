package io.crossroads.availability;

import io.crossroads.platform.problem.Refusal;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/** A stretch of local wall time within one day, {@code [start, end)}. */
public record TimeRange(LocalTime start, LocalTime end) {

  public TimeRange {
    if (start == null || end == null || !start.isBefore(end)) {
      throw Refusal.invalid("ranges", "a range starts before it ends: " + start + "-" + end);
    }
  }

  /** Parses {@code HH:mm-HH:mm}; {@code 24:00} is accepted as the end of the day. */
  public static TimeRange parse(String text) {
    String[] parts = text.strip().split("-");
    if (parts.length != 2) {
      throw Refusal.invalid("ranges", "a range is HH:mm-HH:mm, not " + text);
    }
    return new TimeRange(time(parts[0]), time(parts[1]));
  }

  static LocalTime time(String text) {
    String value = text.strip();
    if (value.equals("24:00")) {
      return LocalTime.MAX;
    }
    try {
      return LocalTime.parse(value);
    } catch (DateTimeParseException e) {
      throw Refusal.invalid("ranges", "a time is HH:mm, not " + value);
    }
  }

  static String format(LocalTime time) {
    return time.equals(LocalTime.MAX) ? "24:00" : time.toString();
  }

  public boolean overlaps(TimeRange other) {
    return start.isBefore(other.end) && other.start.isBefore(end);
  }

  @Override
  public String toString() {
    return format(start) + "-" + format(end);
  }
}
