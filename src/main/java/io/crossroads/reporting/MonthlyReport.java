package io.crossroads.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * One ended month's report as a PDF: the pipeline, flows, leaders and mobility reports for the
 * whole company over that calendar month, with their suppression.
 */
@ApplicationScoped
class MonthlyReport {

  /** Mobility's window, as the mobility report's default. */
  static final int MOBILITY_MONTHS = 6;

  @Inject Reports reports;
  @Inject Clock clock;

  /** The PDF for {@code month}; a month that has not ended is refused (month-not-over). */
  byte[] pdf(YearMonth month) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    ReportMonth.ended(month, today);
    ReportFilter filter = ReportFilter.month(month);
    return MonthlyPdf.render(
        new MonthlyPdf.Contents(
            month,
            today,
            reports.pipeline(filter),
            reports.flows(filter),
            reports.leaders(filter),
            reports.mobility(mobilityPeriod(month), MOBILITY_MONTHS)));
  }

  /**
   * The year of first interviews whose participants, and the comparison group, can all be followed
   * for 12 months by the end of {@code month}: the month's own participants cannot be yet.
   */
  static ReportFilter mobilityPeriod(YearMonth month) {
    return ReportFilter.followable(month.atEndOfMonth());
  }
}
