package io.crossroads.reporting;

import static io.crossroads.platform.problem.RefusalAssertions.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossroads.platform.problem.Problem;
import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Refusal;
import io.crossroads.program.BusinessDays;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportMonthTest {

  static final BusinessDays WEEKDAYS = BusinessDays.WEEKDAYS;

  @Test
  void theReportOfAMonthIsMailedOnTheFirstWeekdayOfTheNext() {
    // 1 November 2026 is a Sunday, 2 November a Monday.
    assertThat(ReportMonth.toMail(LocalDate.of(2026, 11, 2), WEEKDAYS))
        .contains(YearMonth.of(2026, 10));
    assertThat(ReportMonth.toMail(LocalDate.of(2026, 11, 1), WEEKDAYS)).isEmpty();
    assertThat(ReportMonth.toMail(LocalDate.of(2026, 11, 3), WEEKDAYS)).isEmpty();
    // 1 December 2026 is a Tuesday.
    assertThat(ReportMonth.toMail(LocalDate.of(2026, 12, 1), WEEKDAYS))
        .contains(YearMonth.of(2026, 11));
  }

  @Test
  void theProgramsHolidaysPushTheDayOn() {
    BusinessDays newYear =
        new BusinessDays(Set.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 4)));

    // 1 January 2027 is a Friday and a holiday, then a weekend, then another holiday.
    assertThat(ReportMonth.firstBusinessDay(YearMonth.of(2027, 1), newYear))
        .contains(LocalDate.of(2027, 1, 5));
    assertThat(ReportMonth.toMail(LocalDate.of(2027, 1, 5), newYear))
        .contains(YearMonth.of(2026, 12));
    assertThat(ReportMonth.toMail(LocalDate.of(2027, 1, 1), newYear)).isEmpty();
    assertThat(ReportMonth.toMail(LocalDate.of(2027, 1, 4), newYear)).isEmpty();
  }

  @Test
  void aMonthOfHolidaysHasNoDayToMailOn() {
    YearMonth february = YearMonth.of(2027, 2);
    Set<LocalDate> all =
        february
            .atDay(1)
            .datesUntil(february.atEndOfMonth().plusDays(1))
            .collect(java.util.stream.Collectors.toSet());

    assertThat(ReportMonth.firstBusinessDay(february, new BusinessDays(all))).isEmpty();
    assertThat(ReportMonth.toMail(LocalDate.of(2027, 2, 1), new BusinessDays(all))).isEmpty();
  }

  @Test
  void onlyAMonthThatHasEndedMayBeAskedFor() {
    LocalDate today = LocalDate.of(2026, 11, 30);

    assertThat(ReportMonth.ended(YearMonth.of(2026, 10), today)).isEqualTo(YearMonth.of(2026, 10));
    assertThat(ReportMonth.ended(YearMonth.of(2019, 1), today)).isEqualTo(YearMonth.of(2019, 1));
    refused(() -> ReportMonth.ended(YearMonth.of(2026, 11), today), ProblemType.MONTH_NOT_OVER);
    refused(() -> ReportMonth.ended(YearMonth.of(2027, 1), today), ProblemType.MONTH_NOT_OVER);
    // The first day of a month: the one before has just ended.
    assertThat(ReportMonth.ended(YearMonth.of(2026, 11), LocalDate.of(2026, 12, 1)))
        .isEqualTo(YearMonth.of(2026, 11));
  }

  @Test
  void aMonthIsWrittenYearDashMonth() {
    assertThat(ReportMonth.parse("2026-10")).isEqualTo(YearMonth.of(2026, 10));
    assertThat(ReportMonth.parse(" 2026-10 ")).isEqualTo(YearMonth.of(2026, 10));
    for (String malformed :
        new String[] {null, "", "2026-13", "2026-1", "10-2026", "2026-10-01", "+2026-10"}) {
      refused(() -> ReportMonth.parse(malformed), ProblemType.VALIDATION_FAILED);
    }
    assertThatThrownBy(() -> ReportMonth.parse("2026-00"))
        .isInstanceOfSatisfying(
            Refusal.class,
            refusal ->
                assertThat(refusal.problem().errors())
                    .extracting(Problem.FieldError::field)
                    .containsExactly("month"));
  }
}
