package io.crossroads.reporting;

import io.crossroads.platform.problem.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The period (both days included, read in UTC) and the division a report is asked for; checked here
 * once for every report (docs/METRICS.md, "Common rules").
 */
public record ReportFilter(LocalDate from, LocalDate to, UUID divisionId) {

  static final long LONGEST_DAYS = 1827;

  /** The earliest and latest days a report may be asked about. */
  static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);

  static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 30);

  /** The latest month a report may cover: the last whose end is a day that may be asked about. */
  static final YearMonth LAST_MONTH = YearMonth.of(9999, 11);

  public ReportFilter {
    if (from.isAfter(to)) {
      throw Refusal.invalid("from", "on or before to");
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > LONGEST_DAYS) {
      throw Refusal.invalid("from", "at most " + LONGEST_DAYS + " days before to");
    }
  }

  /**
   * A report's period from query parameters: whole calendar months (docs/METRICS.md, "Period"), so
   * that two reads cannot differ by a day. {@code from} is the first day of a month or a month
   * ({@code 2026-03}), {@code to} the last day of a month or a month; {@code to} defaults to this
   * month, {@code from} to the eleventh month before {@code to}'s (twelve months in all).
   */
  public static ReportFilter of(String from, String to, String divisionId, LocalDate today) {
    YearMonth last = month("to", to, YearMonth.from(today), false);
    YearMonth first = month("from", from, last.minusMonths(11), true);
    return new ReportFilter(first.atDay(1), last.atEndOfMonth(), division(divisionId));
  }

  /**
   * Any days, for the audit (which reports no figures): {@code to} defaults to today, {@code from}
   * to 364 days before it; a month stands for its first or last day.
   */
  public static ReportFilter days(String from, String to, LocalDate today) {
    LocalDate end = day("to", to, today, false);
    LocalDate start = day("from", from, end.minusDays(364), true);
    return new ReportFilter(start, end, null);
  }

  /**
   * The latest twelve months whose participants can all be followed for 12 months by {@code
   * lastDay}: ending with the last month that ended 12 months or more before it. Mobility's
   * default.
   */
  public static ReportFilter followable(LocalDate lastDay) {
    LocalDate limit = lastDay.minusMonths(12);
    YearMonth end = YearMonth.from(limit);
    if (end.atEndOfMonth().isAfter(limit)) {
      end = end.minusMonths(1);
    }
    return new ReportFilter(end.minusMonths(11).atDay(1), end.atEndOfMonth(), null);
  }

  /** A whole calendar month. */
  public static ReportFilter month(YearMonth month) {
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

  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

  /** A whole month: a month, or its first ({@code from}) or last ({@code to}) day. */
  private static YearMonth month(String name, String value, YearMonth absent, boolean first) {
    if (value == null || value.isBlank()) {
      return absent;
    }
    LocalDate day = day(name, value, null, first);
    if (first ? day.getDayOfMonth() != 1 : !day.equals(YearMonth.from(day).atEndOfMonth())) {
      throw Refusal.invalid(
          name,
          first
              ? "the first day of a month, such as 2026-03-01, or a month, such as 2026-03"
              : "the last day of a month, such as 2026-03-31, or a month, such as 2026-03");
    }
    if (YearMonth.from(day).isAfter(LAST_MONTH)) {
      throw Refusal.invalid(name, "a month from 1906-01 to " + LAST_MONTH);
    }
    return YearMonth.from(day);
  }

  private static LocalDate day(String name, String value, LocalDate absent, boolean first) {
    if (value == null || value.isBlank()) {
      return absent;
    }
    String text = value.strip();
    LocalDate day;
    try {
      if (MONTH.matcher(text).matches()) {
        YearMonth month = YearMonth.parse(text);
        day = first ? month.atDay(1) : month.atEndOfMonth();
      } else {
        day = LocalDate.parse(text);
      }
    } catch (DateTimeParseException e) {
      throw Refusal.invalid(name, "a day such as 2026-03-09 or a month such as 2026-03");
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
