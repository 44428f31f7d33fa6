package io.crossroads.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossroads.platform.problem.Problem.FieldError;
import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgramRulesTest {

  static ProgramRules with(List<Integer> lengths, int defaultLength, int maxOpenRequests) {
    return new ProgramRules(
        lengths, defaultLength, 4, maxOpenRequests, 6, 2, 5, 5, 3, 6, 30, List.of());
  }

  @Test
  void theDefaultsAreDesignsDefaults() {
    ProgramRules rules = ProgramRules.DEFAULT;

    assertThat(rules.lengths()).containsExactly(15, 20, 30);
    assertThat(rules.defaultLength()).isEqualTo(20);
    assertThat(rules.defaultMonthlyCap()).isEqualTo(4);
    assertThat(rules.maxOpenRequests()).isEqualTo(3);
    assertThat(rules.maxRequestsPerMonth()).isEqualTo(6);
    assertThat(rules.followUpPolicy()).isEqualTo(FollowUpPolicy.DEFAULT);
    assertThat(rules.eligibility()).isEqualTo(Eligibility.DEFAULT);
    assertThat(rules.keepInTouchDays()).isEqualTo(30);
  }

  @Test
  void everyInvalidFieldIsNamedAtOnce() {
    assertThatThrownBy(
            () -> new ProgramRules(List.of(20, 45), 30, 41, 0, 6, 9, 0, 5, 12, 6, 3, List.of()))
        .isInstanceOfSatisfying(
            Refusal.class,
            refusal -> {
              assertThat(refusal.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
              assertThat(refusal.problem().errors())
                  .extracting(FieldError::field)
                  .containsExactly(
                      "defaultLength",
                      "defaultMonthlyCap",
                      "maxOpenRequests",
                      "maxFollowUps",
                      "followUpBusinessDays",
                      "maxLevelGap",
                      "keepInTouchDays");
            });
  }

  @Test
  void lengthsAreFiveMinuteStepsWithinTwoHours() {
    assertThatThrownBy(() -> with(List.of(20, 22), 20, 3)).isInstanceOf(Refusal.class);
    assertThatThrownBy(() -> with(List.of(20, 180), 20, 3)).isInstanceOf(Refusal.class);
    assertThatThrownBy(() -> with(List.of(), 20, 3)).isInstanceOf(Refusal.class);
    assertThat(with(List.of(30, 20, 20), 20, 3).lengths()).containsExactly(20, 30);
    assertThat(with(List.of(45), 45, 3).allowsLength(45)).isTrue();
    assertThat(with(List.of(45), 45, 3).allowsLength(20)).isFalse();
  }

  @Test
  void holidaysAreKeptInOrderOnceEachAndSkippedByTheFollowUpPolicy() {
    LocalDate monday = LocalDate.parse("2026-03-09");
    ProgramRules rules =
        new ProgramRules(
            List.of(20),
            20,
            4,
            3,
            6,
            2,
            5,
            5,
            3,
            6,
            30,
            List.of(monday, monday.minusDays(7), monday));

    assertThat(rules.holidays()).containsExactly(monday.minusDays(7), monday);
    Instant mondayBefore = Instant.parse("2026-03-02T14:00:00Z");
    // Five business days after Monday 2 March skip the holiday on the 9th: Tuesday the 10th.
    assertThat(rules.followUpPolicy().followUpFrom(mondayBefore, ZoneId.of("America/New_York")))
        .isEqualTo(Instant.parse("2026-03-10T13:00:00Z"));
  }

  @Test
  void theRepeatWindowReachesBackItsMonths() {
    ProgramRules rules = ProgramRules.DEFAULT;

    assertThat(rules.repeatWindowStart(Instant.parse("2026-09-15T10:00:00Z")))
        .isEqualTo(Instant.parse("2026-03-15T10:00:00Z"));
  }
}
