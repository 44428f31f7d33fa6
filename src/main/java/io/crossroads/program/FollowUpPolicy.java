package io.crossroads.program;

import java.time.Instant;
import java.time.ZoneId;

/**
 * How persistent an employee may be (DESIGN rule 5): up to {@code maxFollowUps} follow-ups, each at
 * least {@code spacing} business days after the previous attempt. An unanswered request expires
 * {@code expiry} business days after the last attempt once no follow-up is left; while one is left,
 * the employee first has that long to send it, counted from when it became allowed.
 */
public record FollowUpPolicy(int maxFollowUps, int spacing, int expiry, BusinessDays calendar) {

  public static final FollowUpPolicy DEFAULT = new FollowUpPolicy(2, 5, 5, BusinessDays.WEEKDAYS);

  public FollowUpPolicy {
    if (maxFollowUps < 0 || spacing < 1 || expiry < 1 || calendar == null) {
      throw new IllegalArgumentException(
          "maxFollowUps >= 0, spacing and expiry >= 1 business day, and a calendar");
    }
  }

  /** When the next follow-up is allowed after an attempt at {@code last}, in {@code zone}. */
  public Instant followUpFrom(Instant last, ZoneId zone) {
    return calendar.add(last, spacing, zone);
  }

  /**
   * When a request still unanswered after an attempt at {@code last} expires: with a follow-up
   * left, at the end of the window in which the employee may send it; without, {@code expiry}
   * business days after the last attempt.
   */
  public Instant expiresAt(Instant last, boolean followUpLeft, ZoneId zone) {
    return calendar.add(last, followUpLeft ? spacing + expiry : expiry, zone);
  }
}
