package io.crossroads.matching;

import io.crossroads.people.PeopleViews.PersonRef;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What matching reads and writes over HTTP. */
public final class MatchingViews {

  private MatchingViews() {}

  public record InterestsView(
      @NotNull(message = "list the divisions you look towards, or send []")
          @Size(max = Interest.MAX_DIVISIONS, message = "at most 10 divisions")
          List<@NotNull UUID> targetDivisionIds,
      @NotNull(message = "list your topics, or send []")
          @Size(max = Interest.MAX_TOPICS, message = "at most 20 topics")
          List<@NotNull String> topics,
      @Size(max = Interest.MAX_GOALS, message = "at most 2000 characters") String goals) {}

  /** A topic of the shared vocabulary or of a leader's profile, and how many leaders list it. */
  public record TopicView(String name, long leaders) {}

  public record ReasonView(String code, String text, int points) {
    static ReasonView of(Reason reason) {
      return new ReasonView(reason.code(), reason.text(), reason.points());
    }
  }

  /** A suggested leader: who, where, the score and every reason behind it. */
  public record LeaderView(
      UUID id,
      String displayName,
      UUID divisionId,
      String divisionName,
      int level,
      String timeZone,
      List<String> topics) {
    static LeaderView of(LeaderCard card) {
      return new LeaderView(
          card.id(),
          card.displayName(),
          card.divisionId(),
          card.divisionName(),
          card.level(),
          card.zone().getId(),
          card.topics().stream().sorted().toList());
    }
  }

  public record RecommendationView(LeaderView leader, int score, List<ReasonView> reasons) {
    static RecommendationView of(Match match) {
      return new RecommendationView(
          LeaderView.of(match.leader()),
          match.score(),
          match.reasons().stream().map(ReasonView::of).toList());
    }
  }

  public record NewCohort(
      @NotBlank(message = "give the round a name")
          @Size(max = 200, message = "at most 200 characters")
          String name,
      List<@NotNull UUID> employeeIds,
      List<@NotNull UUID> divisionIds,
      @Min(value = 1, message = "at least 1") @Max(value = 10, message = "at most 10")
          int introsPerEmployee) {}

  public record Progress(int done, int total) {}

  /** A leader a finished cohort round introduced the employee to. */
  public record IntroductionView(
      UUID roundId, String roundName, PersonRef leader, int score, List<String> reasons) {}

  public record CohortView(
      UUID id,
      String name,
      CohortStatus status,
      int introsPerEmployee,
      int employees,
      Progress progress,
      int matched,
      int unmatched,
      long totalScore,
      Long greedyScore,
      String error,
      Instant createdAt,
      Instant startedAt,
      Instant finishedAt) {}

  /** Who a round introduced to whom; the score and reasons are the employee's alone. */
  public record CohortMatchView(
      UUID employeeId, PersonRef employee, UUID leaderId, PersonRef leader) {}

  /** How many introductions a round gave one leader. */
  public record LeaderLoad(UUID leaderId, PersonRef leader, int introductions) {}

  /** The spread of a round's match scores; all zero when it made no introduction. */
  public record ScoreDistribution(
      int min, int lowerQuartile, int median, int upperQuartile, int max) {

    static ScoreDistribution of(List<Integer> sorted) {
      if (sorted.isEmpty()) {
        return new ScoreDistribution(0, 0, 0, 0, 0);
      }
      return new ScoreDistribution(
          sorted.get(0),
          quantile(sorted, 1, 4),
          quantile(sorted, 1, 2),
          quantile(sorted, 3, 4),
          sorted.get(sorted.size() - 1));
    }

    /** The nearest-rank quantile {@code p/q} of ascending values. */
    private static int quantile(List<Integer> sorted, int p, int q) {
      int rank = (int) Math.ceil((double) p * sorted.size() / q);
      return sorted.get(Math.max(0, rank - 1));
    }
  }

  /**
   * A finished round as HR reads it: coverage (employees given at least one introduction), the
   * spread of scores and each leader's load, with nobody's reasons.
   */
  public record CohortOutcome(
      UUID roundId,
      int employees,
      int introduced,
      double coverage,
      int introductions,
      ScoreDistribution scores,
      List<LeaderLoad> leaders) {

    static CohortOutcome of(
        UUID roundId,
        int employees,
        int introduced,
        List<Integer> sortedScores,
        List<LeaderLoad> leaders) {
      double coverage = employees == 0 ? 0 : Math.round(1000.0 * introduced / employees) / 1000.0;
      return new CohortOutcome(
          roundId,
          employees,
          introduced,
          coverage,
          sortedScores.size(),
          ScoreDistribution.of(sortedScores),
          List.copyOf(leaders));
    }
  }
}
