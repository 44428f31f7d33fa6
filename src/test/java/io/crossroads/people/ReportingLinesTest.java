package io.crossroads.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossroads.program.Eligibility;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReportingLinesTest {

  static final UUID SALES = UUID.randomUUID();
  static final UUID FINANCE = UUID.randomUUID();

  final UUID top = UUID.randomUUID();
  final UUID head = UUID.randomUUID();
  final UUID lead = UUID.randomUUID();
  final UUID analyst = UUID.randomUUID();
  final UUID elsewhere = UUID.randomUUID();

  ReportingLines lines() {
    Map<UUID, ReportingLines.Place> places = new HashMap<>();
    places.put(top, new ReportingLines.Place(null, SALES, 9));
    places.put(head, new ReportingLines.Place(top, FINANCE, 7));
    places.put(lead, new ReportingLines.Place(head, FINANCE, 5));
    places.put(analyst, new ReportingLines.Place(lead, FINANCE, 3));
    places.put(elsewhere, new ReportingLines.Place(null, SALES, 4));
    return new ReportingLines(places);
  }

  @Test
  void aPersonsManagementChainRunsFromTheirManagerToTheTop() {
    assertThat(lines().managementChain(analyst)).containsExactly(lead, head, top);
    assertThat(lines().managementChain(top)).isEmpty();
    assertThat(lines().managementChain(UUID.randomUUID())).isEmpty();
  }

  @Test
  void someoneIsAtOrBelowThePeopleWhoAreThemOrManageThemAtAnyDistance() {
    ReportingLines lines = lines();

    assertThat(lines.atOrBelow(analyst, Set.of(analyst))).isTrue();
    assertThat(lines.atOrBelow(analyst, Set.of(head))).isTrue();
    assertThat(lines.atOrBelow(analyst, Set.of(top, elsewhere))).isTrue();
    assertThat(lines.atOrBelow(head, Set.of(lead))).isFalse();
    assertThat(lines.atOrBelow(elsewhere, Set.of(top))).isFalse();
  }

  @Test
  void aLoopInBadDataEndsTheChain() {
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    ReportingLines loop =
        new ReportingLines(
            new HashMap<>(
                Map.of(
                    a, new ReportingLines.Place(b, SALES, 4),
                    b, new ReportingLines.Place(a, SALES, 4))));

    assertThat(loop.managementChain(a)).containsExactly(b);
  }

  @Test
  void anEmployeeIsReadAsThePolicyPairsThemWithNobodyMetOrWaitedOn() {
    Eligibility.EmployeeFacts facts = lines().pairOnly(analyst).orElseThrow();

    assertThat(facts.divisionId()).isEqualTo(FINANCE);
    assertThat(facts.level()).isEqualTo(3);
    assertThat(facts.managementChain()).containsExactlyInAnyOrder(lead, head, top);
    assertThat(facts.recentlyMet()).isEmpty();
    assertThat(facts.waitingOn()).isEmpty();
    assertThat(lines().pairOnly(UUID.randomUUID())).isEmpty();
    Eligibility.LeaderFacts headAsLeader =
        new Eligibility.LeaderFacts(head, "Head", FINANCE, 7, true, 4);
    assertThat(Eligibility.DEFAULT.pair(facts, headAsLeader))
        .isEqualTo(Eligibility.Verdict.SAME_DIVISION);
    assertThat(
            Eligibility.DEFAULT.pair(
                lines().pairOnly(elsewhere).orElseThrow(),
                new Eligibility.LeaderFacts(top, "Top", FINANCE, 7, true, 4)))
        .isEqualTo(Eligibility.Verdict.ELIGIBLE);
  }
}
