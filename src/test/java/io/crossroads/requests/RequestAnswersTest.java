package io.crossroads.requests;

import static io.crossroads.platform.problem.RefusalAssertions.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crossroads.interviews.Interview;
import io.crossroads.people.MeetingFormat;
import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Refusal;
import io.crossroads.program.BusinessDays;
import io.crossroads.program.Eligibility;
import io.crossroads.program.FollowUpPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Counter-proposals, follow-ups, expiry and redirects. */
class RequestAnswersTest {

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final FollowUpPolicy POLICY = FollowUpPolicy.DEFAULT;

  /** A Monday morning in New York. */
  static final Instant SENT = Instant.parse("2026-03-02T14:00:00Z");

  static final Instant LATER = Instant.parse("2026-03-20T15:00:00Z");
  static final Instant LATEST = Instant.parse("2026-03-21T15:00:00Z");

  final UUID employee = UUID.randomUUID();
  final UUID leader = UUID.randomUUID();
  final UUID colleague = UUID.randomUUID();

  InterviewRequest pending() {
    return InterviewRequest.propose(
        Eligibility.DEFAULT,
        Pairs.employee(employee),
        Pairs.leader(leader),
        30,
        MeetingFormat.PHONE,
        new RequestMessage("I am Ava", "How you plan a roadmap", "Your talk"),
        null,
        List.of(Instant.parse("2026-03-16T15:00:00Z"), Instant.parse("2026-03-17T15:00:00Z")),
        SENT);
  }

  /** The two of {@code request} counter-proposing as {@code by}, the pair still allowed. */
  void counter(InterviewRequest request, UUID by, List<Instant> slots, String note, Instant at) {
    request.counter(
        by, slots, note, Eligibility.DEFAULT, Pairs.employee(employee), Pairs.leader(leader), at);
  }

  InterviewRequest redirect(InterviewRequest request, UUID by, UUID to, List<Instant> open) {
    return request.redirect(
        by,
        Eligibility.DEFAULT,
        Pairs.employee(employee),
        new Eligibility.LeaderFacts(to, "Mia Chen", UUID.randomUUID(), 6, true, 4),
        open,
        "Talk to Mia",
        SENT);
  }

  @Test
  void theLeaderCountersAndTheEmployeeAcceptsOneOfTheNewTimes() {
    InterviewRequest request = pending();

    counter(request, leader, List.of(LATEST, LATER), "Those days I travel", SENT.plusSeconds(3600));
    Interview interview =
        request.accept(employee, LATER, Duration.ZERO, Duration.ZERO, SENT.plusSeconds(7200));

    assertThat(request.status()).isEqualTo(RequestStatus.ACCEPTED);
    assertThat(interview.start()).isEqualTo(LATER);
    assertThat(request.history())
        .extracting(RequestEvent::type)
        .containsExactly(
            RequestEvent.Type.SENT, RequestEvent.Type.COUNTERED, RequestEvent.Type.ACCEPTED);
  }

  @Test
  void afterACounterItIsTheEmployeesTurnNotTheLeaders() {
    InterviewRequest request = pending();
    counter(request, leader, List.of(LATER), null, SENT);

    refused(
        () -> request.accept(leader, LATER, Duration.ZERO, Duration.ZERO, SENT),
        ProblemType.FORBIDDEN);
    refused(() -> counter(request, leader, List.of(LATEST), null, SENT), ProblemType.NOT_YOUR_TURN);
    refused(
        () -> request.accept(employee, LATEST, Duration.ZERO, Duration.ZERO, SENT),
        ProblemType.SLOT_NOT_PROPOSED);
  }

  @Test
  void onlyTheLeaderCounters() {
    refused(() -> counter(pending(), employee, List.of(LATER), null, SENT), ProblemType.FORBIDDEN);
  }

  @Test
  void aCounterNeedsFutureTimes() {
    refused(
        () -> counter(pending(), leader, List.of(SENT.minusSeconds(60)), null, SENT),
        ProblemType.VALIDATION_FAILED);
    refused(() -> counter(pending(), leader, List.of(), null, SENT), ProblemType.VALIDATION_FAILED);
  }

  @Test
  void aFollowUpWaitsFiveBusinessDaysInTheEmployeesZone() {
    InterviewRequest request = pending();
    // Sent Monday 09:00 New York: five business days later is the next Monday 09:00.
    Instant friday = Instant.parse("2026-03-06T22:00:00Z");
    Instant nextMonday = Instant.parse("2026-03-09T13:00:00Z"); // 09:00 EDT after the clocks change

    refused(
        () -> request.followUp(employee, "Hello again", POLICY, NEW_YORK, friday),
        ProblemType.FOLLOW_UP_TOO_SOON);
    request.followUp(employee, "Hello again", POLICY, NEW_YORK, nextMonday);

    assertThat(request.followUps()).isEqualTo(1);
    assertThat(request.lastAttemptAt()).isEqualTo(nextMonday);
  }

  @Test
  void aFollowUpIsDueExactlyWhenItWouldBeAcceptedAndNoLongerOnceNoneIsLeft() {
    InterviewRequest request = pending();
    Instant allowed = Instant.parse("2026-03-09T13:00:00Z");
    assertThat(request.nextFollowUpFrom(POLICY, NEW_YORK)).contains(allowed);
    assertThat(request.followUpDue(POLICY, NEW_YORK, allowed.minusSeconds(1))).isFalse();
    assertThat(request.followUpDue(POLICY, NEW_YORK, allowed)).isTrue();

    request.followUp(employee, "One", POLICY, NEW_YORK, allowed);
    assertThat(request.followUpDue(POLICY, NEW_YORK, allowed.plus(Duration.ofDays(1)))).isFalse();
    Instant second = BusinessDays.WEEKDAYS.add(allowed, 5, NEW_YORK);
    assertThat(request.followUpDue(POLICY, NEW_YORK, second)).isTrue();
    request.followUp(employee, "Two", POLICY, NEW_YORK, second);

    assertThat(request.nextFollowUpFrom(POLICY, NEW_YORK)).isEmpty();
    assertThat(request.followUpDue(POLICY, NEW_YORK, LATEST.plus(Duration.ofDays(30)))).isFalse();
  }

  @Test
  void noFollowUpIsDueOnceTheLeaderHasAnswered() {
    InterviewRequest request = pending();
    counter(request, leader, List.of(LATER), null, SENT);
    assertThat(request.nextFollowUpFrom(POLICY, NEW_YORK)).isEmpty();
    assertThat(request.followUpDue(POLICY, NEW_YORK, LATEST)).isFalse();
  }

  @Test
  void twoFollowUpsAreTheMostAndThenTheRequestExpires() {
    InterviewRequest request = pending();
    Instant first = BusinessDays.WEEKDAYS.add(SENT, 5, NEW_YORK);
    request.followUp(employee, "One", POLICY, NEW_YORK, first);
    Instant second = BusinessDays.WEEKDAYS.add(first, 5, NEW_YORK);
    request.followUp(employee, "Two", POLICY, NEW_YORK, second);
    Instant third = BusinessDays.WEEKDAYS.add(second, 5, NEW_YORK);

    refused(
        () -> request.followUp(employee, "Three", POLICY, NEW_YORK, third),
        ProblemType.FOLLOW_UP_LIMIT);
    assertThat(request.isDue(POLICY, NEW_YORK, third.minusSeconds(1))).isFalse();
    assertThat(request.isDue(POLICY, NEW_YORK, third)).isTrue();

    request.expire(POLICY, NEW_YORK, third);
    assertThat(request.status()).isEqualTo(RequestStatus.EXPIRED);
  }

  @Test
  void aRequestThatIsNotDueCannotExpire() {
    InterviewRequest request = pending();
    refused(
        () -> request.expire(POLICY, NEW_YORK, SENT.plus(Duration.ofDays(3))),
        ProblemType.CONFLICT);
    request.accept(
        leader, Instant.parse("2026-03-16T15:00:00Z"), Duration.ZERO, Duration.ZERO, SENT);
    assertThat(request.isDue(POLICY, NEW_YORK, SENT.plus(Duration.ofDays(30)))).isFalse();
  }

  @Test
  void onlyTheEmployeeFollowsUpAndOnlyWhileTheLeaderIsToAnswer() {
    InterviewRequest request = pending();
    Instant due = BusinessDays.WEEKDAYS.add(SENT, 5, NEW_YORK);
    refused(() -> request.followUp(leader, "?", POLICY, NEW_YORK, due), ProblemType.FORBIDDEN);
    counter(request, leader, List.of(LATER), null, SENT);
    refused(
        () -> request.followUp(employee, "?", POLICY, NEW_YORK, LATER), ProblemType.NOT_YOUR_TURN);
  }

  @Test
  void aRedirectedRequestDoesNotCiteTheReferralThatNamedTheFirstLeader() {
    UUID referral = UUID.randomUUID();
    InterviewRequest citing =
        InterviewRequest.propose(
            Eligibility.DEFAULT,
            Pairs.employee(employee),
            Pairs.leader(leader),
            30,
            MeetingFormat.PHONE,
            new RequestMessage("I am Ava", "How you plan a roadmap", "Rui suggested you"),
            referral,
            List.of(Instant.parse("2026-03-16T15:00:00Z"), Instant.parse("2026-03-17T15:00:00Z")),
            SENT);

    InterviewRequest forwarded = redirect(citing, leader, colleague, List.of());

    assertThat(citing.referralId()).isEqualTo(referral);
    assertThat(forwarded.referralId()).isNull();
    assertThat(forwarded.referredBy()).isEqualTo(leader);
    assertThat(forwarded.message()).isEqualTo(citing.message());
  }

  @Test
  void aRedirectClosesTheRequestAndForwardsTheMessageWithTheReferral() {
    InterviewRequest request = pending();
    Instant stillOpen = Instant.parse("2026-03-17T15:00:00Z");

    InterviewRequest forwarded = redirect(request, leader, colleague, List.of(stillOpen));

    assertThat(request.status()).isEqualTo(RequestStatus.REDIRECTED);
    assertThat(forwarded.status()).isEqualTo(RequestStatus.PENDING);
    assertThat(forwarded.leaderId()).isEqualTo(colleague);
    assertThat(forwarded.requesterId()).isEqualTo(employee);
    assertThat(forwarded.message()).isEqualTo(request.message());
    assertThat(forwarded.slots()).containsExactly(stillOpen);
    assertThat(forwarded.redirectedFrom()).isEqualTo(request.id());
    assertThat(forwarded.referredBy()).isEqualTo(leader);
    assertThat(forwarded.history().get(0).note()).contains("Talk to Mia");
  }

  @Test
  void aRedirectGoesToSomeoneElseAndOnlyFromTheLeader() {
    refused(() -> redirect(pending(), leader, leader, List.of()), ProblemType.REDIRECT_INVALID);
    refused(() -> redirect(pending(), leader, employee, List.of()), ProblemType.REDIRECT_INVALID);
    refused(() -> redirect(pending(), employee, colleague, List.of()), ProblemType.FORBIDDEN);
  }

  @Test
  void aRedirectToSomeoneTheEmployeeMayNotAskIsRefusedAndChangesNothing() {
    InterviewRequest request = pending();
    Eligibility.EmployeeFacts managedByMia =
        new Eligibility.EmployeeFacts(
            employee, Pairs.FINANCE, 4, Set.of(colleague), Set.of(), Set.of());
    Eligibility.LeaderFacts mia =
        new Eligibility.LeaderFacts(colleague, "Mia Chen", Pairs.ENGINEERING, 6, true, 4);

    refused(
        () ->
            request.redirect(
                leader, Eligibility.DEFAULT, managedByMia, mia, List.of(), "Talk to Mia", SENT),
        ProblemType.REDIRECT_INVALID);

    assertThat(request.status()).isEqualTo(RequestStatus.PENDING);
    assertThat(request.history()).hasSize(1);
  }

  @Test
  void aRedirectRefusedForAnyReasonTellsTheLeaderNoneOfTheEmployeesAffairs() {
    Eligibility.LeaderFacts mia =
        new Eligibility.LeaderFacts(colleague, "Mia Chen", Pairs.ENGINEERING, 6, true, 4);
    // Met lately, asked already, in the employee's chain: one answer for each.
    for (Eligibility.EmployeeFacts facts :
        List.of(
            new Eligibility.EmployeeFacts(
                employee, Pairs.FINANCE, 4, Set.of(), Set.of(colleague), Set.of()),
            new Eligibility.EmployeeFacts(
                employee, Pairs.FINANCE, 4, Set.of(), Set.of(), Set.of(colleague)),
            new Eligibility.EmployeeFacts(
                employee, Pairs.FINANCE, 4, Set.of(colleague), Set.of(), Set.of()))) {
      InterviewRequest request = pending();
      Refusal refusal =
          catchThrowableOfType(
              () ->
                  request.redirect(
                      leader, Eligibility.DEFAULT, facts, mia, List.of(), "Talk to Mia", SENT),
              Refusal.class);

      assertThat(refusal.type()).isEqualTo(ProblemType.REDIRECT_INVALID);
      assertThat(refusal.getMessage())
          .isEqualTo("Mia Chen cannot take this request; suggest another colleague.");
      assertThat(request.status()).isEqualTo(RequestStatus.PENDING);
    }
  }

  @Test
  void aColleagueIsOfferedForARedirectExactlyWhenTheRedirectWouldAcceptThem() {
    Eligibility.EmployeeFacts managedByMia =
        new Eligibility.EmployeeFacts(
            employee, Pairs.FINANCE, 4, Set.of(colleague), Set.of(), Set.of());
    UUID other = UUID.randomUUID();
    List<Eligibility.LeaderFacts> candidates =
        List.of(
            new Eligibility.LeaderFacts(colleague, "Mia Chen", Pairs.ENGINEERING, 6, true, 4),
            new Eligibility.LeaderFacts(leader, "Leo Martins", Pairs.ENGINEERING, 6, true, 4),
            new Eligibility.LeaderFacts(other, "Sam Ito", Pairs.FINANCE, 6, true, 4),
            new Eligibility.LeaderFacts(other, "Sam Ito", Pairs.ENGINEERING, 9, true, 4),
            new Eligibility.LeaderFacts(other, "Sam Ito", Pairs.ENGINEERING, 6, false, 4),
            new Eligibility.LeaderFacts(other, "Sam Ito", Pairs.ENGINEERING, 6, true, 0),
            new Eligibility.LeaderFacts(other, "Sam Ito", Pairs.ENGINEERING, 6, true, 1));

    List<Boolean> offered =
        candidates.stream()
            .map(c -> pending().redirectableTo(Eligibility.DEFAULT, managedByMia, c))
            .toList();

    assertThat(offered).containsExactly(false, false, false, false, false, false, true);
    for (int i = 0; i < candidates.size(); i++) {
      Eligibility.LeaderFacts candidate = candidates.get(i);
      InterviewRequest request = pending();
      boolean accepted;
      try {
        request.redirect(
            leader, Eligibility.DEFAULT, managedByMia, candidate, List.of(), "Ask them", SENT);
        accepted = true;
      } catch (io.crossroads.platform.problem.Refusal refusal) {
        accepted = false;
      }
      assertThat(accepted).as(candidate.toString()).isEqualTo(offered.get(i));
    }
  }

  @Test
  void onlyTheLeaderOfAnOpenRequestMayLookForColleaguesToRedirectItTo() {
    pending().requireRedirectableBy(leader);
    refused(() -> pending().requireRedirectableBy(employee), ProblemType.FORBIDDEN);
    InterviewRequest declined = pending();
    declined.decline(leader, "Busy", SENT);
    refused(() -> declined.requireRedirectableBy(leader), ProblemType.REQUEST_CLOSED);
  }

  @Test
  void businessDaysSkipWeekendsInTheGivenZone() {
    Instant fridayEvening = Instant.parse("2026-03-06T23:30:00Z"); // Friday 18:30 in New York
    assertThat(BusinessDays.WEEKDAYS.add(fridayEvening, 1, NEW_YORK))
        .isEqualTo(Instant.parse("2026-03-09T22:30:00Z"));
    // The same instant is already Saturday 00:30 in Berlin: the next business day is Monday 00:30.
    assertThat(BusinessDays.WEEKDAYS.add(fridayEvening, 1, ZoneId.of("Europe/Berlin")))
        .isEqualTo(Instant.parse("2026-03-08T23:30:00Z"));
  }

  @Test
  void companyHolidaysDoNotCountAsBusinessDays() {
    BusinessDays christmas =
        new BusinessDays(Set.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25")));
    Instant tuesday = Instant.parse("2026-12-22T15:00:00Z"); // 10:00 in New York
    // Wednesday 23rd, (Thu 24th, Fri 25th holidays, weekend), Mon 28th, Tue 29th.
    assertThat(christmas.add(tuesday, 3, NEW_YORK))
        .isEqualTo(Instant.parse("2026-12-29T15:00:00Z"));
    assertThat(BusinessDays.WEEKDAYS.add(tuesday, 3, NEW_YORK))
        .isEqualTo(Instant.parse("2026-12-25T15:00:00Z"));
  }

  @Test
  void aFollowUpWaitsOutTheHolidaysToo() {
    FollowUpPolicy policy =
        new FollowUpPolicy(2, 5, 5, new BusinessDays(Set.of(LocalDate.parse("2026-03-09"))));
    InterviewRequest request = pending();
    // Sent Monday 2 March; five weekdays later is Monday 9 March, the holiday, so Tuesday 10th.
    Instant fiveWeekdaysLater = BusinessDays.WEEKDAYS.add(SENT, 5, NEW_YORK);
    assertThat(policy.followUpFrom(SENT, NEW_YORK))
        .isEqualTo(fiveWeekdaysLater.plus(Duration.ofDays(1)));
    refused(
        () -> request.followUp(employee, "hello again", policy, NEW_YORK, fiveWeekdaysLater),
        ProblemType.FOLLOW_UP_TOO_SOON);
    request.followUp(
        employee, "hello again", policy, NEW_YORK, policy.followUpFrom(SENT, NEW_YORK));
    assertThat(request.followUps()).isEqualTo(1);
  }

  @Test
  void anUnansweredRequestWithAFollowUpLeftWaitsOutTheFollowUpWindowBeforeItExpires() {
    InterviewRequest request = pending();
    Instant followUpAllowed = BusinessDays.WEEKDAYS.add(SENT, 5, NEW_YORK);
    Instant windowEnd = BusinessDays.WEEKDAYS.add(SENT, 10, NEW_YORK);

    assertThat(request.isDue(POLICY, NEW_YORK, followUpAllowed)).isFalse();
    assertThat(request.isDue(POLICY, NEW_YORK, windowEnd.minusSeconds(1))).isFalse();
    assertThat(request.expiresAt(POLICY, NEW_YORK)).isEqualTo(windowEnd);

    request.followUp(employee, "One", POLICY, NEW_YORK, followUpAllowed);
    assertThat(request.expiresAt(POLICY, NEW_YORK))
        .isEqualTo(BusinessDays.WEEKDAYS.add(followUpAllowed, 10, NEW_YORK));
    Instant second = BusinessDays.WEEKDAYS.add(followUpAllowed, 7, NEW_YORK);
    request.followUp(employee, "Two", POLICY, NEW_YORK, second);
    // The third attempt was the last: five business days after it, the request expires.
    assertThat(request.expiresAt(POLICY, NEW_YORK))
        .isEqualTo(BusinessDays.WEEKDAYS.add(second, 5, NEW_YORK));
  }

  @Test
  void aCounterProposalLeftUnansweredExpiresFiveBusinessDaysAfterIt() {
    InterviewRequest request = pending();
    counter(request, leader, List.of(LATER), null, SENT.plusSeconds(60));

    assertThat(request.expiresAt(POLICY, NEW_YORK))
        .isEqualTo(BusinessDays.WEEKDAYS.add(SENT.plusSeconds(60), 5, NEW_YORK));
  }

  @Test
  void aRequestClosesWhenOneOfTheTwoLeavesTheCompany() {
    InterviewRequest request = pending();

    request.closeForLeaver(leader, SENT.plusSeconds(60));

    assertThat(request.status()).isEqualTo(RequestStatus.WITHDRAWN);
    assertThat(request.history().get(1).note()).isEqualTo("The leader has left the company.");
    refused(() -> request.closeForLeaver(leader, SENT), ProblemType.REQUEST_CLOSED);
  }
}
