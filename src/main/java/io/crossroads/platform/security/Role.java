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

  /** The roles among {@code names} (enum constants or their names), EMPLOYEE always. */
  public static java.util.Set<Role> only(java.util.Collection<?> names) {
    java.util.Set<Role> roles = java.util.EnumSet.of(EMPLOYEE);
    for (Object name : names) {
      for (Role role : values()) {
        if (role == name || role.name().equals(String.valueOf(name))) {
          roles.add(role);
        }
      }
    }
    return roles;
  }
}
