package io.crossroads.program;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossroads.demo.DemoOrganisation.Shape;
import io.crossroads.matching.CandidateGraph;
import io.crossroads.matching.CohortSolver;
import io.crossroads.matching.LeaderCard;
import io.crossroads.matching.Match;
import io.crossroads.matching.Organisations;
import io.crossroads.matching.Scorer;
import io.crossroads.matching.Seeker;
import io.crossroads.people.MeetingFormat;
import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Refusal;
import io.crossroads.program.Eligibility.Verdict;
import io.crossroads.requests.InterviewRequest;
import io.crossroads.requests.RequestMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Over generated organisations and program rules: no path produces a request, an interview, a
 * recommendation or a cohort introduction that the eligibility policy refuses, and every path that
 * refuses says why with the policy's own problem type.
 */
class EligibilityProperties {

  static final Instant NOW = Instant.parse("2026-03-18T09:00:00Z");
  static final List<Instant> SLOTS =
      List.of(NOW.plus(Duration.ofDays(7)), NOW.plus(Duration.ofDays(8)));
  static final RequestMessage MESSAGE =
      new RequestMessage("I am in Finance.", "How your team plans.", "Your talk.");

  static InterviewRequest propose(Eligibility policy, Seeker employee, LeaderCard leader) {
    return InterviewRequest.propose(
        policy, employee, leader, 20, MeetingFormat.VIDEO, MESSAGE, null, SLOTS, NOW);
  }

  @Property(tries = 30)
  void aRequestAndItsInterviewExistOnlyForAPairThePolicyAllows(
      @ForAll @IntRange(min = 200, max = 1200) int size,
      @ForAll @IntRange(min = 8, max = 20) int divisions,
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 0, max = 5) int maxLevelGap) {
    Organisations org = Organisations.of(new Shape(size, divisions, seed));
    Eligibility policy = new Eligibility(maxLevelGap, 6);
    Random random = new Random(seed);
    int made = 0;
    for (int i = 0; i < 400; i++) {
      Seeker employee = org.seekers().get(random.nextInt(org.seekers().size()));
      LeaderCard leader = org.pool().get(random.nextInt(org.pool().size()));
      Verdict verdict = policy.ask(employee, leader);
      try {
        InterviewRequest request = propose(policy, employee, leader);
        assertThat(verdict).isEqualTo(Verdict.ELIGIBLE);
        // The only way to an interview is accepting a request: it joins the same two people.
        var interview =
            request.accept(leader.id(), SLOTS.get(0), Duration.ZERO, Duration.ZERO, NOW);
        assertThat(policy.ask(employee, leader).eligible()).isTrue();
        assertThat(interview.employeeId()).isEqualTo(employee.id());
        assertThat(interview.leaderId()).isEqualTo(leader.id());
        made++;
      } catch (Refusal refusal) {
        assertThat(verdict.eligible()).as("refused %s", refusal.getMessage()).isFalse();
        assertThat(refusal.type()).isEqualTo(verdict.problem());
      }
    }
    assertThat(made).as("some pairs are allowed").isPositive();
  }

  @Property(tries = 30)
  void aRedirectReachesOnlyAColleagueTheEmployeeMayAsk(
      @ForAll @IntRange(min = 200, max = 1200) int size,
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 0, max = 5) int maxLevelGap) {
    Organisations org = Organisations.of(new Shape(size, 10, seed));
    Eligibility policy = new Eligibility(maxLevelGap, 6);
    Random random = new Random(seed);
    for (Seeker employee : org.seekers().subList(0, Math.min(80, org.seekers().size()))) {
      LeaderCard first =
          org.pool().leaders().stream()
              .filter(l -> policy.ask(employee, l).eligible())
              .findFirst()
              .orElse(null);
      if (first == null) {
        continue;
      }
      InterviewRequest request = propose(policy, employee, first);
      LeaderCard colleague = org.pool().get(random.nextInt(org.pool().size()));
      if (colleague.id().equals(first.id())) {
        continue;
      }
      Verdict verdict = policy.ask(employee, colleague);
      try {
        InterviewRequest forwarded =
            request.redirect(first.id(), policy, employee, colleague, SLOTS, "Ask Mia", NOW);
        assertThat(verdict).isEqualTo(Verdict.ELIGIBLE);
        assertThat(forwarded.leaderId()).isEqualTo(colleague.id());
      } catch (Refusal refusal) {
        assertThat(verdict.eligible()).isFalse();
        // One answer whatever the reason: the leader learns nothing of the employee from it.
        assertThat(refusal.type()).isEqualTo(ProblemType.REDIRECT_INVALID);
        assertThat(request.status().isOpen()).as("a refused redirect changes nothing").isTrue();
      }
    }
  }

  @Property(tries = 20)
  void noRecommendationAndNoCohortIntroductionIsOneThePolicyRefuses(
      @ForAll @IntRange(min = 200, max = 1500) int size,
      @ForAll @IntRange(min = 8, max = 24) int divisions,
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 0, max = 5) int maxLevelGap,
      @ForAll @IntRange(min = 1, max = 3) int k) {
    Organisations org = Organisations.of(new Shape(size, divisions, seed));
    Eligibility policy = new Eligibility(maxLevelGap, 6);
    Scorer scorer = new Scorer(org.pool(), policy);

    for (Seeker seeker : org.seekers().subList(0, Math.min(60, org.seekers().size()))) {
      for (Match match : scorer.recommend(seeker, 10)) {
        assertThat(policy.ask(seeker, match.leader())).isEqualTo(Verdict.ELIGIBLE);
      }
    }
    CandidateGraph graph =
        CandidateGraph.build(scorer, org.seekers(), 5 * k, org.capacities(), done -> {});
    for (int edge : CohortSolver.optimal(graph, k, org.capacities()).edges()) {
      Seeker seeker = org.seekers().get(graph.employee(edge));
      LeaderCard leader = org.pool().get(graph.leader(edge));
      assertThat(policy.ask(seeker, leader)).isEqualTo(Verdict.ELIGIBLE);
    }
  }
}
