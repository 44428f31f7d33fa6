package io.crossroads.program;

import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Refusal;
import java.util.Set;
import java.util.UUID;

/**
 * Who may ask whom: the program's one rule on which leader an employee may ask for an informational
 * interview (DESIGN rule 2 and the privacy rules). Every path asks it, and nothing else decides it.
 *
 * <p>Two questions: {@link #ask} — may the employee ask this leader now (sending a request,
 * redirecting one, recommendations, cohort rounds): the pair, and the leader accepts requests, has
 * a place left, was not met within the repeat window and has no request of the employee open
 * already; and {@link #pair} — may these two people be put together at all (countering and
 * accepting, since the directory may have changed since the request was sent, and referrals, which
 * are about whom to ask later): not oneself, another division, outside the employee's management
 * chain, within the level band.
 */
public record Eligibility(int maxLevelGap, int repeatWindowMonths) {

  /** The employee's side, as far as the rule needs it. */
  public interface Employee {
    UUID id();

    UUID divisionId();

    int level();

    /** Everyone who manages the employee, directly or further up. */
    Set<UUID> managementChain();

    /** Leaders the employee met within the repeat window, or is about to meet. */
    Set<UUID> recentlyMet();

    /** Leaders with a request of the employee's (or an introduction) open. */
    Set<UUID> waitingOn();
  }

  /** The leader's side. */
  public interface Leader {
    UUID id();

    String displayName();

    UUID divisionId();

    int level();

    boolean accepting();

    /** Places left under the monthly cap, in the month(s) being asked about. */
    int placesLeft();
  }

  /** An employee's facts as read for one question. */
  public record EmployeeFacts(
      UUID id,
      UUID divisionId,
      int level,
      Set<UUID> managementChain,
      Set<UUID> recentlyMet,
      Set<UUID> waitingOn)
      implements Employee {

    public EmployeeFacts {
      managementChain = Set.copyOf(managementChain);
      recentlyMet = Set.copyOf(recentlyMet);
      waitingOn = Set.copyOf(waitingOn);
    }
  }

  /** A leader's facts as read for one question. */
  public record LeaderFacts(
      UUID id, String displayName, UUID divisionId, int level, boolean accepting, int placesLeft)
      implements Leader {}

  /** The answer: eligible, or the one reason why not. */
  public enum Verdict {
    ELIGIBLE(null),
    SELF(ProblemType.SELF_REQUEST),
    SAME_DIVISION(ProblemType.SAME_DIVISION),
    OWN_MANAGEMENT_CHAIN(ProblemType.OWN_MANAGEMENT_CHAIN),
    ABOVE_LEVEL_BAND(ProblemType.ABOVE_LEVEL_BAND),
    NOT_ACCEPTING(ProblemType.NOT_ACCEPTING_REQUESTS),
    NO_PLACE_LEFT(ProblemType.CAP_REACHED),
    MET_RECENTLY(ProblemType.MET_RECENTLY),
    ALREADY_WAITING(ProblemType.ALREADY_REQUESTED);

    private final ProblemType problem;

    Verdict(ProblemType problem) {
      this.problem = problem;
    }

    public boolean eligible() {
      return this == ELIGIBLE;
    }

    /** The problem type a refusal carries; none when eligible. */
    public ProblemType problem() {
      return problem;
    }
  }

  /** DESIGN.md's defaults: at most 3 levels above, not again within 6 months. */
  public static final Eligibility DEFAULT = new Eligibility(3, 6);

  public Eligibility {
    if (maxLevelGap < 0 || repeatWindowMonths < 0) {
      throw new IllegalArgumentException("maxLevelGap and repeatWindowMonths >= 0");
    }
  }

  /** Whether the two may be put together at all, whatever their calendars. */
  public Verdict pair(Employee employee, Leader leader) {
    if (employee.id().equals(leader.id())) {
      return Verdict.SELF;
    }
    if (employee.divisionId().equals(leader.divisionId())) {
      return Verdict.SAME_DIVISION;
    }
    if (employee.managementChain().contains(leader.id())) {
      return Verdict.OWN_MANAGEMENT_CHAIN;
    }
    if (leader.level() > highestLevelFor(employee.level())) {
      return Verdict.ABOVE_LEVEL_BAND;
    }
    return Verdict.ELIGIBLE;
  }

  /** Whether the employee may ask the leader now: a new request, redirect or introduction. */
  public Verdict ask(Employee employee, Leader leader) {
    Verdict pair = pair(employee, leader);
    if (!pair.eligible()) {
      return pair;
    }
    if (!leader.accepting()) {
      return Verdict.NOT_ACCEPTING;
    }
    if (leader.placesLeft() <= 0) {
      return Verdict.NO_PLACE_LEFT;
    }
    if (employee.recentlyMet().contains(leader.id())) {
      return Verdict.MET_RECENTLY;
    }
    if (employee.waitingOn().contains(leader.id())) {
      return Verdict.ALREADY_WAITING;
    }
    return Verdict.ELIGIBLE;
  }

  /** The highest level a leader may have to be suggested to an employee of {@code level}. */
  public int highestLevelFor(int level) {
    return level + maxLevelGap;
  }

  /** Refuses with the verdict's problem unless the employee may ask the leader now. */
  public void requireAsk(Employee employee, Leader leader) {
    refuseUnless(ask(employee, leader), leader);
  }

  /**
   * Refuses, to a leader passing the employee's request on to {@code colleague}, unless the
   * employee may ask the colleague now, with one answer whatever the reason: whom the employee has
   * asked or met lately is theirs to know, and any other reason named would give those away by
   * elimination (as the colleagues offered for a redirect leave the others out without one).
   */
  public void requireRedirect(Employee employee, Leader colleague) {
    if (!ask(employee, colleague).eligible()) {
      throw new Refusal(
          ProblemType.REDIRECT_INVALID,
          colleague.displayName() + " cannot take this request; suggest another colleague.");
    }
  }

  /** Refuses with the verdict's problem unless the two may be put together at all. */
  public void requirePair(Employee employee, Leader leader) {
    refuseUnless(pair(employee, leader), leader);
  }

  private void refuseUnless(Verdict verdict, Leader leader) {
    if (!verdict.eligible()) {
      throw new Refusal(verdict.problem(), detail(verdict, leader.displayName()));
    }
  }

  /** What a refusal tells the reader, the employee or a leader passing a request on. */
  String detail(Verdict verdict, String leader) {
    return switch (verdict) {
      case ELIGIBLE -> leader + " may be asked.";
      case SELF -> "Nobody can ask themselves for an informational interview.";
      case SAME_DIVISION ->
          leader + " works in the employee's own division; the program connects divisions.";
      case OWN_MANAGEMENT_CHAIN -> leader + " is in the employee's own management chain.";
      case ABOVE_LEVEL_BAND ->
          leader
              + " is more than "
              + maxLevelGap
              + " levels above the employee, outside the program's level band.";
      case NOT_ACCEPTING -> leader + " is not accepting requests right now.";
      case NO_PLACE_LEFT -> leader + " has no place left under the monthly cap for those times.";
      case MET_RECENTLY ->
          "The employee met "
              + leader
              + " within the last "
              + repeatWindowMonths
              + " months, or is about to: keep in touch instead of asking again.";
      case ALREADY_WAITING -> "A request of the employee to " + leader + " is already open.";
    };
  }
}
