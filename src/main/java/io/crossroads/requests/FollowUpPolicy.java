package io.crossroads.requests;

/** How persistent an employee may be: follow-ups allowed, and the business days between attempts. */
public record FollowUpPolicy(int maxFollowUps, int businessDays) {

  public static final FollowUpPolicy DEFAULT = new FollowUpPolicy(2, 5);

  public FollowUpPolicy {
    if (maxFollowUps < 0 || businessDays < 1) {
      throw new IllegalArgumentException("maxFollowUps >= 0 and businessDays >= 1");
    }
  }
}
