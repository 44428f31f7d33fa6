package io.crossroads.requests;

import static io.crossroads.platform.problem.RefusalAssertions.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossroads.interviews.Interview;
import io.crossroads.interviews.InterviewStatus;
import io.crossroads.people.MeetingFormat;
import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Refusal;
import io.crossroads.program.Eligibility;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InterviewRequestTest {

  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  static final Instant MONDAY = Instant.parse("2026-03-09T14:00:00Z");
  static final Instant TUESDAY = Instant.parse("2026-03-10T14:00:00Z");
  static final Instant WEDNESDAY = Instant.parse("2026-03-11T09:30:00Z");

  final UUID employee = UUID.randomUUID();
  final UUID leader = UUID.randomUUID();
  final UUID stranger = UUID.randomUUID();

  InterviewRequest propose(List<Instant> slots) {
    return InterviewRequest.propose(
        Eligibility.DEFAULT,
        Pairs.employee(employee),
        Pairs.leader(leader),
        20,
        MeetingFormat.VIDEO,
        new RequestMessage(
            "I am Ava from Finance.",
            "How platform teams plan their roadmap",
            "Your talk on internal platforms"),
        null,
        slots,
        NOW);
  }

  InterviewRequest pending() {
    return propose(List.of(WEDNESDAY, MONDAY, TUESDAY));
  }

  @Test
  void aNewRequestIsPendingWithItsSlotsInOrderAndASentEvent() {
    InterviewRequest request = pending();

    assertThat(request.status()).isEqualTo(RequestStatus.PENDING);
    assertThat(request.slots()).containsExactly(MONDAY, TUESDAY, WEDNESDAY);
    assertThat(request.history())
        .extracting(RequestEvent::type)
        .containsExactly(RequestEvent.Type.SENT);
    assertThat(request.partyOf(employee)).isEqualTo(Party.REQUESTER);
    assertThat(request.partyOf(leader)).isEqualTo(Party.LEADER);
    assertThat(request.partyOf(stranger)).isEqualTo(Party.NONE);
  }

  @Test
  void aRequestNeedsAtLeastTwoSlots() {
    assertThatThrownBy(() -> propose(List.of(MONDAY)))
        .isInstanceOfSatisfying(
            Refusal.class,
            refusal -> {
              assertThat(refusal.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
              assertThat(refusal.problem().errors())
                  .extracting("field")
                  .containsExactly("proposedSlots");
            });
  }

  @Test
  void aRequestOffersAtMostFiveSlots() {
    List<Instant> six =
        List.of(
            MONDAY,
            TUESDAY,
            WEDNESDAY,
            MONDAY.plus(Duration.ofDays(7)),
            TUESDAY.plus(Duration.ofDays(7)),
            WEDNESDAY.plus(Duration.ofDays(7)));
    refused(() -> propose(six), ProblemType.VALIDATION_FAILED);
  }

  @Test
  void theSameSlotCannotBeProposedTwice() {
    refused(() -> propose(List.of(MONDAY, MONDAY)), ProblemType.VALIDATION_FAILED);
  }

  @Test
  void aSlotInThePastIsRefusedNamingWhichOne() {
    assertThatThrownBy(() -> propose(List.of(MONDAY, NOW.minusSeconds(60))))
        .isInstanceOfSatisfying(
            Refusal.class,
            refusal ->
                assertThat(refusal.problem().errors())
                    .extracting("field")
                    .containsExactly("proposedSlots[1]"));
  }

  @Test
  void nobodyCanRequestAnInterviewWithThemselves() {
    refused(
        () ->
            InterviewRequest.propose(
                Eligibility.DEFAULT,
                Pairs.employee(employee),
                new Eligibility.LeaderFacts(employee, "Ava", Pairs.FINANCE, 4, true, 4),
                20,
                MeetingFormat.VIDEO,
                new RequestMessage("a", "b", "c"),
                null,
                List.of(MONDAY, TUESDAY),
                NOW),
        ProblemType.SELF_REQUEST);
  }

  @Test
  void aRequestIsMadeOnlyToALeaderThePolicyAllowsAndNamesTheReasonOtherwise() {
    Eligibility.EmployeeFacts managedByLeo =
        new Eligibility.EmployeeFacts(
            employee, Pairs.FINANCE, 4, Set.of(leader), Set.of(), Set.of());
    Eligibility.LeaderFacts atCap =
        new Eligibility.LeaderFacts(leader, "Leo Martins", Pairs.ENGINEERING, 6, true, 0);
    Eligibility.LeaderFacts farAbove =
        new Eligibility.LeaderFacts(leader, "Leo Martins", Pairs.ENGINEERING, 8, true, 4);

    refused(() -> propose(managedByLeo, Pairs.leader(leader)), ProblemType.OWN_MANAGEMENT_CHAIN);
    refused(() -> propose(Pairs.employee(employee), atCap), ProblemType.CAP_REACHED);
    refused(() -> propose(Pairs.employee(employee), farAbove), ProblemType.ABOVE_LEVEL_BAND);
  }

  InterviewRequest propose(Eligibility.Employee who, Eligibility.Leader whom) {
    return InterviewRequest.propose(
        Eligibility.DEFAULT,
        who,
        whom,
        20,
        MeetingFormat.VIDEO,
        new RequestMessage("a", "b", "c"),
        null,
        List.of(MONDAY, TUESDAY),
        NOW);
  }

  @Test
  void aMessageNeedsEveryPart() {
    refused(() -> new RequestMessage("I am Ava", " ", "Your talk"), ProblemType.VALIDATION_FAILED);
  }

  @Test
  void theLeaderAcceptsAProposedSlotAndAnInterviewIsScheduledForItsLength() {
    InterviewRequest request = pending();

    Interview interview = request.accept(leader, TUESDAY, Duration.ZERO, Duration.ZERO, NOW);

    assertThat(request.status()).isEqualTo(RequestStatus.ACCEPTED);
    assertThat(request.answeredAt()).isEqualTo(NOW);
    assertThat(interview.status()).isEqualTo(InterviewStatus.SCHEDULED);
    assertThat(interview.start()).isEqualTo(TUESDAY);
    assertThat(interview.end()).isEqualTo(TUESDAY.plus(Duration.ofMinutes(20)));
    assertThat(interview.employeeId()).isEqualTo(employee);
    assertThat(interview.leaderId()).isEqualTo(leader);
    assertThat(interview.requestId()).isEqualTo(request.id());
    assertThat(interview.sequence()).isZero();
    assertThat(request.history())
        .extracting(RequestEvent::type)
        .containsExactly(RequestEvent.Type.SENT, RequestEvent.Type.ACCEPTED);
  }

  @Test
  void theEmployeeCannotAcceptTheirOwnPendingRequest() {
    refused(
        () -> pending().accept(employee, MONDAY, Duration.ZERO, Duration.ZERO, NOW),
        ProblemType.FORBIDDEN);
  }

  @Test
  void aStrangerCannotAccept() {
    refused(
        () -> pending().accept(stranger, MONDAY, Duration.ZERO, Duration.ZERO, NOW),
        ProblemType.FORBIDDEN);
  }

  @Test
  void onlyAProposedSlotCanBeAccepted() {
    refused(
        () -> pending().accept(leader, MONDAY.plusSeconds(900), Duration.ZERO, Duration.ZERO, NOW),
        ProblemType.SLOT_NOT_PROPOSED);
  }

  @Test
  void aSlotThatHasStartedCannotBeAccepted() {
    InterviewRequest request = pending();
    refused(
        () -> request.accept(leader, MONDAY, Duration.ZERO, Duration.ZERO, MONDAY),
        ProblemType.SLOT_IN_PAST);
    assertThat(request.status()).isEqualTo(RequestStatus.PENDING);
  }

  @Test
  void anAcceptedRequestCannotBeAcceptedAgain() {
    InterviewRequest request = pending();
    request.accept(leader, MONDAY, Duration.ZERO, Duration.ZERO, NOW);

    refused(
        () -> request.accept(leader, TUESDAY, Duration.ZERO, Duration.ZERO, NOW),
        ProblemType.REQUEST_CLOSED);
  }

  @Test
  void theLeaderDeclinesWithAReasonTheEmployeeCanRead() {
    InterviewRequest request = pending();

    request.decline(leader, "  Travelling all month  ", NOW);

    assertThat(request.status()).isEqualTo(RequestStatus.DECLINED);
    assertThat(request.history().get(1).note()).isEqualTo("Travelling all month");
    assertThat(request.history().get(1).actorId()).isEqualTo(leader);
  }

  @Test
  void theEmployeeCannotDeclineTheirOwnRequest() {
    refused(() -> pending().decline(employee, null, NOW), ProblemType.FORBIDDEN);
  }

  @Test
  void aDeclinedRequestCannotBeAccepted() {
    InterviewRequest request = pending();
    request.decline(leader, null, NOW);

    refused(
        () -> request.accept(leader, MONDAY, Duration.ZERO, Duration.ZERO, NOW),
        ProblemType.REQUEST_CLOSED);
  }

  @Test
  void anOpenRequestTheProgramNoLongerAllowsClosesWithTheProgramsReasonAndNobodyAsActor() {
    InterviewRequest pending = pending();
    InterviewRequest countered = pending();
    countered.counter(
        leader,
        List.of(TUESDAY),
        null,
        Eligibility.DEFAULT,
        Pairs.employee(employee),
        Pairs.leader(leader),
        NOW);

    for (InterviewRequest request : List.of(pending, countered)) {
      request.closeNoLongerAllowed("No longer allowed.", NOW);

      assertThat(request.status()).isEqualTo(RequestStatus.WITHDRAWN);
      RequestEvent closed = request.history().get(request.history().size() - 1);
      assertThat(closed.type()).isEqualTo(RequestEvent.Type.WITHDRAWN);
      assertThat(closed.actorId()).isNull();
      assertThat(closed.note()).isEqualTo("No longer allowed.");
      refused(
          () -> request.accept(leader, TUESDAY, Duration.ZERO, Duration.ZERO, NOW),
          ProblemType.REQUEST_CLOSED);
    }
  }

  @Test
  void aRequestThatIsNoLongerOpenIsNotClosedAgain() {
    InterviewRequest request = pending();
    request.decline(leader, "Too busy", NOW);

    refused(
        () -> request.closeNoLongerAllowed("No longer allowed.", NOW), ProblemType.REQUEST_CLOSED);
    assertThat(request.status()).isEqualTo(RequestStatus.DECLINED);
  }

  @Test
  void theEmployeeWithdrawsAnOpenRequest() {
    InterviewRequest request = pending();

    request.withdraw(employee, "Found the answer elsewhere", NOW);

    assertThat(request.status()).isEqualTo(RequestStatus.WITHDRAWN);
    assertThat(request.answeredAt()).isNull();
  }

  @Test
  void theLeaderCannotWithdrawSomeoneElsesRequest() {
    refused(() -> pending().withdraw(leader, null, NOW), ProblemType.FORBIDDEN);
  }

  @Test
  void anAcceptedRequestCannotBeWithdrawn() {
    InterviewRequest request = pending();
    request.accept(leader, MONDAY, Duration.ZERO, Duration.ZERO, NOW);

    refused(() -> request.withdraw(employee, null, NOW), ProblemType.REQUEST_CLOSED);
  }
}
