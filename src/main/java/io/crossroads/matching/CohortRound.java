package io.crossroads.matching;

import io.crossroads.matching.MatchingViews.CohortView;
import io.crossroads.matching.MatchingViews.Progress;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A cohort matching round. Its row is the round's durable state: which attempt owns it, how far
 * that attempt got (and when it last said so), and the result. An attempt that stops sending
 * heartbeats loses the round to the next instance that looks.
 */
@Entity
@Table(name = "cohort_round")
public class CohortRound {

  @Id private UUID id;
  private String name;
  private int introsPerEmployee;

  @Enumerated(EnumType.STRING)
  private CohortStatus status;

  private int progressDone;
  private int progressTotal;
  private int matched;
  private int unmatched;
  private long totalScore;
  private long greedyScore;
  private String error;
  private UUID createdBy;
  private Instant createdAt;
  private Instant startedAt;
  private Instant finishedAt;
  private Instant heartbeatAt;
  private String claimedBy;
  private int attempt;
  @Version private long version;

  protected CohortRound() {}

  public CohortRound(
      UUID id, String name, int introsPerEmployee, int employees, UUID createdBy, Instant now) {
    this.id = Objects.requireNonNull(id);
    this.name = name.strip();
    this.introsPerEmployee = introsPerEmployee;
    this.status = CohortStatus.QUEUED;
    this.progressTotal = 3 * employees;
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  public UUID id() {
    return id;
  }

  public CohortStatus status() {
    return status;
  }

  public int introsPerEmployee() {
    return introsPerEmployee;
  }

  public int attempt() {
    return attempt;
  }

  public CohortView view(int employees) {
    return view(employees, matched, unmatched, totalScore, greedyScore);
  }

  /** The round with figures worked out over some of its members only, without its greedy one. */
  public CohortView view(int employees, int matched, int unmatched, long totalScore) {
    return view(employees, matched, unmatched, totalScore, null);
  }

  private CohortView view(
      int employees, int matched, int unmatched, long totalScore, Long greedyScore) {
    return new CohortView(
        id,
        name,
        status,
        introsPerEmployee,
        employees,
        new Progress(progressDone, progressTotal),
        matched,
        unmatched,
        totalScore,
        greedyScore,
        error,
        createdAt,
        startedAt,
        finishedAt);
  }
}
