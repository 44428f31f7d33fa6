package io.crossroads.reporting;

import io.crossroads.reporting.ReportViews.AuditEntry;
import io.crossroads.reporting.ReportViews.Comparison;
import io.crossroads.reporting.ReportViews.DepthCount;
import io.crossroads.reporting.ReportViews.Figure;
import io.crossroads.reporting.ReportViews.Flag;
import io.crossroads.reporting.ReportViews.FlowRow;
import io.crossroads.reporting.ReportViews.FlowsReport;
import io.crossroads.reporting.ReportViews.LeadersReport;
import io.crossroads.reporting.ReportViews.LoadBucket;
import io.crossroads.reporting.ReportViews.LorenzPoint;
import io.crossroads.reporting.ReportViews.MobilityReport;
import io.crossroads.reporting.ReportViews.PipelineReport;
import io.crossroads.reporting.ReportViews.Proportion;
import io.crossroads.reporting.ReportViews.Stage;
import io.crossroads.reporting.ReportViews.TalentEntry;
import io.crossroads.reporting.ReportViews.TalentPoolReport;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The reports as CSV, one table each (Commons CSV). Suppressed figures are the word {@code
 * suppressed}; a cell a spreadsheet would read as a formula is neutralised with a leading quote.
 */
final class ReportCsv {

  static final String SUPPRESSED = "suppressed";

  private final List<List<String>> rows = new ArrayList<>();

  private ReportCsv() {}

  /** A cell as a spreadsheet may safely open it. */
  static String neutral(String cell) {
    if (cell == null || cell.isEmpty()) {
      return "";
    }
    char first = cell.charAt(0);
    return first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r'
        ? "'" + cell
        : cell;
  }

  static String figure(Figure figure) {
    if (figure.isSuppressed()) {
      return SUPPRESSED;
    }
    return figure.value() == null ? "" : figure.value().toPlainString();
  }

  private ReportCsv row(String... cells) {
    rows.add(List.of(cells));
    return this;
  }

  private ReportCsv row(List<String> cells) {
    rows.add(cells);
    return this;
  }

  private String text() {
    StringWriter out = new StringWriter();
    // Every cell quoted: a spreadsheet that splits on ';' cannot cut a formula out of one.
    try (CSVPrinter printer =
        new CSVPrinter(out, CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get())) {
      for (List<String> row : rows) {
        printer.printRecord(row.stream().map(ReportCsv::neutral).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static String of(PipelineReport report) {
    ReportCsv csv = new ReportCsv().row("figure", "value");
    for (Stage stage : report.funnel()) {
      csv.row(stage.stage(), figure(stage.count()));
    }
    csv.row("acceptance", figure(report.rates().acceptance()))
        .row("expiry", figure(report.rates().expiry()))
        .row("noShow", figure(report.rates().noShow()))
        .row("thankYouWithin48h", figure(report.rates().thankYouWithin48h()))
        .row("medianHoursToFirstAnswer", figure(report.medianHoursToFirstAnswer()))
        .row("referralsGiven", figure(report.referralsGiven()))
        .row("referralsPerHeldInterview", figure(report.referralsPerHeldInterview()));
    for (DepthCount depth : report.chainDepth()) {
      csv.row("chainDepth " + depth.depth(), figure(depth.count()));
    }
    return csv.row("keepInTouchAdherence", figure(report.keepInTouchAdherence())).text();
  }

  static String of(FlowsReport report) {
    List<String> header = new ArrayList<>();
    header.add("employee division \\ leader division");
    report.divisions().forEach(division -> header.add(division.name()));
    header.add("total");
    ReportCsv csv = new ReportCsv().row(header);
    for (FlowRow row : report.rows()) {
      List<String> cells = new ArrayList<>();
      cells.add(row.division().name());
      row.cells().forEach(cell -> cells.add(figure(cell)));
      cells.add(figure(row.total()));
      csv.row(cells);
    }
    List<String> totals = new ArrayList<>();
    totals.add("total");
    report.columnTotals().forEach(cell -> totals.add(figure(cell)));
    totals.add(figure(report.total()));
    return csv.row(totals).text();
  }

  static String of(LeadersReport report) {
    ReportCsv csv =
        new ReportCsv()
            .row("figure", "value")
            .row("eligibleLeaders", figure(report.eligibleLeaders()))
            .row("acceptingLeaders", figure(report.acceptingLeaders()))
            .row("participation", figure(report.participation()))
            .row("heldLeaders", figure(report.heldLeaders()))
            .row("heldShare", figure(report.heldShare()))
            .row("gini", figure(report.gini()))
            .row("requestsAtCap", figure(report.requestsAtCap()));
    for (LoadBucket bucket : report.load()) {
      csv.row("leaders holding " + bucket.bucket(), figure(bucket.leaders()));
    }
    for (LorenzPoint point : report.lorenz()) {
      csv.row(
          "lorenz " + point.leaderShare().toPlainString(), point.interviewShare().toPlainString());
    }
    return csv.text();
  }

  static String of(MobilityReport report) {
    ReportCsv csv =
        new ReportCsv().row("measure", "group", "people", "count", "rate", "low", "high");
    proportions(csv, "moved within " + report.months() + " months", report.moves());
    proportions(csv, "stayed 12 months", report.retention12Months());
    return csv.row(
            "moves into an interviewed division",
            "participants",
            "",
            "",
            figure(report.movesIntoInterviewedDivision()),
            "",
            "")
        .text();
  }

  private static void proportions(ReportCsv csv, String measure, Comparison comparison) {
    proportion(csv, measure, "participants", comparison.participants());
    proportion(csv, measure, "non-participants", comparison.nonParticipants());
  }

  private static void proportion(ReportCsv csv, String measure, String group, Proportion p) {
    csv.row(
        measure,
        group,
        figure(p.people()),
        figure(p.count()),
        figure(p.rate()),
        figure(p.low()),
        figure(p.high()));
  }

  static String of(TalentPoolReport report) {
    ReportCsv csv =
        new ReportCsv()
            .row(
                "employee",
                "title",
                "division",
                "flagged by",
                "flagger title",
                "flagger division",
                "on",
                "strengths");
    for (TalentEntry entry : report.employees()) {
      for (Flag flag : entry.flags()) {
        csv.row(
            entry.employee().displayName(),
            entry.employee().title(),
            entry.employee().division().name(),
            flag.by().displayName(),
            flag.by().title(),
            flag.by().division().name(),
            flag.on().toString(),
            String.join("; ", flag.strengths()));
      }
    }
    return csv.text();
  }

  static String of(List<AuditEntry> entries) {
    ReportCsv csv =
        new ReportCsv().row("at", "reader", "report", "filters", "format", "talent pool");
    for (AuditEntry entry : entries) {
      csv.row(
          entry.at().toString(),
          entry.reader().displayName(),
          entry.report(),
          entry.filters(),
          entry.format(),
          String.valueOf(entry.talentPool()));
    }
    return csv.text();
  }
}
