package io.crossroads.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossroads.reporting.ReportViews.DivisionRef;
import io.crossroads.reporting.ReportViews.Figure;
import io.crossroads.reporting.ReportViews.Flag;
import io.crossroads.reporting.ReportViews.FlowRow;
import io.crossroads.reporting.ReportViews.FlowsReport;
import io.crossroads.reporting.ReportViews.PersonLine;
import io.crossroads.reporting.ReportViews.TalentEntry;
import io.crossroads.reporting.ReportViews.TalentPoolReport;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReportCsvTest {

  @Test
  void cellsASpreadsheetWouldRunAsFormulasAreNeutralised() {
    for (String attack : List.of("=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx")) {
      assertThat(ReportCsv.neutral(attack)).isEqualTo("'" + attack);
    }
    assertThat(ReportCsv.neutral("Ava Smith")).isEqualTo("Ava Smith");
    assertThat(ReportCsv.neutral("0.25")).isEqualTo("0.25");
  }

  @Test
  void aTalentPoolNamedLikeAFormulaComesOutInert() {
    DivisionRef sales = new DivisionRef(UUID.randomUUID(), "=HYPERLINK(\"http://x\")");
    PersonLine employee = new PersonLine(UUID.randomUUID(), "@Ava", "+Engineer", sales);
    PersonLine leader = new PersonLine(UUID.randomUUID(), "Leo", "-Director", sales);
    String csv =
        ReportCsv.of(
            new TalentPoolReport(
                null,
                null,
                false,
                List.of(
                    new TalentEntry(
                        employee,
                        List.of(new Flag(leader, LocalDate.of(2026, 3, 1), List.of("=cmd"))))),
                1));
    String line = csv.lines().skip(1).findFirst().orElseThrow();
    assertThat(line)
        .startsWith(
            "\"'@Ava\",\"'+Engineer\",\"'=HYPERLINK(\"\"http://x\"\")\",\"Leo\",\"'-Director\",")
        .endsWith(",\"2026-03-01\",\"'=cmd\"");
  }

  @Test
  void aFormulaAfterASemicolonStaysInsideItsQuotedCell() {
    DivisionRef hr = new DivisionRef(UUID.randomUUID(), "People");
    String csv =
        ReportCsv.of(
            List.of(
                new ReportViews.AuditEntry(
                    UUID.randomUUID(),
                    java.time.Instant.parse("2026-11-30T10:00:00Z"),
                    new PersonLine(UUID.randomUUID(), "Hana", "HR partner", hr),
                    "talent-pool",
                    "topic=x;=1+1",
                    "json",
                    true)));
    assertThat(csv.lines().skip(1).findFirst().orElseThrow())
        .isEqualTo(
            "\"2026-11-30T10:00:00Z\",\"Hana\",\"talent-pool\",\"topic=x;=1+1\",\"json\",\"true\"");
  }

  @Test
  void suppressedCellsAreNamedAndEmptyRatesStayEmpty() {
    DivisionRef a = new DivisionRef(UUID.randomUUID(), "A");
    DivisionRef b = new DivisionRef(UUID.randomUUID(), "B");
    String csv =
        ReportCsv.of(
            new FlowsReport(
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 31),
                List.of(a, b),
                List.of(
                    new FlowRow(a, List.of(Figure.count(0), Figure.SUPPRESSED), Figure.count(12)),
                    new FlowRow(b, List.of(Figure.SUPPRESSED, Figure.count(0)), Figure.count(7))),
                List.of(Figure.count(7), Figure.count(12)),
                Figure.count(19)));
    assertThat(csv.lines().toList())
        .containsExactly(
            "\"employee division \\ leader division\",\"A\",\"B\",\"total\"",
            "\"A\",\"0\",\"suppressed\",\"12\"",
            "\"B\",\"suppressed\",\"0\",\"7\"",
            "\"total\",\"7\",\"12\",\"19\"");
  }
}
