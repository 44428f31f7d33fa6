package io.crossroads.reporting;

import io.crossroads.platform.problem.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The period (both days included, read in UTC) and the division a report is asked for; checked here
 * once for every report (docs/METRICS.md, "Common rules").
 */
public record ReportFilter(LocalDate from, LocalDate to, UUID divisionId) {

  static final long LONGEST_DAYS = 1827;

  /** The earliest and latest days a report may be asked about. */
  static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);

  static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 30);

  public ReportFilter {
    if (from.isAfter(to)) {
      throw Refusal.invalid("from", "on or before to");
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > LONGEST_DAYS) {
      throw Refusal.invalid("from", "at most " + LONGEST_DAYS + " days before to");
    }
  }

  /** From query parameters: {@code to} defaults to today, {@code from} to a year before it. */
  public static ReportFilter of(String from, String to, String divisionId, LocalDate today) {
    LocalDate end = day("to", to, today);
    LocalDate start = day("from", from, end.minusDays(364));
    return new ReportFilter(start, end, division(divisionId));
  }

  /**
   * The latest year whose participants can all be followed for 12 months by {@code lastDay}: the
   * year ending 12 months before it. Mobility's default.
   */
  public static ReportFilter followable(LocalDate lastDay) {
    LocalDate end = lastDay.minusMonths(12);
    return new ReportFilter(end.minusDays(364), end, null);
  }

  /** A whole calendar month. */
  public static ReportFilter month(java.time.YearMonth month) {
    return new ReportFilter(month.atDay(1), month.atEndOfMonth(), null);
  }

  /** The first instant of the period. */
  public Instant start() {
    return from.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The first instant after the period. */
  public Instant end() {
    return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The filters as a query string, for the audit. */
  String describe() {
    return "from=" + from + "&to=" + to + (divisionId == null ? "" : "&divisionId=" + divisionId);
  }

  private static LocalDate day(String name, String value, LocalDate absent) {
    if (value == null || value.isBlank()) {
      return absent;
    }
    LocalDate day;
    try {
      day = LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw Refusal.invalid(name, "a day such as 2026-03-09");
    }
    if (day.isBefore(FIRST_DAY.plusYears(6)) || day.isAfter(LAST_DAY)) {
      throw Refusal.invalid(name, "a day from 1906-01-01 to 9999-12-30");
    }
    return day;
  }

  private static UUID division(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("divisionId", "a division id");
    }
  }
}
