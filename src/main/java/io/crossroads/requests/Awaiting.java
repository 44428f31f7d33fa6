package io.crossroads.requests;

import io.crossroads.people.Directory;
import io.crossroads.people.PeopleViews.PersonRef;
import io.crossroads.people.Person;
import io.crossroads.program.FollowUpPolicy;
import io.crossroads.program.Program;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an employee's open requests wait on them for: new times a leader proposed, to accept one of,
 * and requests the leader has not answered for long enough that a follow-up may go (DESIGN rule 5).
 * The employee's home asks here; the rules are the request's own.
 */
@ApplicationScoped
public class Awaiting {

  /** A leader proposed other times; the request expires unanswered at {@code answerBy}. */
  public record CounterProposal(
      UUID requestId, PersonRef leader, List<Instant> proposedSlots, Instant answerBy) {}

  /**
   * The leader has not answered since {@code lastAttemptAt}: the employee may follow up now, with
   * {@code followUpsLeft} left, until the request expires at {@code expiresAt}.
   */
  public record FollowUpDue(
      UUID requestId,
      PersonRef leader,
      Instant lastAttemptAt,
      int followUpsLeft,
      Instant expiresAt) {}

  public record Turns(List<CounterProposal> counterProposals, List<FollowUpDue> followUpsDue) {}

  @Inject Requests requests;
  @Inject Directory directory;
  @Inject Program program;

  /** The employee's turns at {@code now}, each the longest waiting first. */
  @Transactional
  public Turns of(Person employee, Instant now) {
    FollowUpPolicy policy = program.rules().followUpPolicy();
    ZoneId zone = employee.timeZone();
    List<InterviewRequest> open = requests.openSentBy(employee.id());
    Map<UUID, Person> leaders =
        directory.people(open.stream().map(InterviewRequest::leaderId).distinct().toList());
    List<CounterProposal> counters =
        open.stream()
            .filter(r -> r.status() == RequestStatus.COUNTER_PROPOSED)
            .map(
                r ->
                    new CounterProposal(
                        r.id(),
                        PersonRef.of(leaders.get(r.leaderId())),
                        r.slots(),
                        r.expiresAt(policy, zone)))
            .toList();
    List<FollowUpDue> followUps =
        open.stream()
            .filter(r -> r.followUpDue(policy, zone, now))
            .map(
                r ->
                    new FollowUpDue(
                        r.id(),
                        PersonRef.of(leaders.get(r.leaderId())),
                        r.lastAttemptAt(),
                        policy.maxFollowUps() - r.followUps(),
                        r.expiresAt(policy, zone)))
            .toList();
    return new Turns(counters, followUps);
  }
}
