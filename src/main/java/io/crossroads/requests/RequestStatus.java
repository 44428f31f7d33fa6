package io.crossroads.requests;

import java.util.List;

/** The life of an interview request. */
public enum RequestStatus {
  PENDING,
  COUNTER_PROPOSED,
  ACCEPTED,
  DECLINED,
  REDIRECTED,
  EXPIRED,
  WITHDRAWN;

  /** The statuses of requests still waiting for an answer. */
  public static final List<RequestStatus> OPEN = List.of(PENDING, COUNTER_PROPOSED);

  /** Open requests still wait for an answer from one of the parties. */
  public boolean isOpen() {
    return this == PENDING || this == COUNTER_PROPOSED;
  }
}
