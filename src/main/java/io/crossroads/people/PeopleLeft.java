package io.crossroads.people;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * People who left the company, as the directory learnt it: fired in the transaction that marks them
 * inactive, so each feature closes what it holds of theirs in the same transaction; and again by
 * the request-expiry job for whoever has left with a request or an interview still open.
 */
public record PeopleLeft(List<UUID> people, Instant at) {

  public PeopleLeft {
    people = List.copyOf(people);
  }
}
