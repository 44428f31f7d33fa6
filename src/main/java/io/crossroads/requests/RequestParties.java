package io.crossroads.requests;

import io.crossroads.availability.AvailabilityService;
import io.crossroads.interviews.Interviews;
import io.crossroads.people.Directory;
import io.crossroads.people.LeaderProfile;
import io.crossroads.people.Person;
import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Refusal;
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

  /** An active person who takes informational interviews; an unknown one is refused by field. */
  Person leader(UUID id, String field) {
    Person leader =
        directory
            .person(id)
            .filter(Person::isActive)
            .orElseThrow(() -> Refusal.invalid(field, "no such person"));
    if (!leader.isLeader() || directory.leaderProfile(id).isEmpty()) {
      throw new Refusal(
          ProblemType.NOT_A_LEADER,
          leader.displayName() + " does not take informational interviews.");
    }
    return leader;
  }

  /** The employee, with what matters about them and {@code leaderId}. */
  Eligibility.Employee employee(Person employee, UUID leaderId, ProgramRules rules) {
    List<UUID> them = List.of(employee.id());
    Instant heldSince = rules.repeatWindowStart(clock.instant());
    return new Eligibility.EmployeeFacts(
        employee.id(),
        employee.divisionId(),
        employee.level(),
        Set.copyOf(directory.managementChain(employee.id())),
        interviews.metSince(them, heldSince).getOrDefault(employee.id(), Set.of()),
        requests.openLeadersOf(them).getOrDefault(employee.id(), Set.of()));
  }

  /** The leader, with their places left in the months of {@code starts}. */
  Eligibility.Leader leaderFacts(Person leader, LeaderProfile profile, Collection<Instant> starts) {
    return new Eligibility.LeaderFacts(
        leader.id(),
        leader.displayName(),
        leader.divisionId(),
        leader.level(),
        profile.acceptingRequests(),
        availability.placesLeft(leader, profile, starts));
  }
}
