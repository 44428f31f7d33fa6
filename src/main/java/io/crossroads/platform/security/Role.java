package io.crossroads.platform.security;

/** What a person may do in the program. Everyone is an employee; some are leaders; a few are HR. */
public enum Role {
  EMPLOYEE,
  LEADER,
  HR;

  public static final String EMPLOYEE_NAME = "EMPLOYEE";
  public static final String LEADER_NAME = "LEADER";
  public static final String HR_NAME = "HR";
}
