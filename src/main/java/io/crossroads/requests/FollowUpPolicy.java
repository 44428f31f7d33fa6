package io.crossroads.requests;

import java.time.Instant;
import java.time.ZoneId;

/**
 * How persistent an employee may be: follow-ups allowed, and the business days between attempts
 * (which is also how long an unanswered request waits before it expires).
 */
public record FollowUpPolicy(int maxFollowUps, int businessDays, BusinessDays calendar) {

  public static final FollowUpPolicy DEFAULT = new FollowUpPolicy(2, 5, BusinessDays.WEEKDAYS);

  public FollowUpPolicy {
    if (maxFollowUps < 0 || businessDays < 1 || calendar == null) {
      throw new IllegalArgumentException("maxFollowUps >= 0, businessDays >= 1 and a calendar");
    }
  }

  /** When the next attempt (or expiry) is due after an attempt at {@code last}, in {@code zone}. */
  public Instant nextAttempt(Instant last, ZoneId zone) {
    return calendar.add(last, businessDays, zone);
  }
}
