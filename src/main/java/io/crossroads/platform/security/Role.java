package io.crossroads.platform.security;

import java.util.ArrayList;
import java.util.List;

/** What a person may do in the program. Everyone is an employee; some are leaders; a few are HR. */
public enum Role {
  EMPLOYEE,
  LEADER,
  HR;

  /** The roles of a person, in this order: everyone's, then a leader's, then HR's. */
  public static List<Role> of(boolean leader, boolean hr) {
    List<Role> roles = new ArrayList<>(List.of(EMPLOYEE));
    if (leader) {
      roles.add(LEADER);
    }
    if (hr) {
      roles.add(HR);
    }
    return List.copyOf(roles);
  }
}
