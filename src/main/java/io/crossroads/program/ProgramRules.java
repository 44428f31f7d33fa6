package io.crossroads.program;

import io.crossroads.platform.problem.Problem.FieldError;
import io.crossroads.platform.problem.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The program's rules, one object (DESIGN "Respect their time", "Pick the right person", rule 5):
 * meeting lengths, caps and limits, the follow-up policy, the level band and repeat window, the
 * keep-in-touch cadence and the company's holidays. Every value is checked when the rules are made,
 * and an invalid one is refused naming its field, all fields at once.
 */
public record ProgramRules(
    List<Integer> lengths,
    int defaultLength,
    int defaultMonthlyCap,
    int maxOpenRequests,
    int maxRequestsPerMonth,
    int maxFollowUps,
    int followUpBusinessDays,
    int expiryBusinessDays,
    int maxLevelGap,
    int repeatWindowMonths,
    int keepInTouchDays,
    List<LocalDate> holidays) {

  public static final int MIN_LENGTH = 5;
  public static final int MAX_LENGTH = 120;
  public static final int MAX_LENGTHS = 6;
  public static final int MAX_MONTHLY_CAP = 40;
  public static final int MAX_HOLIDAYS = 400;

  /** DESIGN.md's defaults. */
  public static final ProgramRules DEFAULT =
      new ProgramRules(List.of(15, 20, 30), 20, 4, 3, 6, 2, 5, 5, 3, 6, 30, List.of());

  public ProgramRules {
    List<FieldError> errors = new ArrayList<>();
    if (lengths == null || lengths.isEmpty() || lengths.size() > MAX_LENGTHS) {
      errors.add(new FieldError("lengths", "allow 1 to " + MAX_LENGTHS + " meeting lengths"));
    } else if (lengths.stream()
        .anyMatch(l -> l == null || l < MIN_LENGTH || l > MAX_LENGTH || l % 5 != 0)) {
      errors.add(
          new FieldError(
              "lengths",
              "each length is " + MIN_LENGTH + " to " + MAX_LENGTH + " minutes, in steps of 5"));
    } else if (!lengths.contains(defaultLength)) {
      errors.add(new FieldError("defaultLength", "must be one of the allowed lengths " + lengths));
    }
    range(errors, "defaultMonthlyCap", defaultMonthlyCap, 0, MAX_MONTHLY_CAP);
    range(errors, "maxOpenRequests", maxOpenRequests, 1, 20);
    range(errors, "maxRequestsPerMonth", maxRequestsPerMonth, 1, 60);
    range(errors, "maxFollowUps", maxFollowUps, 0, 5);
    range(errors, "followUpBusinessDays", followUpBusinessDays, 1, 30);
    range(errors, "expiryBusinessDays", expiryBusinessDays, 1, 30);
    range(errors, "maxLevelGap", maxLevelGap, 0, 11);
    range(errors, "repeatWindowMonths", repeatWindowMonths, 0, 36);
    range(errors, "keepInTouchDays", keepInTouchDays, 7, 365);
    if (holidays == null
        || holidays.size() > MAX_HOLIDAYS
        || holidays.stream().anyMatch(Objects::isNull)) {
      errors.add(new FieldError("holidays", "at most " + MAX_HOLIDAYS + " dates"));
    }
    if (!errors.isEmpty()) {
      throw Refusal.invalid(errors);
    }
    lengths = List.copyOf(new TreeSet<>(lengths));
    holidays = List.copyOf(new TreeSet<>(holidays));
  }

  private static void range(List<FieldError> errors, String field, int value, int min, int max) {
    if (value < min || value > max) {
      errors.add(new FieldError(field, "must be " + min + " to " + max));
    }
  }

  /** Whether interviews of this many minutes are allowed. */
  public boolean allowsLength(int minutes) {
    return lengths.contains(minutes);
  }

  public Set<Integer> lengthSet() {
    return new TreeSet<>(lengths);
  }

  public FollowUpPolicy followUpPolicy() {
    return new FollowUpPolicy(maxFollowUps, followUpBusinessDays, expiryBusinessDays, calendar());
  }

  /** The company's business days: weekdays that are not one of its holidays. */
  public BusinessDays calendar() {
    return new BusinessDays(Set.copyOf(holidays));
  }

  /** Who may ask whom, with this level band. */
  public Eligibility eligibility() {
    return new Eligibility(maxLevelGap, repeatWindowMonths);
  }

  public Period repeatWindow() {
    return Period.ofMonths(repeatWindowMonths);
  }

  /** Interviews held since this instant keep a pair from meeting again. */
  public Instant repeatWindowStart(Instant now) {
    return now.atZone(ZoneOffset.UTC).minus(repeatWindow()).toInstant();
  }
}
