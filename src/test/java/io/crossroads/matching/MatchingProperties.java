package io.crossroads.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossroads.demo.DemoOrganisation.Shape;
import io.crossroads.program.Eligibility;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Over generated organisations of many shapes: the rules hold, whatever the data. */
class MatchingProperties {

  static Organisations organisation(int size, int divisions, long seed) {
    return Organisations.of(new Shape(size, divisions, seed));
  }

  @Property(tries = 25)
  void noRecommendationEverBreaksAHardConstraint(
      @ForAll @IntRange(min = 200, max = 1500) int size,
      @ForAll @IntRange(min = 8, max = 20) int divisions,
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 1, max = 20) int limit) {
    Organisations org = organisation(size, divisions, seed);
    Scorer scorer = new Scorer(org.pool(), Eligibility.DEFAULT);
    for (Seeker seeker : org.seekers().subList(0, Math.min(60, org.seekers().size()))) {
      List<Match> matches = scorer.recommend(seeker, limit);
      assertThat(matches).hasSizeLessThanOrEqualTo(limit).isSortedAccordingTo(Scorer.BEST_FIRST);
      assertThat(matches)
          .allSatisfy(
              match -> {
                LeaderCard leader = match.leader();
                assertThat(leader.divisionId()).isNotEqualTo(seeker.divisionId());
                assertThat(seeker.managementChain()).doesNotContain(leader.id());
                assertThat(leader.accepting()).isTrue();
                assertThat(leader.booked()).isLessThan(leader.monthlyCap());
                assertThat(leader.level() - seeker.level())
                    .isLessThanOrEqualTo(Eligibility.DEFAULT.maxLevelGap());
                assertThat(seeker.recentlyMet()).doesNotContain(leader.id());
                assertThat(match.score())
                    .isEqualTo(match.reasons().stream().mapToInt(Reason::points).sum());
              });
    }
  }

  @Property(tries = 25)
  void theIndexedRankingEqualsScoringEveryLeader(
      @ForAll @IntRange(min = 200, max = 1500) int size,
      @ForAll @IntRange(min = 8, max = 24) int divisions,
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 1, max = 30) int limit) {
    Organisations org = organisation(size, divisions, seed);
    Scorer scorer = new Scorer(org.pool(), Eligibility.DEFAULT);
    for (Seeker seeker : org.seekers().subList(0, Math.min(60, org.seekers().size()))) {
      assertThat(scorer.recommend(seeker, limit)).isEqualTo(scorer.recommendByScan(seeker, limit));
    }
  }

  @Property(tries = 15)
  void theSameSeedAlwaysGivesTheSameScoresAndOrder(
      @ForAll @IntRange(min = 200, max = 1000) int size,
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    Organisations first = organisation(size, 8, seed);
    Organisations again = organisation(size, 8, seed);
    Scorer a = new Scorer(first.pool(), Eligibility.DEFAULT);
    Scorer b = new Scorer(again.pool(), Eligibility.DEFAULT);
    for (int i = 0; i < Math.min(30, first.seekers().size()); i++) {
      assertThat(a.recommend(first.seekers().get(i), 10))
          .isEqualTo(b.recommend(again.seekers().get(i), 10));
    }
  }

  @Property(tries = 20)
  void theCandidateGraphHoldsEachEmployeesBestLeadersWithTheScorersPoints(
      @ForAll @IntRange(min = 200, max = 1500) int size,
      @ForAll @IntRange(min = 8, max = 24) int divisions,
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 1, max = 12) int perEmployee) {
    Organisations org = organisation(size, divisions, seed);
    Scorer scorer = new Scorer(org.pool(), Eligibility.DEFAULT);
    CandidateGraph graph =
        CandidateGraph.build(scorer, org.seekers(), perEmployee, org.capacities(), done -> {});
    Map<Integer, List<Integer>> byEmployee = new HashMap<>();
    for (int e = 0; e < graph.edges(); e++) {
      Seeker seeker = org.seekers().get(graph.employee(e));
      LeaderCard leader = org.pool().get(graph.leader(e));
      assertThat(scorer.eligible(seeker, leader)).isTrue();
      assertThat(graph.points(e)).isEqualTo(scorer.points(seeker, leader));
      byEmployee
          .computeIfAbsent(graph.employee(e), k -> new java.util.ArrayList<>())
          .add(graph.leader(e));
    }
    for (int i = 0; i < Math.min(80, org.seekers().size()); i++) {
      Seeker seeker = org.seekers().get(i);
      List<Integer> expected =
          scorer.recommendByScan(seeker, perEmployee).stream()
              .map(m -> org.pool().indexOf(m.leader().id()).orElseThrow())
              .toList();
      assertThat(byEmployee.getOrDefault(i, List.of()))
          .as("best leaders of employee %d", i)
          .containsAll(expected)
          .hasSizeLessThanOrEqualTo(perEmployee + Math.max(1, perEmployee / 2));
    }
  }

  @Property(tries = 20)
  void aCohortRoundNeverOverfillsALeaderOrAnEmployeeAndNeverScoresBelowGreedy(
      @ForAll @IntRange(min = 200, max = 2000) int size,
      @ForAll @IntRange(min = 8, max = 24) int divisions,
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 1, max = 4) int k) {
    Organisations org = organisation(size, divisions, seed);
    Scorer scorer = new Scorer(org.pool(), Eligibility.DEFAULT);
    CandidateGraph graph =
        CandidateGraph.build(scorer, org.seekers(), 5 * k, org.capacities(), done -> {});
    int[] capacity = org.capacities();
    CohortSolver.Assignment optimal = CohortSolver.optimal(graph, k, capacity);
    CohortSolver.Assignment greedy = CohortSolver.greedy(graph, k, capacity);
    int[] perLeader = new int[capacity.length];
    int[] perEmployee = new int[graph.employees()];
    long total = 0;
    java.util.Set<Long> pairs = new java.util.HashSet<>();
    for (int e : optimal.edges()) {
      perLeader[graph.leader(e)]++;
      perEmployee[graph.employee(e)]++;
      total += graph.points(e);
      assertThat(pairs.add((long) graph.employee(e) << 32 | graph.leader(e))).isTrue();
    }
    for (int l = 0; l < capacity.length; l++) {
      assertThat(perLeader[l]).isLessThanOrEqualTo(capacity[l]);
    }
    assertThat(java.util.Arrays.stream(perEmployee).max().orElse(0)).isLessThanOrEqualTo(k);
    assertThat(total).isEqualTo(optimal.totalScore());
    assertThat(optimal.totalScore()).isGreaterThanOrEqualTo(greedy.totalScore());
  }
}
