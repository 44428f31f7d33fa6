package io.crossroads.network;

import io.crossroads.interviews.Interview;
import io.crossroads.interviews.InterviewStatus;
import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Refusal;
import io.crossroads.program.Eligibility;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One of the "two more names" a leader gives at the end of an interview (DESIGN rule 7): someone
 * the employee may ask next. A referral given in an interview that itself came from a referral is
 * one link further down the chain ({@code depth}).
 */
@Entity
@Table(name = "referral")
public class Referral {

  public static final int MAX_PER_INTERVIEW = 3;

  @Id private UUID id;
  private UUID interviewId;
  private UUID referrerId;
  private UUID employeeId;
  private UUID referredId;
  private boolean mayUseName;
  private String note;
  private int depth;
  private UUID cameFrom;
  private int position;
  private Instant createdAt;

  protected Referral() {}

  /** A person named, as the policy sees them, with whether the leader's name may be used. */
  record Named(Eligibility.Leader person, boolean mayUseName, String note) {}

  /** Only the leader of an interview names people to talk to next. */
  static void requireGiver(UUID by, Interview interview) {
    if (!interview.leaderId().equals(by)) {
      throw Refusal.forbidden("The leader of the interview names the people to talk to next.");
    }
  }

  /**
   * The leader of a held interview names 1–3 people the employee may ask next; each must be someone
   * the program lets the employee be put together with. All are refused if one is.
   */
  static List<Referral> give(
      UUID by,
      Interview interview,
      Eligibility policy,
      Eligibility.Employee employee,
      List<Named> names,
      Referral cameFrom,
      Instant now) {
    requireGiver(by, interview);
    if (interview.status() != InterviewStatus.HELD) {
      throw new Refusal(
          ProblemType.NOT_YET_HELD, "Name people to talk to once the interview is marked as held.");
    }
    if (names.isEmpty() || names.size() > MAX_PER_INTERVIEW) {
      throw Refusal.invalid("referrals", "name 1 to " + MAX_PER_INTERVIEW + " people");
    }
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      Eligibility.Leader person = names.get(i).person();
      if (person.id().equals(by)) {
        throw Refusal.invalid("referrals[" + i + "].personId", "name someone other than yourself");
      }
      if (!seen.add(person.id())) {
        throw Refusal.invalid("referrals[" + i + "].personId", "each person once");
      }
      try {
        policy.requirePair(employee, person);
      } catch (Refusal refused) {
        throw refused.at("referrals[" + i + "].personId");
      }
    }
    List<Referral> given = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      Named named = names.get(i);
      given.add(
          new Referral(
              interview.id(),
              by,
              interview.employeeId(),
              named.person().id(),
              named.mayUseName(),
              named.note(),
              cameFrom,
              i,
              now));
    }
    return given;
  }

  Referral(
      UUID interviewId,
      UUID referrerId,
      UUID employeeId,
      UUID referredId,
      boolean mayUseName,
      String note,
      Referral cameFrom,
      int position,
      Instant now) {
    this.id = UUID.randomUUID();
    this.interviewId = interviewId;
    this.referrerId = referrerId;
    this.employeeId = employeeId;
    this.referredId = referredId;
    this.mayUseName = mayUseName;
    this.note = note == null || note.isBlank() ? null : note.strip();
    this.depth = cameFrom == null ? 1 : cameFrom.depth + 1;
    this.cameFrom = cameFrom == null ? null : cameFrom.id;
    this.position = position;
    this.createdAt = now;
  }

  public UUID id() {
    return id;
  }

  public UUID interviewId() {
    return interviewId;
  }

  public UUID referrerId() {
    return referrerId;
  }

  public UUID employeeId() {
    return employeeId;
  }

  public UUID referredId() {
    return referredId;
  }

  public boolean mayUseName() {
    return mayUseName;
  }

  public String note() {
    return note;
  }

  public int depth() {
    return depth;
  }

  public UUID cameFrom() {
    return cameFrom;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
