package io.crossroads.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossroads.platform.problem.Refusal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportFilterTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 17);

  @Test
  void withoutDatesAReportCoversTheTwelveWholeMonthsEndingWithThisOne() {
    ReportFilter filter = ReportFilter.of(null, null, null, TODAY);
    assertThat(filter.from()).isEqualTo(LocalDate.of(2025, 12, 1));
    assertThat(filter.to()).isEqualTo(LocalDate.of(2026, 11, 30));
  }

  @Test
  void monthsAndTheirFirstAndLastDaysAreTheSamePeriod() {
    ReportFilter months = ReportFilter.of("2024-02", "2024-02", null, TODAY);
    ReportFilter days = ReportFilter.of("2024-02-01", "2024-02-29", null, TODAY);
    assertThat(months).isEqualTo(days);
    assertThat(months.to()).isEqualTo(LocalDate.of(2024, 2, 29));
  }

  @Test
  void aDayInsideAMonthIsRefusedSoThatTwoReadsCannotDifferByOneDay() {
    assertRefused(() -> ReportFilter.of("2026-03-02", "2026-05-31", null, TODAY), "from");
    assertRefused(() -> ReportFilter.of("2026-03-01", "2026-05-30", null, TODAY), "to");
    assertRefused(() -> ReportFilter.of("2026-03", "2026-13", null, TODAY), "to");
  }

  @Test
  void aPeriodOfMoreThanSixtyMonthsIsRefused() {
    assertThat(ReportFilter.of("2021-01", "2025-12", null, TODAY).from())
        .isEqualTo(LocalDate.of(2021, 1, 1));
    assertRefused(() -> ReportFilter.of("2020-12", "2025-12", null, TODAY), "from");
  }

  @Test
  void theLastMonthThatCanBeAskedAboutIsNovember9999() {
    assertThat(ReportFilter.of("9999-11", "9999-11", null, TODAY).to())
        .isEqualTo(LocalDate.of(9999, 11, 30));
    assertRefused(() -> ReportFilter.of("9999-11", "9999-12", null, TODAY), "to");
  }

  @Test
  void mobilityByDefaultEndsWithTheLastMonthOverAYearBeforeToday() {
    ReportFilter midMonth = ReportFilter.followable(LocalDate.of(2026, 11, 17));
    assertThat(midMonth.from()).isEqualTo(LocalDate.of(2024, 11, 1));
    assertThat(midMonth.to()).isEqualTo(LocalDate.of(2025, 10, 31));
    ReportFilter monthEnd = ReportFilter.followable(LocalDate.of(2026, 11, 30));
    assertThat(monthEnd.to()).isEqualTo(LocalDate.of(2025, 11, 30));
  }

  @Test
  void theAuditTakesAnyDays() {
    ReportFilter days = ReportFilter.days("2026-03-02", "2026-03-09", TODAY);
    assertThat(days.from()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(days.to()).isEqualTo(LocalDate.of(2026, 3, 9));
  }

  private static void assertRefused(Runnable call, String field) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            Refusal.class,
            refusal ->
                assertThat(refusal.problem().errors())
                    .extracting(error -> error.field())
                    .containsExactly(field));
  }
}
