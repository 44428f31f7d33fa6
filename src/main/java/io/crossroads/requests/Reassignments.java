package io.crossroads.requests;

import io.crossroads.interviews.Cancellations;
import io.crossroads.interviews.Interviews;
import io.crossroads.notify.Notifications;
import io.crossroads.people.Directory;
import io.crossroads.people.PeopleReassigned;
import io.crossroads.people.Person;
import io.crossroads.people.ReportingLines;
import io.crossroads.program.Eligibility;
import io.crossroads.program.Program;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * When the directory gives people another manager, division or level, closes in the same
 * transaction what the program no longer allows: every open request and every interview still to
 * come between an employee and a leader whom {@link Eligibility#pair} now refuses (as a rule, the
 * leader now manages the employee, directly or further up, works in their division, or stands above
 * the program's level band for them). Someone below a person with a new manager has a new
 * management chain too, so their pairs are asked about as well, and so are the pairs of a leader
 * who moved; a new level changes only the person's own pairs.
 *
 * <p>Both people are told, with the program's reason and nothing more: the employee learns nothing
 * new of the leader, the leader nothing of the employee's exploring beyond the request they saw.
 */
@ApplicationScoped
class Reassignments {

  static final String REASON =
      "The program's rules no longer allow this meeting after a change in the directory.";

  @Inject Requests requests;
  @Inject Interviews interviews;
  @Inject Cancellations cancellations;
  @Inject Directory directory;
  @Inject Program program;
  @Inject Notifications notifications;

  void closeWhatIsNoLongerAllowed(@Observes PeopleReassigned reassigned) {
    Instant now = reassigned.at();
    // A change of level alone touches only the person's own pairs: only theirs are read.
    boolean levelsOnly = reassigned.people().isEmpty();
    List<Requests.Between> open =
        levelsOnly ? requests.openOfAny(reassigned.levelChanged()) : requests.open();
    List<Interviews.Between> booked =
        levelsOnly
            ? interviews.scheduledOfAnyAfter(reassigned.levelChanged(), now)
            : interviews.scheduledAfter(now);
    if (open.isEmpty() && booked.isEmpty()) {
      return;
    }
    ReportingLines lines = directory.reportingLines();
    Set<Pair> touched = new HashSet<>();
    open.forEach(r -> touched.add(new Pair(r.requesterId(), r.leaderId())));
    booked.forEach(i -> touched.add(new Pair(i.employeeId(), i.leaderId())));
    touched.removeIf(pair -> !pair.touchedBy(reassigned, lines));
    Set<Pair> refused = refused(touched, lines);
    if (refused.isEmpty()) {
      return;
    }
    Set<UUID> leaders = new HashSet<>();
    refused.forEach(pair -> leaders.add(pair.leader()));
    // Each leader's calendar is then decided by this transaction alone, as by an accept or a move:
    // what either party did meanwhile is read as they committed it, and whatever they try next
    // reads what this closes.
    directory.lockLeaderProfiles(leaders);
    List<InterviewRequest> closed = new ArrayList<>();
    for (InterviewRequest request : requests.openToForUpdate(leaders)) {
      if (refused.contains(new Pair(request.requesterId(), request.leaderId()))) {
        request.closeNoLongerAllowed(REASON, now);
        closed.add(request);
      }
    }
    requests.flush();
    closed.forEach(this::tellBoth);
    cancellations.cancelNoLongerAllowed(
        interviews.scheduledWithForUpdate(leaders, now).stream()
            .filter(i -> refused.contains(new Pair(i.employeeId(), i.leaderId())))
            .toList(),
        REASON,
        now);
  }

  /** An employee and a leader with something open between them. */
  record Pair(UUID employee, UUID leader) {

    /**
     * Whether the change touched the two: either of them, or anyone above the employee given
     * another manager or division (a level is the person's own).
     */
    boolean touchedBy(PeopleReassigned change, ReportingLines lines) {
      return change.people().contains(leader)
          || change.levelChanged().contains(leader)
          || change.levelChanged().contains(employee)
          || lines.atOrBelow(employee, change.people());
    }
  }

  /**
   * The pairs the program refuses now: the employee as the reporting lines place them, the leader
   * as accepting and countering read them (all of them read at once).
   */
  private Set<Pair> refused(Set<Pair> pairs, ReportingLines lines) {
    Eligibility policy = program.rules().eligibility();
    Map<UUID, Eligibility.LeaderFacts> leaders =
        directory.askedToPair(pairs.stream().map(Pair::leader).distinct().toList());
    Set<Pair> refused = new HashSet<>();
    for (Pair pair : pairs) {
      Eligibility.LeaderFacts leader = leaders.get(pair.leader());
      if (leader != null
          && lines
              .pairOnly(pair.employee())
              .filter(employee -> !policy.pair(employee, leader).eligible())
              .isPresent()) {
        refused.add(pair);
      }
    }
    return refused;
  }

  private void tellBoth(InterviewRequest request) {
    Map<UUID, Person> people = directory.people(List.of(request.requesterId(), request.leaderId()));
    String leader = people.get(request.leaderId()).displayName();
    String requester = people.get(request.requesterId()).displayName();
    notifications.tell(
        request.requesterId(),
        "request-closed",
        "Your request to " + leader + " was closed",
        "Your request to " + leader + " was closed. " + REASON + "\n");
    notifications.tell(
        request.leaderId(),
        "request-closed",
        "The request from " + requester + " was closed",
        "The request from " + requester + " was closed. " + REASON + "\n");
  }
}
