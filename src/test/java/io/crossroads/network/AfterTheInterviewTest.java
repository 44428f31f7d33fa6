package io.crossroads.network;

import static io.crossroads.platform.problem.RefusalAssertions.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossroads.interviews.Interview;
import io.crossroads.platform.problem.ProblemType;
import io.crossroads.program.Eligibility;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Thanks, referrals, feedback and mentoring offers: who may, when, and what they record. */
class AfterTheInterviewTest {

  final UUID finance = UUID.randomUUID();
  final UUID engineering = UUID.randomUUID();
  final UUID marketing = UUID.randomUUID();
  final UUID ava = UUID.randomUUID();
  final UUID leo = UUID.randomUUID();
  final UUID mia = UUID.randomUUID();
  final Interview held = Interviews.held(ava, leo);

  Eligibility.EmployeeFacts avaFacts(Set<UUID> chain) {
    return new Eligibility.EmployeeFacts(ava, finance, 4, chain, Set.of(), Set.of());
  }

  Referral.Named named(UUID id, UUID division, int level) {
    return new Referral.Named(
        new Eligibility.LeaderFacts(id, "Someone", division, level, true, 4), true, "Ask them");
  }

  List<Referral> give(UUID by, Interview interview, List<Referral.Named> names, Referral from) {
    return Referral.give(
        by, interview, Eligibility.DEFAULT, avaFacts(Set.of()), names, from, Interviews.AFTER);
  }

  @Test
  void theEmployeeThanksTheLeaderOfAHeldInterviewAndOnTimeMeansWithinTwoDays() {
    ThankYou early = ThankYou.send(ava, held, " Thank you! ", Interviews.AFTER);
    ThankYou late = ThankYou.send(ava, held, "Thanks", held.end().plus(Duration.ofHours(49)));

    assertThat(early.message()).isEqualTo("Thank you!");
    assertThat(early.onTime()).isTrue();
    assertThat(ThankYou.send(ava, held, "x", held.end().plus(Duration.ofHours(48))).onTime())
        .isTrue();
    assertThat(late.onTime()).isFalse();
  }

  @Test
  void nobodyThanksBeforeTheInterviewWasHeldAndTheLeaderDoesNotThankAtAll() {
    refused(
        () -> ThankYou.send(ava, Interviews.scheduled(ava, leo), "Thanks", Interviews.AFTER),
        ProblemType.NOT_YET_HELD);
    refused(() -> ThankYou.send(leo, held, "Thanks", Interviews.AFTER), ProblemType.FORBIDDEN);
    refused(() -> ThankYou.send(ava, held, " ", Interviews.AFTER), ProblemType.VALIDATION_FAILED);
  }

  @Test
  void theLeaderNamesOneToThreePeopleInOrderAtTheFirstLinkOfAChain() {
    List<Referral> given =
        give(
            leo,
            held,
            List.of(named(mia, marketing, 6), named(UUID.randomUUID(), marketing, 7)),
            null);

    assertThat(given).hasSize(2);
    assertThat(given)
        .allSatisfy(
            r -> {
              assertThat(r.depth()).isEqualTo(1);
              assertThat(r.cameFrom()).isNull();
              assertThat(r.employeeId()).isEqualTo(ava);
              assertThat(r.referrerId()).isEqualTo(leo);
              assertThat(r.interviewId()).isEqualTo(held.id());
            });
    assertThat(given.get(0).referredId()).isEqualTo(mia);
  }

  @Test
  void aReferralFromAnInterviewThatCameFromOneIsTheNextLinkOfTheChain() {
    Referral first = give(leo, held, List.of(named(mia, marketing, 6)), null).get(0);
    Interview withMia = Interviews.held(ava, mia);

    Referral second =
        give(mia, withMia, List.of(named(UUID.randomUUID(), engineering, 6)), first).get(0);

    assertThat(second.depth()).isEqualTo(2);
    assertThat(second.cameFrom()).isEqualTo(first.id());
  }

  @Test
  void onlyTheLeaderOfAHeldInterviewNamesPeopleAndOnlyPeopleTheEmployeeMayBePutTogetherWith() {
    List<Referral.Named> fine = List.of(named(mia, marketing, 6));
    refused(() -> give(ava, held, fine, null), ProblemType.FORBIDDEN);
    refused(() -> give(leo, Interviews.scheduled(ava, leo), fine, null), ProblemType.NOT_YET_HELD);
    refused(() -> give(leo, held, List.of(), null), ProblemType.VALIDATION_FAILED);
    refused(
        () ->
            give(
                leo,
                held,
                List.of(
                    named(mia, marketing, 6),
                    named(UUID.randomUUID(), marketing, 6),
                    named(UUID.randomUUID(), marketing, 6),
                    named(UUID.randomUUID(), marketing, 6)),
                null),
        ProblemType.VALIDATION_FAILED);
    refused(
        () -> give(leo, held, List.of(named(mia, marketing, 6), named(mia, marketing, 6)), null),
        ProblemType.VALIDATION_FAILED);
    refused(
        () -> give(leo, held, List.of(named(leo, engineering, 7)), null),
        ProblemType.VALIDATION_FAILED);
    refused(() -> give(leo, held, List.of(named(ava, finance, 4)), null), ProblemType.SELF_REQUEST);
    refused(
        () ->
            give(
                leo,
                held,
                List.of(named(mia, marketing, 6), named(UUID.randomUUID(), finance, 6)),
                null),
        ProblemType.SAME_DIVISION);
    refused(
        () -> give(leo, held, List.of(named(mia, marketing, 9)), null),
        ProblemType.ABOVE_LEVEL_BAND);
    refused(
        () ->
            Referral.give(
                leo,
                held,
                Eligibility.DEFAULT,
                avaFacts(Set.of(mia)),
                List.of(named(mia, marketing, 6)),
                null,
                Interviews.AFTER),
        ProblemType.OWN_MANAGEMENT_CHAIN);
  }

  @Test
  void theLeaderOfAHeldInterviewGivesFeedbackAndAFlagNamesItsStrengths() {
    LeaderFeedback feedback =
        LeaderFeedback.give(
            leo,
            held,
            true,
            List.of(" curiosity ", "clear writing", "curiosity"),
            "Great",
            Interviews.AFTER);

    assertThat(feedback.strengths()).containsExactly("curiosity", "clear writing");
    assertThat(feedback.talentPool()).isTrue();
    assertThat(feedback.employeeId()).isEqualTo(ava);
    refused(
        () -> LeaderFeedback.give(leo, held, true, List.of(), null, Interviews.AFTER),
        ProblemType.VALIDATION_FAILED);
    refused(
        () -> LeaderFeedback.give(ava, held, false, List.of(), null, Interviews.AFTER),
        ProblemType.FORBIDDEN);
    refused(
        () ->
            LeaderFeedback.give(
                leo, Interviews.scheduled(ava, leo), false, List.of(), null, Interviews.AFTER),
        ProblemType.NOT_YET_HELD);
    refused(
        () -> LeaderFeedback.give(leo, held, false, List.of("a;b"), null, Interviews.AFTER),
        ProblemType.VALIDATION_FAILED);
  }

  @Test
  void onlyTheEmployeeAnswersAMentoringOfferAndOnlyOnce() {
    MentoringOffer offer = new MentoringOffer(held.id(), leo, ava, Interviews.AFTER);

    refused(() -> offer.answer(leo, true, Interviews.AFTER), ProblemType.FORBIDDEN);
    offer.answer(ava, false, Interviews.AFTER);

    assertThat(offer.answer()).isEqualTo(MentoringOffer.Answer.DECLINED);
    refused(() -> offer.answer(ava, true, Interviews.AFTER), ProblemType.MENTORING_ANSWERED);
  }
}
