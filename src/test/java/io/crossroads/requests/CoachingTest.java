package io.crossroads.requests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CoachingTest {

  static final String INTRO = "I am Ava, a financial analyst in Finance.";
  static final String LEARN =
      "How the platform team decides what to build, and how it measures success";
  static final String WHY = "Your all-hands talk on internal developer platforms";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Are there any openings on your team?",
        "I would love it if you could hire me.",
        "I want to apply for the analyst role.",
        "Do you have open positions?",
        "Could I send you my CV?",
        "Are you hiring this quarter?"
      })
  void warnsWhenTheMessageAsksForAJob(String ask) {
    var notes = Coaching.review(new RequestMessage(INTRO, LEARN + ". " + ask, WHY), true);

    assertThat(notes).extracting(Coaching.Note::code).contains("job-asking");
    assertThat(notes)
        .filteredOn(n -> n.code().equals("job-asking"))
        .extracting(Coaching.Note::level)
        .containsExactly("warning");
  }

  @Test
  void aSpecificReferredRequestGetsNoAdvice() {
    assertThat(Coaching.review(new RequestMessage(INTRO, LEARN, WHY), true)).isEmpty();
  }

  @Test
  void advisesSpecificQuestionsWhenTheLearningGoalIsVague() {
    assertThat(Coaching.review(new RequestMessage(INTRO, "Your job", WHY), true))
        .extracting(Coaching.Note::code)
        .containsExactly("learn-vague");
  }

  @Test
  void advisesBrevityForALongIntroduction() {
    assertThat(Coaching.review(new RequestMessage("x".repeat(601), LEARN, WHY), true))
        .extracting(Coaching.Note::code)
        .containsExactly("intro-long");
  }

  @Test
  void suggestsCitingAReferralWhenThereIsNone() {
    assertThat(Coaching.review(new RequestMessage(INTRO, LEARN, WHY), false))
        .extracting(Coaching.Note::code)
        .containsExactly("no-referral");
  }

  @Test
  void wordsThatOnlyResembleJobAskingAreNotFlagged() {
    var notes =
        Coaching.review(
            new RequestMessage(INTRO, LEARN + " and how roles on the team are split", WHY), true);
    assertThat(notes).extracting(Coaching.Note::code).doesNotContain("job-asking");
  }

  @Test
  void aDraftWithNothingWrittenYetIsAdvisedOnWhatToWrite() {
    assertThat(Coaching.review(null, null, null, false))
        .extracting(Coaching.Note::code)
        .containsExactly("learn-vague", "why-you-brief", "no-referral");
  }

  @Test
  void aDraftIsAdvisedExactlyAsTheRequestItBecomes() {
    String learn = "  Your job, and are you hiring?  ";
    assertThat(Coaching.review(INTRO, learn, WHY, false))
        .isEqualTo(Coaching.review(new RequestMessage(INTRO, learn, WHY), false))
        .extracting(Coaching.Note::code)
        .containsExactly("job-asking", "learn-vague", "no-referral");
  }
}
