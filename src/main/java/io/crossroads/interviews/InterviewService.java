package io.crossroads.interviews;

import io.crossroads.availability.AvailabilityService;
import io.crossroads.availability.MonthlyLoads;
import io.crossroads.availability.Schedule;
import io.crossroads.interviews.InterviewViews.Event;
import io.crossroads.interviews.InterviewViews.InterviewView;
import io.crossroads.notify.Notifications;
import io.crossroads.people.Directory;
import io.crossroads.people.DivisionsAtTheTime;
import io.crossroads.people.LeaderProfile;
import io.crossroads.people.PeopleViews.PersonRef;
import io.crossroads.people.Person;
import io.crossroads.platform.api.Page;
import io.crossroads.platform.metrics.BusinessMetrics;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/** Reads and changes scheduled interviews, with the calendar updates the changes send. */
@ApplicationScoped
class InterviewService {

  @PersistenceContext EntityManager em;
  @Inject Interviews interviews;
  @Inject Directory directory;
  @Inject AvailabilityService availability;
  @Inject MonthlyLoads loads;
  @Inject Cancellations cancellations;
  @Inject Notifications notifications;
  @Inject Clock clock;
  @Inject jakarta.enterprise.event.Event<InterviewHeld> heldEvents;
  @Inject BusinessMetrics metrics;

  /** How often one interview may move in any 24 hours, whoever moves it. */
  @Inject
  @ConfigProperty(name = "crossroads.rate.reschedule.per-interview", defaultValue = "3")
  int movesPerDay;

  @Transactional
  public Page<InterviewView> list(
      Caller caller, Interviews.Side side, Instant from, Instant to, int limit, int offset) {
    Page<Interview> page = interviews.of(caller.id(), side, from, to, limit, offset);
    Map<UUID, Person> people =
        directory.people(
            page.items().stream().flatMap(i -> Stream.of(i.employeeId(), i.leaderId())).toList());
    return new Page<>(
        page.items().stream().map(i -> view(i, people, false)).toList(), page.total());
  }

  /** Every interview of a person, either side, with its history: for their own export. */
  @Transactional
  public List<InterviewView> allOf(UUID personId) {
    return interviews
        .of(personId, Interviews.Side.BOTH, null, null, Integer.MAX_VALUE, 0)
        .items()
        .stream()
        .map(this::view)
        .toList();
  }

  @Transactional
  public InterviewView get(Caller caller, UUID id) {
    return view(visible(caller, id));
  }

  /** Only the two parties see an interview; to anyone else it does not exist. */
  private Interview visible(Caller caller, UUID id) {
    return interviews
        .find(id)
        .filter(i -> i.hasParty(caller.id()))
        .orElseThrow(() -> Refusal.notFound("The interview"));
  }

  /**
   * Moves an interview to another open slot of the leader, under the same lock and guards as a
   * booking; the cap follows the interview from one month to the other. The reason stays in the
   * interview's history and reaches the other party with the calendar update.
   */
  @Transactional
  public InterviewView reschedule(Caller caller, UUID id, Instant start, String reason) {
    Interview interview = visible(caller, id);
    LeaderProfile profile =
        directory
            .leaderProfileForUpdate(interview.leaderId())
            .orElseThrow(() -> Refusal.notFound("The leader"));
    em.refresh(interview);
    interview.requireMoveAllowed(movesPerDay, clock.instant());
    Person leader = directory.person(interview.leaderId()).orElseThrow();
    if (start == null
        || !availability.openForMove(
            leader, profile, interview.id(), interview.start(), interview.lengthMinutes(), start)) {
      throw new Refusal(
          ProblemType.SLOT_UNAVAILABLE,
          "That time is not open in " + leader.displayName() + "'s availability.");
    }
    Schedule schedule = availability.schedule(leader);
    YearMonth before = YearMonth.from(interview.start().atZone(schedule.zone()));
    YearMonth after = YearMonth.from(start.atZone(schedule.zone()));
    interview.reschedule(
        caller.id(),
        start,
        reason,
        schedule.bufferBefore(),
        schedule.bufferAfter(),
        clock.instant());
    em.unwrap(Session.class)
        .doWork(connection -> DivisionsAtTheTime.forgetInterview(connection, interview.id()));
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
        interview.meeting(),
        "interview-rescheduled",
        "Informational interview moved",
        caller.id(),
        reason);
    return view(interview);
  }

  @Transactional
  public InterviewView cancel(Caller caller, UUID id, String reason) {
    Interview interview = visible(caller, id);
    interview.cancel(caller.id(), reason, clock.instant());
    cancellations.free(interview);
    em.flush();
    notifications.calendarChanged(
        interview.meeting(), "interview-cancelled", Cancellations.CANCELLED, caller.id(), reason);
    return view(interview);
  }

  @Transactional
  public InterviewView recordOutcome(Caller caller, UUID id, boolean held) {
    Interview interview = visible(caller, id);
    Instant now = clock.instant();
    interview.recordOutcome(caller.id(), held, now);
    em.flush();
    if (held) {
      metrics.interviewHeld();
      heldEvents.fire(
          new InterviewHeld(
              interview.id(),
              interview.requestId(),
              interview.employeeId(),
              interview.leaderId(),
              interview.end()));
    }
    return view(interview);
  }

  @Transactional
  public String calendar(Caller caller, UUID id) {
    return notifications.calendar(visible(caller, id).meeting());
  }

  private InterviewView view(Interview interview) {
    return view(
        interview, directory.people(List.of(interview.employeeId(), interview.leaderId())), true);
  }

  private static InterviewView view(Interview i, Map<UUID, Person> people, boolean withHistory) {
    return new InterviewView(
        i.id(),
        i.requestId(),
        PersonRef.of(people.get(i.employeeId())),
        PersonRef.of(people.get(i.leaderId())),
        i.start(),
        i.end(),
        i.lengthMinutes(),
        i.format(),
        i.status(),
        i.sequence(),
        i.cancelReason(),
        withHistory
            ? i.history().stream()
                .map(e -> new Event(e.at(), e.type().name(), e.actorId(), e.note()))
                .toList()
            : null);
  }
}
