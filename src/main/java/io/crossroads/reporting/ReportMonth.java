package io.crossroads.reporting;

import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Refusal;
import io.crossroads.program.BusinessDays;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The calendar of the monthly report (docs/METRICS.md, "Monthly report"): which months may be asked
 * for, and on which day the previous month's report is mailed. Days are UTC days.
 */
final class ReportMonth {

  private static final Pattern YYYY_MM = Pattern.compile("\\d{4}-\\d{2}");

  private ReportMonth() {}

  /** {@code YYYY-MM}; anything else is refused, naming the field {@code month}. */
  static YearMonth parse(String value) {
    if (value == null || !YYYY_MM.matcher(value.strip()).matches()) {
      throw Refusal.invalid("month", "a month such as 2026-10");
    }
    try {
      YearMonth month = YearMonth.parse(value.strip());
      if (month.getYear() < ReportFilter.FIRST_DAY.getYear() + 2) {
        throw Refusal.invalid("month", "a month from " + (ReportFilter.FIRST_DAY.getYear() + 2));
      }
      return month;
    } catch (DateTimeParseException e) {
      throw Refusal.invalid("month", "a month such as 2026-10");
    }
  }

  /** The month, if it has ended by {@code today}; the current month and later ones are refused. */
  static YearMonth ended(YearMonth month, LocalDate today) {
    if (!month.isBefore(YearMonth.from(today))) {
      throw new Refusal(
          ProblemType.MONTH_NOT_OVER,
          "The report for " + month + " can be read once the month is over.");
    }
    return month;
  }

  /** The month's first business day, if it has one (a month of holidays has none). */
  static Optional<LocalDate> firstBusinessDay(YearMonth month, BusinessDays days) {
    for (LocalDate day = month.atDay(1);
        !day.isAfter(month.atEndOfMonth());
        day = day.plusDays(1)) {
      if (days.isBusinessDay(day)) {
        return Optional.of(day);
      }
    }
    return Optional.empty();
  }

  /**
   * The month whose report is mailed on {@code today}: the previous one, on the first business day.
   */
  static Optional<YearMonth> toMail(LocalDate today, BusinessDays days) {
    YearMonth current = YearMonth.from(today);
    return firstBusinessDay(current, days)
        .filter(today::equals)
        .map(first -> current.minusMonths(1));
  }
}
