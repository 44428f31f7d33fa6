package io.crossroads.interviews;

import static io.crossroads.platform.problem.RefusalAssertions.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.crossroads.people.MeetingFormat;
import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InterviewTest {

  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  static final Instant START = Instant.parse("2026-03-10T14:00:00Z");

  final UUID employee = UUID.randomUUID();
  final UUID leader = UUID.randomUUID();

  Interview scheduled() {
    return Interview.schedule(
        UUID.randomUUID(),
        employee,
        leader,
        START,
        20,
        MeetingFormat.VIDEO,
        Duration.ofMinutes(10),
        Duration.ofMinutes(5),
        NOW);
  }

  @Test
  void anInterviewBlocksItsBuffersOnTheLeadersCalendar() {
    Interview interview = scheduled();

    assertThat(interview.end()).isEqualTo(START.plus(Duration.ofMinutes(20)));
    assertThat(interview.blockStart()).isEqualTo(START.minus(Duration.ofMinutes(10)));
    assertThat(interview.blockEnd()).isEqualTo(START.plus(Duration.ofMinutes(25)));
  }

  @Test
  void eitherPartyReschedulesAndTheSequenceRises() {
    Interview interview = scheduled();
    Instant later = START.plus(Duration.ofDays(1));

    interview.reschedule(employee, later, null, Duration.ZERO, Duration.ZERO, NOW);
    interview.reschedule(
        leader, later.plus(Duration.ofHours(1)), null, Duration.ZERO, Duration.ZERO, NOW);

    assertThat(interview.start()).isEqualTo(later.plus(Duration.ofHours(1)));
    assertThat(interview.blockEnd()).isEqualTo(interview.end());
    assertThat(interview.sequence()).isEqualTo(2);
  }

  @Test
  void aStrangerCannotTouchAnInterview() {
    UUID stranger = UUID.randomUUID();
    refused(
        () ->
            scheduled()
                .reschedule(
                    stranger, START.plusSeconds(3600), null, Duration.ZERO, Duration.ZERO, NOW),
        ProblemType.FORBIDDEN);
    refused(() -> scheduled().cancel(stranger, null, NOW), ProblemType.FORBIDDEN);
  }

  @Test
  void rescheduleNeedsAFutureTimeOtherThanTheCurrentOne() {
    refused(
        () ->
            scheduled()
                .reschedule(employee, NOW.minusSeconds(1), null, Duration.ZERO, Duration.ZERO, NOW),
        ProblemType.VALIDATION_FAILED);
    refused(
        () -> scheduled().reschedule(employee, START, null, Duration.ZERO, Duration.ZERO, NOW),
        ProblemType.VALIDATION_FAILED);
  }

  @Test
  void aCancelledInterviewKeepsItsReasonRaisesTheSequenceAndCannotChangeAgain() {
    Interview interview = scheduled();

    interview.cancel(leader, " Ill today ", NOW);

    assertThat(interview.status()).isEqualTo(InterviewStatus.CANCELLED);
    assertThat(interview.cancelReason()).isEqualTo("Ill today");
    assertThat(interview.sequence()).isEqualTo(1);
    refused(() -> interview.cancel(employee, null, NOW), ProblemType.INTERVIEW_CLOSED);
    refused(
        () ->
            interview.reschedule(
                employee, START.plusSeconds(3600), null, Duration.ZERO, Duration.ZERO, NOW),
        ProblemType.INTERVIEW_CLOSED);
  }

  @Test
  void theProgramCallsOffAnInterviewItNoLongerAllowsWithItsReasonAndNobodyAsActor() {
    Interview interview = scheduled();

    interview.cancelNoLongerAllowed("No longer allowed.", NOW);

    assertThat(interview.status()).isEqualTo(InterviewStatus.CANCELLED);
    assertThat(interview.cancelReason()).isEqualTo("No longer allowed.");
    assertThat(interview.meeting().cancelled()).isTrue();
    assertThat(interview.meeting().sequence()).isEqualTo(1);
    assertThat(interview.history())
        .extracting(InterviewEvent::type, InterviewEvent::actorId, InterviewEvent::note)
        .containsExactly(tuple(InterviewEvent.Type.CANCELLED, null, "No longer allowed."));
    refused(() -> interview.cancelNoLongerAllowed("Again", NOW), ProblemType.INTERVIEW_CLOSED);
    refused(
        () ->
            interview.reschedule(
                leader, START.plusSeconds(3600), null, Duration.ZERO, Duration.ZERO, NOW),
        ProblemType.INTERVIEW_CLOSED);
  }

  @Test
  void anInterviewWithSomeoneWhoLeftIsCalledOffWithNobodyAsActorAndCannotBeHeldOrMoved() {
    Interview employeeLeft = scheduled();
    Interview leaderLeft = scheduled();

    employeeLeft.cancelForLeaver(employee, NOW);
    leaderLeft.cancelForLeaver(leader, NOW);

    assertThat(employeeLeft.cancelReason()).isEqualTo("The employee has left the company.");
    assertThat(leaderLeft.cancelReason()).isEqualTo("The leader has left the company.");
    for (Interview interview : new Interview[] {employeeLeft, leaderLeft}) {
      assertThat(interview.status()).isEqualTo(InterviewStatus.CANCELLED);
      assertThat(interview.meeting().cancelled()).isTrue();
      assertThat(interview.meeting().sequence()).isEqualTo(1);
      assertThat(interview.history())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.type()).isEqualTo(InterviewEvent.Type.CANCELLED);
                assertThat(e.actorId()).isNull();
              });
      refused(
          () -> interview.recordOutcome(leader, true, START.plusSeconds(60)),
          ProblemType.INTERVIEW_CLOSED);
      refused(
          () ->
              interview.reschedule(
                  employee, START.plusSeconds(3600), null, Duration.ZERO, Duration.ZERO, NOW),
          ProblemType.INTERVIEW_CLOSED);
      refused(() -> interview.cancelForLeaver(employee, NOW), ProblemType.INTERVIEW_CLOSED);
    }
  }

  @Test
  void onlyAPartyOfTheInterviewLeavesIt() {
    Interview interview = scheduled();

    assertThatThrownBy(() -> interview.cancelForLeaver(UUID.randomUUID(), NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(interview.status()).isEqualTo(InterviewStatus.SCHEDULED);
  }

  @Test
  void theOutcomeIsRecordedOnlyOnceTheInterviewHasStarted() {
    Interview interview = scheduled();
    refused(
        () -> interview.recordOutcome(employee, true, START.minusSeconds(60)),
        ProblemType.NOT_YET_HELD);

    interview.recordOutcome(employee, false, START.plusSeconds(600));

    assertThat(interview.status()).isEqualTo(InterviewStatus.NO_SHOW);
    refused(
        () -> interview.recordOutcome(leader, true, START.plusSeconds(900)),
        ProblemType.INTERVIEW_CLOSED);
  }

  @Test
  void aMoveKeepsItsReasonInTheHistoryAndTheMeetingFollows() {
    Interview interview = scheduled();

    interview.reschedule(
        employee,
        START.plus(Duration.ofDays(1)),
        " Clash with a workshop ",
        Duration.ZERO,
        Duration.ZERO,
        NOW);
    interview.cancel(leader, "Ill", NOW.plusSeconds(60));

    assertThat(interview.history())
        .extracting(InterviewEvent::type, InterviewEvent::actorId, InterviewEvent::note)
        .containsExactly(
            tuple(InterviewEvent.Type.RESCHEDULED, employee, "Clash with a workshop"),
            tuple(InterviewEvent.Type.CANCELLED, leader, "Ill"));
    assertThat(interview.meeting().sequence()).isEqualTo(2);
    assertThat(interview.meeting().start()).isEqualTo(START.plus(Duration.ofDays(1)));
    assertThat(interview.meeting().cancelled()).isTrue();
  }

  @Test
  void anInterviewMovesAtMostThreeTimesInAnyTwentyFourHoursAndIsToldWhenItMayMoveAgain() {
    Interview interview = scheduled();
    for (int hour = 0; hour < 3; hour++) {
      Instant at = NOW.plus(Duration.ofHours(hour));
      interview.requireMoveAllowed(3, at);
      interview.reschedule(
          hour % 2 == 0 ? employee : leader,
          START.plus(Duration.ofHours(hour + 1)),
          null,
          Duration.ZERO,
          Duration.ZERO,
          at);
    }
    Instant fourth = NOW.plus(Duration.ofHours(5));

    assertThatThrownBy(() -> interview.requireMoveAllowed(3, fourth))
        .isInstanceOfSatisfying(
            Refusal.class,
            refusal -> {
              assertThat(refusal.type()).isEqualTo(ProblemType.RATE_LIMITED);
              // The first of the three moves leaves the 24 hours at NOW + 24 h.
              assertThat(refusal.retryAfter()).contains(Duration.ofHours(19));
            });
    interview.requireMoveAllowed(3, NOW.plus(Duration.ofHours(24)).plusSeconds(1));
  }
}
