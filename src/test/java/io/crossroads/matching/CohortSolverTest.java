package io.crossroads.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossroads.program.Eligibility;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class CohortSolverTest {

  /** A small random instance: a few employees and leaders with random topics and capacities. */
  record Instance(CandidateGraph graph, int k, int[] capacity) {}

  static Instance instance(long seed, int employees, int leaders, int k) {
    java.util.Random random = new java.util.Random(seed);
    List<String> topics = List.of("a", "b", "c", "d", "e", "f");
    UUID own = UUID.randomUUID();
    List<LeaderCard> cards = new ArrayList<>();
    for (int l = 0; l < leaders; l++) {
      cards.add(
          new LeaderCard(
              new UUID(0, l + 1),
              "L" + l,
              new UUID(1, random.nextInt(3)),
              "D",
              5,
              ZoneId.of("UTC"),
              new java.util.HashSet<>(
                  List.of(topics.get(random.nextInt(6)), topics.get(random.nextInt(6)))),
              true,
              1 + random.nextInt(3),
              random.nextInt(2),
              0));
    }
    LeaderPool pool = new LeaderPool(cards, LocalDate.of(2026, 1, 14));
    List<Seeker> seekers = new ArrayList<>();
    for (int e = 0; e < employees; e++) {
      seekers.add(
          new Seeker(
              new UUID(2, e),
              own,
              4,
              ZoneId.of(random.nextBoolean() ? "UTC" : "Asia/Tokyo"),
              Set.of(),
              Set.of(new UUID(1, random.nextInt(3))),
              new java.util.HashSet<>(
                  List.of(topics.get(random.nextInt(6)), topics.get(random.nextInt(6)))),
              Map.of(),
              Set.of(),
              Set.of()));
    }
    Scorer scorer = new Scorer(pool, Eligibility.DEFAULT);
    int[] capacity = new int[leaders];
    for (int l = 0; l < leaders; l++) {
      capacity[l] = pool.get(l).roomForIntroductions();
    }
    // Every leader is a candidate of every employee: the solver sees the whole problem.
    return new Instance(
        CandidateGraph.build(scorer, seekers, leaders, capacity, done -> {}), k, capacity);
  }

  /** Tries every way of giving each employee up to k of their candidate edges. */
  static long bruteForce(Instance instance) {
    CandidateGraph graph = instance.graph();
    List<List<Integer>> edgesOf = new ArrayList<>();
    for (int e = 0; e < graph.employees(); e++) {
      edgesOf.add(new ArrayList<>());
    }
    for (int e = 0; e < graph.edges(); e++) {
      edgesOf.get(graph.employee(e)).add(e);
    }
    return best(graph, edgesOf, 0, instance.k(), instance.capacity().clone());
  }

  private static long best(
      CandidateGraph graph, List<List<Integer>> edgesOf, int employee, int k, int[] room) {
    if (employee == edgesOf.size()) {
      return 0;
    }
    return subsets(graph, edgesOf, employee, k, room, edgesOf.get(employee), 0, k);
  }

  private static long subsets(
      CandidateGraph graph,
      List<List<Integer>> edgesOf,
      int employee,
      int k,
      int[] room,
      List<Integer> edges,
      int from,
      int left) {
    long best = best(graph, edgesOf, employee + 1, k, room);
    if (left == 0) {
      return best;
    }
    for (int i = from; i < edges.size(); i++) {
      int e = edges.get(i);
      int leader = graph.leader(e);
      if (room[leader] > 0) {
        room[leader]--;
        best =
            Math.max(
                best,
                graph.points(e)
                    + subsets(graph, edgesOf, employee, k, room, edges, i + 1, left - 1));
        room[leader]++;
      }
    }
    return best;
  }

  @Property(tries = 200)
  void theFlowFindsTheSameBestTotalAsTryingEverything(
      @ForAll @IntRange(min = 1, max = 6) int employees,
      @ForAll @IntRange(min = 1, max = 4) int leaders,
      @ForAll @IntRange(min = 1, max = 2) int k,
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    Instance instance = instance(seed, employees, leaders, k);
    long optimum = bruteForce(instance);
    assertThat(CohortSolver.optimal(instance.graph(), k, instance.capacity()).totalScore())
        .isEqualTo(optimum);
    assertThat(CohortSolver.greedy(instance.graph(), k, instance.capacity()).totalScore())
        .isLessThanOrEqualTo(optimum);
  }

  @Test
  void whereGreedyTakesTheBestEdgeFirstTheOptimumDoesBetter() {
    // Employee 0 likes both leaders, employee 1 only leader 0; each leader has one place.
    // Greedy gives leader 0 to employee 0 (the best single edge) and leaves employee 1 with
    // nothing.
    LeaderCard l0 =
        new LeaderCard(
            new UUID(0, 1),
            "L0",
            new UUID(1, 1),
            "D",
            5,
            ZoneId.of("UTC"),
            Set.of("x", "y"),
            true,
            1,
            0,
            0);
    LeaderCard l1 =
        new LeaderCard(
            new UUID(0, 2),
            "L1",
            new UUID(1, 2),
            "E",
            5,
            ZoneId.of("UTC"),
            Set.of("x"),
            true,
            1,
            0,
            0);
    LeaderPool pool = new LeaderPool(List.of(l0, l1), LocalDate.of(2026, 1, 14));
    UUID own = new UUID(1, 9);
    Seeker both =
        new Seeker(
            new UUID(2, 0),
            own,
            4,
            ZoneId.of("Asia/Tokyo"),
            Set.of(),
            Set.of(),
            Set.of("x", "y"),
            Map.of(),
            Set.of(),
            Set.of());
    Seeker onlyFirst =
        new Seeker(
            new UUID(2, 1),
            own,
            4,
            ZoneId.of("Asia/Tokyo"),
            Set.of(),
            Set.of(),
            Set.of("y"),
            Map.of(),
            Set.of(),
            Set.of(l1.id()));
    CandidateGraph graph =
        CandidateGraph.build(
            new Scorer(pool, Eligibility.DEFAULT),
            List.of(both, onlyFirst),
            2,
            new int[] {1, 1},
            done -> {});
    int[] capacity = {1, 1};
    CohortSolver.Assignment optimal = CohortSolver.optimal(graph, 1, capacity);
    CohortSolver.Assignment greedy = CohortSolver.greedy(graph, 1, capacity);
    assertThat(optimal.edges()).hasSize(2);
    assertThat(greedy.edges()).hasSize(1);
    assertThat(optimal.totalScore()).isGreaterThan(greedy.totalScore());
  }
}
