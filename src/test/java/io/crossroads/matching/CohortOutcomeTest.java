package io.crossroads.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossroads.matching.MatchingViews.CohortOutcome;
import io.crossroads.matching.MatchingViews.LeaderLoad;
import io.crossroads.matching.MatchingViews.ScoreDistribution;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CohortOutcomeTest {

  @Test
  void theScoreDistributionGivesNearestRankQuartiles() {
    assertThat(ScoreDistribution.of(List.of(10, 20, 30, 40, 50, 60, 70, 80)))
        .isEqualTo(new ScoreDistribution(10, 20, 40, 60, 80));
    assertThat(ScoreDistribution.of(List.of(7))).isEqualTo(new ScoreDistribution(7, 7, 7, 7, 7));
  }

  @Test
  void aRoundWithoutIntroductionsHasANoughtDistributionAndNoCoverage() {
    CohortOutcome outcome = CohortOutcome.of(UUID.randomUUID(), 6, 0, List.of(), List.of());

    assertThat(outcome.scores()).isEqualTo(new ScoreDistribution(0, 0, 0, 0, 0));
    assertThat(outcome.coverage()).isZero();
    assertThat(outcome.introductions()).isZero();
  }

  @Test
  void coverageIsTheShareOfEmployeesGivenAnIntroduction() {
    UUID leader = UUID.randomUUID();
    CohortOutcome outcome =
        CohortOutcome.of(
            UUID.randomUUID(),
            6,
            4,
            List.of(30, 40, 50, 60, 70),
            List.of(new LeaderLoad(leader, null, 5)));

    assertThat(outcome.coverage()).isEqualTo(0.667);
    assertThat(outcome.introductions()).isEqualTo(5);
    assertThat(outcome.leaders()).extracting(LeaderLoad::introductions).containsExactly(5);
  }
}
