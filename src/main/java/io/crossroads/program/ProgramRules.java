package io.crossroads.program;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The program's limits on employees, from configuration, with DESIGN.md's defaults. */
@ApplicationScoped
public class ProgramRules {

  @Inject
  @ConfigProperty(name = "crossroads.program.max-open-requests", defaultValue = "3")
  int maxOpenRequests;

  @Inject
  @ConfigProperty(name = "crossroads.program.max-requests-per-month", defaultValue = "6")
  int maxRequestsPerMonth;

  @Inject
  @ConfigProperty(name = "crossroads.program.max-follow-ups", defaultValue = "2")
  int maxFollowUps;

  @Inject
  @ConfigProperty(name = "crossroads.program.follow-up-business-days", defaultValue = "5")
  int followUpBusinessDays;

  /** Follow-ups allowed and the business days between attempts (and before expiry). */
  public io.crossroads.requests.FollowUpPolicy followUpPolicy() {
    return new io.crossroads.requests.FollowUpPolicy(maxFollowUps, followUpBusinessDays);
  }

  /** Requests an employee may have waiting for an answer at once. */
  public int maxOpenRequests() {
    return maxOpenRequests;
  }

  /** Requests an employee may send in one calendar month of their own time zone. */
  public int maxRequestsPerMonth() {
    return maxRequestsPerMonth;
  }
}
