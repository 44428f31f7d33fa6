package io.crossroads.program;

import static io.crossroads.platform.problem.RefusalAssertions.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Refusal;
import io.crossroads.program.Eligibility.EmployeeFacts;
import io.crossroads.program.Eligibility.LeaderFacts;
import io.crossroads.program.Eligibility.Verdict;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who may ask whom, one refusal at a time, in the order the policy states them. */
class EligibilityTest {

  final Eligibility policy = Eligibility.DEFAULT;
  final UUID finance = UUID.randomUUID();
  final UUID engineering = UUID.randomUUID();
  final UUID ava = UUID.randomUUID();
  final UUID leo = UUID.randomUUID();

  EmployeeFacts employee(Set<UUID> chain, Set<UUID> met, Set<UUID> waiting) {
    return new EmployeeFacts(ava, finance, 4, chain, met, waiting);
  }

  EmployeeFacts employee() {
    return employee(Set.of(), Set.of(), Set.of());
  }

  LeaderFacts leader(UUID division, int level, boolean accepting, int placesLeft) {
    return new LeaderFacts(leo, "Leo Martins", division, level, accepting, placesLeft);
  }

  LeaderFacts leader() {
    return leader(engineering, 7, true, 2);
  }

  @Test
  void aLeaderOfAnotherDivisionWithinTheBandWithRoomMayBeAsked() {
    assertThat(policy.ask(employee(), leader())).isEqualTo(Verdict.ELIGIBLE);
    assertThat(policy.pair(employee(), leader())).isEqualTo(Verdict.ELIGIBLE);
  }

  @Test
  void nobodyAsksThemselves() {
    LeaderFacts self = new LeaderFacts(ava, "Ava", engineering, 4, true, 2);
    assertThat(policy.ask(employee(), self)).isEqualTo(Verdict.SELF);
  }

  @Test
  void theProgramConnectsDivisions() {
    assertThat(policy.ask(employee(), leader(finance, 7, true, 2)))
        .isEqualTo(Verdict.SAME_DIVISION);
  }

  @Test
  void nobodyInTheEmployeesOwnManagementChainMayBeAskedEvenFromAnotherDivision() {
    assertThat(policy.ask(employee(Set.of(UUID.randomUUID(), leo), Set.of(), Set.of()), leader()))
        .isEqualTo(Verdict.OWN_MANAGEMENT_CHAIN);
  }

  @Test
  void theLevelBandKeepsTheTopForLaterButAllowsLeadersBelow() {
    assertThat(policy.ask(employee(), leader(engineering, 8, true, 2)))
        .isEqualTo(Verdict.ABOVE_LEVEL_BAND);
    assertThat(policy.ask(employee(), leader(engineering, 2, true, 2))).isEqualTo(Verdict.ELIGIBLE);
    assertThat(new Eligibility(5, 6).ask(employee(), leader(engineering, 9, true, 2)))
        .isEqualTo(Verdict.ELIGIBLE);
    assertThat(policy.highestLevelFor(4)).isEqualTo(7);
  }

  @Test
  void aLeaderWhoPausedOrHasNoPlaceLeftMayNotBeAskedButIsStillAPair() {
    assertThat(policy.ask(employee(), leader(engineering, 7, false, 2)))
        .isEqualTo(Verdict.NOT_ACCEPTING);
    assertThat(policy.ask(employee(), leader(engineering, 7, true, 0)))
        .isEqualTo(Verdict.NO_PLACE_LEFT);
    assertThat(policy.pair(employee(), leader(engineering, 7, false, 0)))
        .isEqualTo(Verdict.ELIGIBLE);
  }

  @Test
  void aPairWhoMetRecentlyOrAlreadyWaitsIsNotAskedAgain() {
    assertThat(policy.ask(employee(Set.of(), Set.of(leo), Set.of()), leader()))
        .isEqualTo(Verdict.MET_RECENTLY);
    assertThat(policy.ask(employee(Set.of(), Set.of(), Set.of(leo)), leader()))
        .isEqualTo(Verdict.ALREADY_WAITING);
  }

  @Test
  void theFirstReasonWinsInTheOrderThePolicyStatesThem() {
    EmployeeFacts everything = employee(Set.of(leo), Set.of(leo), Set.of(leo));
    assertThat(policy.ask(everything, leader(engineering, 9, false, 0)))
        .isEqualTo(Verdict.OWN_MANAGEMENT_CHAIN);
    assertThat(
            policy.ask(
                employee(Set.of(), Set.of(leo), Set.of(leo)), leader(engineering, 7, false, 0)))
        .isEqualTo(Verdict.NOT_ACCEPTING);
  }

  @Test
  void aRefusalCarriesTheVerdictsProblemTypeAndNamesTheLeader() {
    refused(
        () -> policy.requireAsk(employee(), leader(finance, 7, true, 2)),
        ProblemType.SAME_DIVISION);
    refused(
        () -> policy.requireAsk(employee(), leader(engineering, 9, true, 2)),
        ProblemType.ABOVE_LEVEL_BAND);
    refused(
        () -> policy.requireAsk(employee(Set.of(), Set.of(), Set.of(leo)), leader()),
        ProblemType.ALREADY_REQUESTED);
    assertThatThrownBy(() -> policy.requireAsk(employee(), leader(engineering, 9, true, 2)))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("Leo Martins")
        .hasMessageContaining("3 levels");
    policy.requirePair(employee(), leader(engineering, 7, false, 0));
  }

  @Test
  void everyVerdictButEligibleHasItsOwnProblemType() {
    assertThat(Verdict.ELIGIBLE.problem()).isNull();
    assertThat(
            java.util.Arrays.stream(Verdict.values())
                .filter(v -> !v.eligible())
                .map(Verdict::problem)
                .distinct())
        .hasSize(Verdict.values().length - 1);
  }
}
