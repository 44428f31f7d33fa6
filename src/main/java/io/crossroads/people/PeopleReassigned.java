package io.crossroads.people;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * People the directory placed otherwise, as it learnt it: {@code people} got another manager or
 * another division, which changes the management chain of everyone below them too; {@code
 * levelChanged} got another level, which changes only their own place against the program's level
 * band. Fired in the transaction that changes them, so that whatever the program no longer allows
 * closes in the same transaction.
 */
public record PeopleReassigned(Set<UUID> people, Set<UUID> levelChanged, Instant at) {

  public PeopleReassigned {
    people = Set.copyOf(people);
    levelChanged = Set.copyOf(levelChanged);
  }
}
