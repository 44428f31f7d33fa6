package io.crossroads.program;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/** Monday to Friday, less the company's holidays, counted in a person's own time zone. */
public record BusinessDays(Set<LocalDate> holidays) {

  public static final BusinessDays WEEKDAYS = new BusinessDays(Set.of());

  public BusinessDays {
    holidays = Set.copyOf(holidays);
  }

  /** The same wall time {@code days} business days after {@code from}, counted in {@code zone}. */
  public Instant add(Instant from, int days, ZoneId zone) {
    ZonedDateTime at = from.atZone(zone);
    int left = days;
    while (left > 0) {
      at = at.plusDays(1);
      if (isBusinessDay(at.toLocalDate())) {
        left--;
      }
    }
    return at.toInstant();
  }

  public boolean isBusinessDay(LocalDate date) {
    return date.getDayOfWeek() != DayOfWeek.SATURDAY
        && date.getDayOfWeek() != DayOfWeek.SUNDAY
        && !holidays.contains(date);
  }
}
