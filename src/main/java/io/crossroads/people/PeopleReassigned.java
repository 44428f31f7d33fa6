package io.crossroads.people;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * People the directory gave another manager or another division, as it learnt it: fired in the
 * transaction that changes them, so that whatever the program no longer allows for them, or for
 * anyone below them, closes in the same transaction.
 */
public record PeopleReassigned(Set<UUID> people, Instant at) {

  public PeopleReassigned {
    people = Set.copyOf(people);
  }
}
