package io.crossroads.matching;

/** Where a cohort round is: waiting for an instance, computing, done, or failed with an error. */
public enum CohortStatus {
  QUEUED,
  RUNNING,
  DONE,
  FAILED
}
