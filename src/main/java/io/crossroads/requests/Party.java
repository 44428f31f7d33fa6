package io.crossroads.requests;

/** How a person relates to a request. */
public enum Party {
  REQUESTER,
  LEADER,
  NONE
}
