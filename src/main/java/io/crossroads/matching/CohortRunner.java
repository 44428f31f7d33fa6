package io.crossroads.matching;

import io.crossroads.matching.CohortRounds.Chosen;
import io.crossroads.matching.CohortRounds.Problem;
import io.crossroads.platform.jobs.BatchJobs;
import io.crossroads.platform.jobs.JobRuns;
import io.crossroads.program.Program;
import io.crossroads.program.ProgramRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Computes a cohort round: claims it, reads the employees and leaders as they are now, builds the
 * candidate graph (reporting progress, which is also the heartbeat), solves the min-cost flow and
 * stores the explained matches, all or nothing.
 */
@ApplicationScoped
class CohortRunner {

  /** How a run ended. */
  public enum Outcome {
    DONE,
    /** Another instance holds the round, or it was already finished. */
    SKIPPED,
    /** The round was taken over by another attempt while this one ran. */
    LOST,
    STOPPED,
    FAILED
  }

  private static final Logger LOG = Logger.getLogger(CohortRunner.class.getName());
  private static final long HEARTBEAT_NANOS = Duration.ofSeconds(2).toNanos();

  @Inject CohortRounds rounds;
  @Inject JobRuns runs;
  @Inject Program program;

  /** Leaders suggested per employee before the flow chooses, per introduction wanted. */
  @Inject
  @ConfigProperty(name = "crossroads.matching.candidates-per-intro", defaultValue = "5")
  int candidatesPerIntro;

  @Inject BatchJobs jobs;

  public Outcome run(UUID roundId, BooleanSupplier stopped) {
    int attempt = runs.claim(CohortRounds.JOBS, roundId, jobs.staleAfter());
    if (attempt == 0) {
      return Outcome.SKIPPED;
    }
    try {
      ProgramRules rules = program.rules();
      Problem problem = rounds.problem(roundId, rules);
      if (problem.seekers().size() < CohortRounds.MIN_EMPLOYEES) {
        runs.fail(
            CohortRounds.JOBS,
            roundId,
            attempt,
            "Fewer than "
                + CohortRounds.MIN_EMPLOYEES
                + " of its employees are still with the company.");
        return Outcome.FAILED;
      }
      Scorer scorer = new Scorer(problem.pool(), rules.eligibility());
      int k = problem.introsPerEmployee();
      int[] capacity = new int[problem.pool().size()];
      for (int l = 0; l < capacity.length; l++) {
        capacity[l] = problem.pool().get(l).roomForIntroductions();
      }
      AtomicLong lastBeat = new AtomicLong(System.nanoTime());
      boolean[] lost = {false};
      CandidateGraph graph =
          CandidateGraph.build(
              scorer,
              problem.seekers(),
              k * candidatesPerIntro,
              capacity,
              done -> {
                long now = System.nanoTime();
                long last = lastBeat.get();
                if (now - last > HEARTBEAT_NANOS
                    && lastBeat.compareAndSet(last, now)
                    && !runs.progress(CohortRounds.JOBS, roundId, attempt, done)) {
                  lost[0] = true;
                }
              });
      if (lost[0]) {
        return Outcome.LOST;
      }
      if (stopped.getAsBoolean()) {
        runs.fail(CohortRounds.JOBS, roundId, attempt, "Stopped before it finished.");
        return Outcome.STOPPED;
      }
      CohortSolver.Assignment optimal = CohortSolver.optimal(graph, k, capacity);
      CohortSolver.Assignment greedy = CohortSolver.greedy(graph, k, capacity);
      if (!runs.progress(CohortRounds.JOBS, roundId, attempt, 2 * graph.employees())) {
        return Outcome.LOST;
      }
      List<Chosen> chosen = new ArrayList<>(optimal.edges().length);
      int[] perEmployee = new int[graph.employees()];
      for (int e : optimal.edges()) {
        Seeker seeker = problem.seekers().get(graph.employee(e));
        Match match = scorer.explain(seeker, problem.pool().get(graph.leader(e)));
        chosen.add(new Chosen(seeker.id(), match.leader().id(), match.score(), match.reasons()));
        perEmployee[graph.employee(e)]++;
      }
      int unmatched = 0;
      for (int n : perEmployee) {
        if (n == 0) {
          unmatched++;
        }
      }
      if (!rounds.finish(
          roundId, attempt, chosen, unmatched, optimal.totalScore(), greedy.totalScore())) {
        return Outcome.LOST;
      }
      LOG.info(
          () ->
              "Cohort round "
                  + roundId
                  + ": "
                  + chosen.size()
                  + " introductions, score "
                  + optimal.totalScore()
                  + " (greedy "
                  + greedy.totalScore()
                  + ")");
      return Outcome.DONE;
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.SEVERE, "Cohort round " + roundId + " failed", e);
      runs.fail(
          CohortRounds.JOBS,
          roundId,
          attempt,
          "The round could not be computed (" + e.getClass().getSimpleName() + ").");
      return Outcome.FAILED;
    }
  }
}
