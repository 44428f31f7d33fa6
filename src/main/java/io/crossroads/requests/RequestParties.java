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

  /**
   * An active person who takes informational interviews; anyone else is refused by field. The
   * leader's row, profile and availability are read in one statement for the rest of the
   * transaction.
   */
  Person leader(UUID id, String field) {
    availability.load(List.of(id));
    return directory.leaderToAsk(id, field);
  }

  /** The employee, with what matters about them and {@code leaderId}. */
  Eligibility.Employee employee(Person employee, UUID leaderId, ProgramRules rules) {
    return employee(
        employee, rules, requests.openLeadersOf(List.of(employee.id())).get(employee.id()));
  }

  /** The employee, given the leaders their open requests wait on (as already read). */
  Eligibility.Employee employee(Person employee, ProgramRules rules, Set<UUID> waitingOn) {
    Instant heldSince = rules.repeatWindowStart(clock.instant());
    return directory.asking(
        employee,
        interviews
            .metSince(List.of(employee.id()), heldSince)
            .getOrDefault(employee.id(), Set.of()),
        waitingOn == null ? Set.of() : waitingOn);
  }

  /** The employee as far as whether the two may be put together at all. */
  Eligibility.Employee pairOnly(Person employee) {
    return directory.asking(employee, Set.of(), Set.of());
  }

  /** The leader, with their places left in the months of the starts asked about. */
  Eligibility.Leader leaderFacts(
      Person leader, LeaderProfile profile, AvailabilityService.Openings openings) {
    return directory.asked(leader, profile, openings.placesLeft());
  }

  /** The leader as far as whether the two may be put together at all. */
  Eligibility.Leader leaderForPair(Person leader, LeaderProfile profile) {
    return directory.asked(leader, profile, profile.monthlyCap());
  }
}
