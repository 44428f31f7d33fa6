package io.crossroads.bench;

import io.crossroads.demo.DemoOrganisation;
import io.crossroads.demo.DemoOrganisation.Shape;
import io.crossroads.matching.CandidateGraph;
import io.crossroads.matching.CohortSolver;
import io.crossroads.matching.CohortSolver.Assignment;
import io.crossroads.matching.Organisations;
import io.crossroads.matching.Scorer;
import io.crossroads.matching.Seeker;
import io.crossroads.program.Eligibility;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Matching at the target scale: 100,000 employees and 10,000 leaders in 40 divisions (the
 * generator's enterprise shape), leaders' capacities 2–8.
 *
 * <ul>
 *   <li>Recommendations for one employee among all leaders: median and p99 of the ranking.
 *   <li>A cohort round of 2 introductions each: candidate graph plus optimal min-cost flow, wall
 *       time; the greedy assignment over the same graph as the baseline, in the same run; total
 *       score and coverage (share of employees who got both introductions) of each.
 * </ul>
 *
 * <p>Run with {@code mvn -Pbench verify -Dbench.main=io.crossroads.bench.MatchingScale
 * -Dbench.args=}.
 */
public final class MatchingScale {

  static final int K = Integer.getInteger("bench.k", 2);
  static final int CANDIDATES = Integer.getInteger("bench.candidates", 10);
  static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

  public static void main(String[] args) {
    long started = System.nanoTime();
    DemoOrganisation.Plan plan = DemoOrganisation.generate(Shape.ENTERPRISE);
    Organisations org = Organisations.of(plan, Shape.ENTERPRISE.seed()).fresh();
    System.out.printf(
        "Organisation: %d employees, %d leaders, %d divisions, %d past interviews (%.1f s)%n",
        org.seekers().size(),
        org.pool().size(),
        plan.divisions().size(),
        plan.history().size(),
        seconds(started));
    Scorer scorer = new Scorer(org.pool(), Eligibility.DEFAULT);

    recommendations(scorer, org.seekers());

    int[] capacity = org.capacities();
    System.out.printf(
        "Capacity: %d places over %d leaders, demand %d introductions%n",
        Arrays.stream(capacity).sum(), capacity.length, (long) org.seekers().size() * K);
    List<Double> walls = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      long t0 = System.nanoTime();
      CandidateGraph graph =
          CandidateGraph.build(scorer, org.seekers(), CANDIDATES, capacity, done -> {});
      double graphSeconds = seconds(t0);
      long t1 = System.nanoTime();
      Assignment optimal = CohortSolver.optimal(graph, K, capacity);
      double solveSeconds = seconds(t1);
      double wall = seconds(t0);
      walls.add(wall);
      long t2 = System.nanoTime();
      Assignment greedy = CohortSolver.greedy(graph, K, capacity);
      double greedySeconds = seconds(t2);
      System.out.printf(
          "round %d: %d candidate edges; graph %.2f s + flow %.2f s = %.2f s (greedy %.2f s)%n",
          round + 1, graph.edges(), graphSeconds, solveSeconds, wall, greedySeconds);
      System.out.printf(
          "  optimal: score %d, %d introductions, coverage %.1f %%%n",
          optimal.totalScore(), optimal.edges().length, 100 * coverage(graph, optimal));
      System.out.printf(
          "  greedy:  score %d, %d introductions, coverage %.1f %%, optimal/greedy %.4f%n",
          greedy.totalScore(),
          greedy.edges().length,
          100 * coverage(graph, greedy),
          optimal.totalScore() / (double) greedy.totalScore());
    }
    walls.sort(Double::compare);
    System.out.printf(
        "cohort round wall time, median of %d: %.2f s%n", ROUNDS, walls.get(walls.size() / 2));
  }

  static void recommendations(Scorer scorer, List<Seeker> seekers) {
    Random random = new Random(1);
    for (int i = 0; i < 3000; i++) {
      scorer.recommend(seekers.get(random.nextInt(seekers.size())), 10);
    }
    int samples = 5000;
    long[] micros = new long[samples];
    for (int i = 0; i < samples; i++) {
      Seeker seeker = seekers.get(random.nextInt(seekers.size()));
      long t0 = System.nanoTime();
      scorer.recommend(seeker, 30);
      micros[i] = (System.nanoTime() - t0) / 1000;
    }
    Arrays.sort(micros);
    System.out.printf(
        "recommendations among %d leaders (top 30): median %d µs, p99 %d µs%n",
        scorer.pool().size(), micros[samples / 2], micros[samples * 99 / 100]);
  }

  static double coverage(CandidateGraph graph, Assignment assignment) {
    int[] per = new int[graph.employees()];
    for (int e : assignment.edges()) {
      per[graph.employee(e)]++;
    }
    return Arrays.stream(per).filter(n -> n >= K).count() / (double) graph.employees();
  }

  static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
