package io.crossroads.requests;

import io.crossroads.availability.AvailabilityService;
import io.crossroads.interviews.Interviews;
import io.crossroads.people.Directory;
import io.crossroads.people.LeaderProfile;
import io.crossroads.people.Person;
import io.crossroads.program.Eligibility;
import io.crossroads.program.ProgramRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Reads the two people of a request as the program's eligibility policy needs them. */
@ApplicationScoped
class RequestParties {

  @Inject Directory directory;
  @Inject Interviews interviews;
  @Inject Requests requests;
  @Inject AvailabilityService availability;
  @Inject Clock clock;

  /** An active person who takes informational interviews; anyone else is refused by field. */
  Person leader(UUID id, String field) {
    return directory.leaderToAsk(id, field);
  }

  /** The employee, with what matters about them and {@code leaderId}. */
  Eligibility.Employee employee(Person employee, UUID leaderId, ProgramRules rules) {
    List<UUID> them = List.of(employee.id());
    Instant heldSince = rules.repeatWindowStart(clock.instant());
    return directory.asking(
        employee,
        interviews.metSince(them, heldSince).getOrDefault(employee.id(), Set.of()),
        requests.openLeadersOf(them).getOrDefault(employee.id(), Set.of()));
  }

  /** The employee as far as whether the two may be put together at all. */
  Eligibility.Employee pairOnly(Person employee) {
    return directory.asking(employee, Set.of(), Set.of());
  }

  /** The leader, with their places left in the months of {@code starts}. */
  Eligibility.Leader leaderFacts(Person leader, LeaderProfile profile, Collection<Instant> starts) {
    return directory.asked(leader, profile, availability.placesLeft(leader, profile, starts));
  }

  /** The leader as far as whether the two may be put together at all. */
  Eligibility.Leader leaderForPair(Person leader, LeaderProfile profile) {
    return directory.asked(leader, profile, profile.monthlyCap());
  }
}
