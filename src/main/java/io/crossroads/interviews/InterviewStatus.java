package io.crossroads.interviews;

/** Where a scheduled interview stands. */
public enum InterviewStatus {
  SCHEDULED,
  HELD,
  NO_SHOW,
  CANCELLED
}
