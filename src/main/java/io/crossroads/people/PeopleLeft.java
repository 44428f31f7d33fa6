package io.crossroads.people;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * People who left the company, as the directory learnt it: fired in the transaction that marks them
 * inactive, so each feature closes what it holds of theirs in the same transaction.
 */
public record PeopleLeft(List<UUID> people, Instant at) {

  public PeopleLeft {
    people = List.copyOf(people);
  }
}
