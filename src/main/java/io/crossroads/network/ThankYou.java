package io.crossroads.network;

import io.crossroads.interviews.Interview;
import io.crossroads.interviews.InterviewStatus;
import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Refusal;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** The employee's thanks after an interview (DESIGN rule 8), once, with when it was sent. */
@Entity
@Table(name = "thank_you")
public class ThankYou {

  /** Thanks within this long of the interview's end count as on time. */
  public static final Duration ON_TIME = Duration.ofHours(48);

  /**
   * How long after the interview's end the employee is asked for thanks: reminded, and shown it on
   * their home. Later thanks are still welcome, but nobody nags about them.
   */
  public static final Duration ASKED_FOR = Duration.ofDays(7);

  @Id private UUID interviewId;
  private UUID employeeId;
  private UUID leaderId;
  private String message;
  private Instant interviewEndedAt;
  private Instant sentAt;

  protected ThankYou() {}

  private ThankYou(Interview interview, String message, Instant now) {
    this.interviewId = interview.id();
    this.employeeId = interview.employeeId();
    this.leaderId = interview.leaderId();
    this.message = message.strip();
    this.interviewEndedAt = interview.end();
    this.sentAt = now;
  }

  /** The employee thanks the leader of a held interview; the leader cannot thank themselves. */
  static ThankYou send(UUID by, Interview interview, String message, Instant now) {
    if (!interview.employeeId().equals(by)) {
      throw Refusal.forbidden("The employee thanks the leader; the leader has nobody to thank.");
    }
    if (interview.status() != InterviewStatus.HELD) {
      throw new Refusal(
          ProblemType.NOT_YET_HELD, "Thank the leader once the interview is marked as held.");
    }
    if (message == null || message.isBlank()) {
      throw Refusal.invalid("message", "a few words of thanks");
    }
    return new ThankYou(interview, message, now);
  }

  /** Whether the thanks came within 48 hours of the interview's end. */
  public boolean onTime() {
    return !sentAt.isAfter(interviewEndedAt.plus(ON_TIME));
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

  public String message() {
    return message;
  }

  public Instant sentAt() {
    return sentAt;
  }
}
