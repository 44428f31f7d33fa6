package io.crossroads.matching;

import java.time.Period;

/**
 * The program's matching rules: how many grades above the employee a leader may be, and how long
 * after a held interview the same pair is not suggested again.
 */
public record MatchRules(int maxLevelGap, Period repeatWindow) {

  public static final MatchRules DEFAULT = new MatchRules(3, Period.ofMonths(6));

  public MatchRules {
    if (maxLevelGap < 0 || repeatWindow.isNegative()) {
      throw new IllegalArgumentException("maxLevelGap >= 0 and a non-negative repeat window");
    }
  }
}
