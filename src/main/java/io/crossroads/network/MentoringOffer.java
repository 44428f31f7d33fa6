package io.crossroads.network;

import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Refusal;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A leader's offer of ongoing mentoring after an interview (DESIGN rule 11): nothing assumes it;
 * the employee accepts or declines, once.
 */
@Entity
@Table(name = "mentoring_offer")
public class MentoringOffer {

  /** The employee's answer. */
  public enum Answer {
    ACCEPTED,
    DECLINED
  }

  @Id private UUID interviewId;
  private UUID leaderId;
  private UUID employeeId;
  private Instant offeredAt;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Answer answer;

  private Instant answeredAt;

  protected MentoringOffer() {}

  MentoringOffer(UUID interviewId, UUID leaderId, UUID employeeId, Instant now) {
    this.interviewId = interviewId;
    this.leaderId = leaderId;
    this.employeeId = employeeId;
    this.offeredAt = now;
  }

  void answer(UUID by, boolean accepted, Instant now) {
    if (!employeeId.equals(by)) {
      throw Refusal.forbidden("The employee answers an offer of mentoring.");
    }
    if (answer != null) {
      throw new Refusal(
          ProblemType.MENTORING_ANSWERED, "You answered this offer already: " + answer + ".");
    }
    answer = accepted ? Answer.ACCEPTED : Answer.DECLINED;
    answeredAt = now;
  }

  public UUID interviewId() {
    return interviewId;
  }

  public UUID leaderId() {
    return leaderId;
  }

  public UUID employeeId() {
    return employeeId;
  }

  public Instant offeredAt() {
    return offeredAt;
  }

  public Answer answer() {
    return answer;
  }

  public Instant answeredAt() {
    return answeredAt;
  }
}
