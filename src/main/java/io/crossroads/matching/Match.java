package io.crossroads.matching;

import java.util.List;
import java.util.UUID;

/** A leader suggested to an employee, with the score and every reason behind it. */
public record Match(UUID employeeId, LeaderCard leader, int score, List<Reason> reasons) {

  public Match {
    reasons = List.copyOf(reasons);
  }

  /** The same match with one more reason, e.g. open slots found after ranking. */
  public Match with(Reason reason) {
    List<Reason> more = new java.util.ArrayList<>(reasons);
    more.add(reason);
    return new Match(employeeId, leader, score + reason.points(), more);
  }
}
