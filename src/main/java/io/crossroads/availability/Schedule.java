package io.crossroads.availability;

import io.crossroads.platform.problem.Refusal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * When a leader takes interviews: weekly hours as local wall time in the leader's zone, dated
 * exceptions (other hours, or away), buffers around each interview, the minimum notice and how far
 * ahead people may book. An immutable value, checked when made.
 */
public record Schedule(
    ZoneId zone,
    Map<DayOfWeek, List<TimeRange>> weekly,
    Map<LocalDate, List<TimeRange>> overrides,
    Duration bufferBefore,
    Duration bufferAfter,
    Duration minNotice,
    int horizonDays) {

  public static final Duration MAX_BUFFER = Duration.ofMinutes(120);
  public static final Duration MAX_NOTICE = Duration.ofDays(30);
  public static final int MAX_HORIZON_DAYS = 365;
  public static final int MAX_OVERRIDES = 366;

  public Schedule {
    if (zone == null) {
      throw Refusal.invalid("timeZone", "an IANA time zone such as Europe/Berlin");
    }
    weekly = copyWeekly(weekly);
    overrides = copyOverrides(overrides);
    requireWithin(bufferBefore, MAX_BUFFER, "bufferBefore");
    requireWithin(bufferAfter, MAX_BUFFER, "bufferAfter");
    requireWithin(minNotice, MAX_NOTICE, "minNoticeHours");
    if (horizonDays < 1 || horizonDays > MAX_HORIZON_DAYS) {
      throw Refusal.invalid("horizonDays", "must be 1 to " + MAX_HORIZON_DAYS);
    }
  }

  /** Monday to Friday, 09:00–17:00 in the leader's zone, a day's notice, two months ahead. */
  public static Schedule standard(ZoneId zone) {
    Map<DayOfWeek, List<TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day :
        List.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY)) {
      weekly.put(day, List.of(new TimeRange(LocalTime.of(9, 0), LocalTime.of(17, 0))));
    }
    return new Schedule(
        zone, weekly, Map.of(), Duration.ZERO, Duration.ZERO, Duration.ofHours(24), 60);
  }

  /** The hours open on a local date: its override if there is one, else the weekly hours. */
  public List<TimeRange> hoursOn(LocalDate date) {
    List<TimeRange> override = overrides.get(date);
    return override != null ? override : weekly.getOrDefault(date.getDayOfWeek(), List.of());
  }

  private static void requireWithin(Duration value, Duration max, String field) {
    if (value == null || value.isNegative() || value.compareTo(max) > 0) {
      throw Refusal.invalid(field, "must be between 0 and " + max.toMinutes() + " minutes");
    }
  }

  private static Map<DayOfWeek, List<TimeRange>> copyWeekly(
      Map<DayOfWeek, List<TimeRange>> weekly) {
    Map<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
    if (weekly != null) {
      weekly.forEach((day, ranges) -> copy.put(day, sorted(ranges, "weekly")));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Map<LocalDate, List<TimeRange>> copyOverrides(
      Map<LocalDate, List<TimeRange>> overrides) {
    Map<LocalDate, List<TimeRange>> copy = new TreeMap<>();
    if (overrides != null) {
      if (overrides.size() > MAX_OVERRIDES) {
        throw Refusal.invalid("overrides", "at most " + MAX_OVERRIDES + " dates");
      }
      overrides.forEach((date, ranges) -> copy.put(date, sorted(ranges, "overrides")));
    }
    return Collections.unmodifiableMap(copy);
  }

  /** Ranges of one day in order; overlapping ranges are refused rather than guessed at. */
  private static List<TimeRange> sorted(List<TimeRange> ranges, String field) {
    List<TimeRange> sorted = new ArrayList<>(ranges == null ? List.of() : ranges);
    sorted.sort((a, b) -> a.start().compareTo(b.start()));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i - 1).overlaps(sorted.get(i))) {
        throw Refusal.invalid(
            field, "ranges overlap: " + sorted.get(i - 1) + " and " + sorted.get(i));
      }
    }
    return List.copyOf(sorted);
  }
}
