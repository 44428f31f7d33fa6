package io.crossroads.interviews;

/** Where a scheduled interview stands. */
public enum InterviewStatus {
  SCHEDULED,
  HELD,
  NO_SHOW,
  CANCELLED;

  /** Scheduled interviews occupy the leader's calendar. */
  public boolean isActive() {
    return this == SCHEDULED;
  }
}
