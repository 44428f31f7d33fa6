package io.crossroads.requests;

/** The life of an interview request. */
public enum RequestStatus {
  PENDING,
  COUNTER_PROPOSED,
  ACCEPTED,
  DECLINED,
  REDIRECTED,
  EXPIRED,
  WITHDRAWN;

  /** Open requests still wait for an answer from one of the parties. */
  public boolean isOpen() {
    return this == PENDING || this == COUNTER_PROPOSED;
  }
}
