package io.crossroads.interviews;

import io.crossroads.availability.AvailabilityService;
import io.crossroads.availability.MonthlyLoads;
import io.crossroads.availability.Schedule;
import io.crossroads.notify.CalendarInvites;
import io.crossroads.notify.Notifications;
import io.crossroads.people.Directory;
import io.crossroads.people.LeaderProfile;
import io.crossroads.people.Person;
import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Refusal;
import io.crossroads.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/** Changes to scheduled interviews, with the calendar updates they send. */
@ApplicationScoped
public class InterviewService {

  @PersistenceContext EntityManager em;
  @Inject Interviews interviews;
  @Inject Directory directory;
  @Inject AvailabilityService availability;
  @Inject MonthlyLoads loads;
  @Inject Notifications notifications;
  @Inject Clock clock;

  /** Only the two parties see an interview; to anyone else it does not exist. */
  public Interview visible(Caller caller, UUID id) {
    return interviews
        .find(id)
        .filter(i -> i.hasParty(caller.id()))
        .orElseThrow(() -> Refusal.notFound("The interview"));
  }

  /**
   * Moves an interview to another open slot of the leader, under the same lock and guards as a
   * booking; the cap follows the interview from one month to the other.
   */
  @Transactional
  public Interview reschedule(Caller caller, UUID id, Instant start) {
    Interview interview = visible(caller, id);
    LeaderProfile profile =
        directory
            .leaderProfileForUpdate(interview.leaderId())
            .orElseThrow(() -> Refusal.notFound("The leader"));
    em.refresh(interview);
    Person leader = directory.person(interview.leaderId()).orElseThrow();
    if (start == null || !availability.openForMove(leader, profile, interview, start)) {
      throw new Refusal(
          ProblemType.SLOT_UNAVAILABLE,
          "That time is not open in " + leader.displayName() + "'s availability.");
    }
    Schedule schedule = availability.schedule(leader);
    YearMonth before = YearMonth.from(interview.start().atZone(schedule.zone()));
    YearMonth after = YearMonth.from(start.atZone(schedule.zone()));
    interview.reschedule(
        caller.id(), start, schedule.bufferBefore(), schedule.bufferAfter(), clock.instant());
    if (!before.equals(after)) {
      if (!loads.take(leader.id(), after, profile.monthlyCap())) {
        throw new Refusal(
            ProblemType.CAP_REACHED,
            leader.displayName() + " has reached the cap in " + after + ".");
      }
      loads.release(leader.id(), before);
    }
    em.flush();
    notifications.calendarChanged(
        interview, "interview-rescheduled", "Informational interview moved");
    return interview;
  }

  @Transactional
  public Interview cancel(Caller caller, UUID id, String reason) {
    Interview interview = visible(caller, id);
    Person leader = directory.person(interview.leaderId()).orElseThrow();
    interview.cancel(caller.id(), reason, clock.instant());
    loads.release(
        leader.id(),
        YearMonth.from(interview.start().atZone(availability.schedule(leader).zone())));
    em.flush();
    notifications.calendarChanged(
        interview, "interview-cancelled", "Informational interview cancelled");
    return interview;
  }

  @Transactional
  public Interview recordOutcome(Caller caller, UUID id, boolean held) {
    Interview interview = visible(caller, id);
    interview.recordOutcome(caller.id(), held, clock.instant());
    em.flush();
    return interview;
  }

  @Transactional
  public String calendar(Caller caller, UUID id) {
    Interview interview = visible(caller, id);
    Person employee = directory.person(interview.employeeId()).orElseThrow();
    Person leader = directory.person(interview.leaderId()).orElseThrow();
    return CalendarInvites.invite(interview, employee, leader, clock.instant()).text();
  }
}
