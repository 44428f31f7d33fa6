package io.crossroads.requests;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Monday to Friday arithmetic in a person's own time zone. */
public final class BusinessDays {

  private BusinessDays() {}

  /** The same wall time {@code days} business days after {@code from}, counted in {@code zone}. */
  public static Instant add(Instant from, int days, ZoneId zone) {
    ZonedDateTime at = from.atZone(zone);
    int left = days;
    while (left > 0) {
      at = at.plusDays(1);
      if (at.getDayOfWeek() != DayOfWeek.SATURDAY && at.getDayOfWeek() != DayOfWeek.SUNDAY) {
        left--;
      }
    }
    return at.toInstant();
  }
}
