package io.crossroads.requests;

import io.crossroads.program.Eligibility;
import java.util.Set;
import java.util.UUID;

/** Employees and leaders as the program's policy sees them, for the request domain's tests. */
final class Pairs {

  static final UUID FINANCE = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
  static final UUID ENGINEERING = UUID.fromString("00000000-0000-0000-0000-0000000000e1");

  private Pairs() {}

  /** A level-4 employee in Finance, with nobody above them that matters and nothing open. */
  static Eligibility.EmployeeFacts employee(UUID id) {
    return new Eligibility.EmployeeFacts(id, FINANCE, 4, Set.of(), Set.of(), Set.of());
  }

  /** A level-6 leader in Engineering, accepting requests, with places left. */
  static Eligibility.LeaderFacts leader(UUID id) {
    return new Eligibility.LeaderFacts(id, "Leo Martins", ENGINEERING, 6, true, 4);
  }
}
