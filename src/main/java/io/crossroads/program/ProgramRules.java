package io.crossroads.program;

import io.crossroads.matching.MatchRules;
import io.crossroads.requests.BusinessDays;
import io.crossroads.requests.FollowUpPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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

  @Inject
  @ConfigProperty(name = "crossroads.program.max-level-gap", defaultValue = "3")
  int maxLevelGap;

  @Inject
  @ConfigProperty(name = "crossroads.program.repeat-window", defaultValue = "P6M")
  String repeatWindow;

  /** Company holidays, which do not count as business days (dates, comma-separated). */
  @Inject
  @ConfigProperty(name = "crossroads.program.holidays")
  Optional<String> holidays;

  /** Follow-ups allowed and the business days between attempts (and before expiry). */
  public FollowUpPolicy followUpPolicy() {
    return new FollowUpPolicy(maxFollowUps, followUpBusinessDays, new BusinessDays(holidayDates()));
  }

  private Set<LocalDate> holidayDates() {
    return Arrays.stream(holidays.orElse("").split(","))
        .map(String::strip)
        .filter(date -> !date.isEmpty())
        .map(LocalDate::parse)
        .collect(Collectors.toSet());
  }

  /** Who may be suggested to whom: the level band and the window before a pair meets again. */
  public MatchRules matchRules() {
    return new MatchRules(maxLevelGap, Period.parse(repeatWindow));
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
