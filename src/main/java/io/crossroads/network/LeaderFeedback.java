package io.crossroads.network;

import io.crossroads.interviews.Interview;
import io.crossroads.interviews.InterviewStatus;
import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Refusal;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a leader says after a held interview (DESIGN rule 10): the strengths they saw, a note for
 * the employee, and whether they flag the employee for the talent pool. HR sees a flag only while
 * the employee consents; the note never reaches HR.
 */
@Entity
@Table(name = "leader_feedback")
public class LeaderFeedback {

  public static final int MAX_STRENGTHS = 8;
  public static final int MAX_STRENGTH_LENGTH = 60;

  @Id private UUID interviewId;
  private UUID leaderId;
  private UUID employeeId;
  private boolean talentPool;
  private String strengths;
  private String note;
  private Instant givenAt;

  protected LeaderFeedback() {}

  /** The leader of a held interview gives feedback, once. */
  static LeaderFeedback give(
      UUID by,
      Interview interview,
      boolean talentPool,
      List<String> strengths,
      String note,
      Instant now) {
    if (!interview.leaderId().equals(by)) {
      throw Refusal.forbidden("The leader of the interview gives the feedback.");
    }
    if (interview.status() != InterviewStatus.HELD) {
      throw new Refusal(
          ProblemType.NOT_YET_HELD, "Give feedback once the interview is marked as held.");
    }
    List<String> clean =
        strengths == null
            ? List.of()
            : strengths.stream()
                .filter(s -> s != null && !s.isBlank())
                .map(String::strip)
                .distinct()
                .toList();
    if (clean.size() > MAX_STRENGTHS) {
      throw Refusal.invalid("strengths", "at most " + MAX_STRENGTHS + " strengths");
    }
    if (clean.stream().anyMatch(s -> s.length() > MAX_STRENGTH_LENGTH || s.contains(";"))) {
      throw Refusal.invalid(
          "strengths", "each at most " + MAX_STRENGTH_LENGTH + " characters, without ';'");
    }
    if (talentPool && clean.isEmpty()) {
      throw Refusal.invalid("strengths", "name the strengths that make you flag this person");
    }
    LeaderFeedback feedback = new LeaderFeedback();
    feedback.interviewId = interview.id();
    feedback.leaderId = by;
    feedback.employeeId = interview.employeeId();
    feedback.talentPool = talentPool;
    feedback.strengths = String.join(";", clean);
    feedback.note = note == null || note.isBlank() ? null : note.strip();
    feedback.givenAt = now;
    return feedback;
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

  public boolean talentPool() {
    return talentPool;
  }

  public List<String> strengths() {
    return strengths.isEmpty()
        ? List.of()
        : Arrays.stream(strengths.split(";")).collect(Collectors.toUnmodifiableList());
  }

  public String note() {
    return note;
  }

  public Instant givenAt() {
    return givenAt;
  }
}
