package io.crossroads.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossroads.reporting.MonthlyPdf.Contents;
import io.crossroads.reporting.ReportViews.Comparison;
import io.crossroads.reporting.ReportViews.DepthCount;
import io.crossroads.reporting.ReportViews.DivisionRef;
import io.crossroads.reporting.ReportViews.Figure;
import io.crossroads.reporting.ReportViews.FlowRow;
import io.crossroads.reporting.ReportViews.FlowsReport;
import io.crossroads.reporting.ReportViews.LeadersReport;
import io.crossroads.reporting.ReportViews.LoadBucket;
import io.crossroads.reporting.ReportViews.LorenzPoint;
import io.crossroads.reporting.ReportViews.MobilityReport;
import io.crossroads.reporting.ReportViews.PipelineReport;
import io.crossroads.reporting.ReportViews.Proportion;
import io.crossroads.reporting.ReportViews.Rates;
import io.crossroads.reporting.ReportViews.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class MonthlyPdfTest {

  static final YearMonth OCTOBER = YearMonth.of(2026, 10);
  static final LocalDate FROM = OCTOBER.atDay(1);
  static final LocalDate TO = OCTOBER.atEndOfMonth();
  static final LocalDate GENERATED = LocalDate.of(2026, 11, 2);

  /** What the reports answer for a count the database found, with the people behind it. */
  static Figure count(long value, long people) {
    return people >= 1 && people <= 4 ? Figure.SUPPRESSED : Figure.count(value);
  }

  static Figure count(long value) {
    return count(value, value);
  }

  static Figure decimal(String value) {
    return new Figure(new BigDecimal(value), null);
  }

  static PipelineReport pipeline() {
    return new PipelineReport(
        FROM,
        TO,
        null,
        false,
        List.of(
            new Stage("SENT", count(120)),
            new Stage("ANSWERED", count(97)),
            new Stage("ACCEPTED", count(55)),
            new Stage("HELD", count(48)),
            // Three employees thanked: too few to show.
            new Stage("THANKED", count(3)),
            new Stage("REFERRAL_GIVEN", count(21)),
            new Stage("REFERRAL_FOLLOWED", count(9)),
            new Stage("REFERRAL_HELD", count(6))),
        new Rates(
            Figure.rate(55, 120), Figure.rate(12, 120), Figure.rate(7, 55), Figure.SUPPRESSED),
        decimal("26.5"),
        count(29, 21),
        Figure.rate(29, 48),
        List.of(
            new DepthCount("1", count(22)),
            new DepthCount("2", Figure.SUPPRESSED),
            new DepthCount("3+", Figure.SUPPRESSED)),
        Figure.NONE);
  }

  static final List<DivisionRef> DIVISIONS =
      List.of(
          new DivisionRef(UUID.randomUUID(), "Engineering"),
          new DivisionRef(UUID.randomUUID(), "Finance"),
          new DivisionRef(UUID.randomUUID(), "Marketing"));

  /**
   * Engineering → Finance held 2 interviews (suppressed), so 17 Engineering → Marketing is
   * suppressed with it (complementary), and so on down its column.
   */
  static FlowsReport flows() {
    return new FlowsReport(
        FROM,
        TO,
        DIVISIONS,
        List.of(
            new FlowRow(
                DIVISIONS.get(0),
                List.of(Figure.count(0), Figure.SUPPRESSED, Figure.SUPPRESSED),
                count(19)),
            new FlowRow(
                DIVISIONS.get(1),
                List.of(count(11), Figure.count(0), Figure.SUPPRESSED),
                count(36)),
            new FlowRow(
                DIVISIONS.get(2),
                List.of(count(13), Figure.SUPPRESSED, Figure.count(0)),
                count(22))),
        List.of(count(24), count(10), count(43)),
        count(77));
  }

  static LeadersReport leaders() {
    List<LorenzPoint> lorenz =
        IntStream.rangeClosed(0, 10)
            .mapToObj(
                k -> new LorenzPoint(BigDecimal.valueOf(k, 1), BigDecimal.valueOf((long) k * k, 2)))
            .toList();
    return new LeadersReport(
        FROM,
        TO,
        null,
        false,
        count(80),
        count(35),
        Figure.rate(35, 80),
        count(30),
        Figure.rate(30, 80),
        List.of(
            new LoadBucket("0", count(50)),
            new LoadBucket("1", count(18)),
            new LoadBucket("2", count(7)),
            new LoadBucket("3-4", Figure.SUPPRESSED),
            new LoadBucket("5-9", Figure.SUPPRESSED),
            new LoadBucket("10+", Figure.count(0))),
        lorenz,
        decimal("0.6125"),
        Figure.rate(11, 130));
  }

  static MobilityReport mobility(boolean observable) {
    Proportion participants =
        new Proportion(
            count(40), count(9), Figure.rate(9, 40), decimal("0.1227"), decimal("0.3781"));
    Proportion others =
        new Proportion(
            count(900), count(63), Figure.rate(63, 900), decimal("0.0552"), decimal("0.0885"));
    Proportion fewStayed =
        new Proportion(
            count(40), Figure.SUPPRESSED, Figure.SUPPRESSED, Figure.SUPPRESSED, Figure.SUPPRESSED);
    return new MobilityReport(
        FROM,
        TO,
        6,
        new Comparison(observable, participants, others),
        Figure.SUPPRESSED,
        new Comparison(observable, fewStayed, others));
  }

  static Contents october() {
    return new Contents(OCTOBER, GENERATED, pipeline(), flows(), leaders(), mobility(true));
  }

  static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(document);
    }
  }

  static List<String> lines(String text) {
    return Arrays.stream(text.split("\\R")).map(String::strip).toList();
  }

  static List<String> numbers(String text) {
    List<String> numbers = new ArrayList<>();
    Matcher number = Pattern.compile("\\d+(\\.\\d+)?").matcher(text);
    while (number.find()) {
      numbers.add(number.group());
    }
    return numbers;
  }

  @Test
  void theReportIsAPdfNamingItsMonthPeriodAndDay() throws Exception {
    byte[] pdf = MonthlyPdf.render(october());

    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    String text = text(pdf);
    assertThat(text)
        .contains(
            "Crossroads monthly report",
            "October 2026",
            "Period: 2026-10-01 to 2026-10-31 (UTC)",
            "Generated on 2026-11-02");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentInformation().getTitle())
          .isEqualTo("Crossroads monthly report, 2026-10");
    }
  }

  @Test
  void theMonthsFiguresReadBackFromTheirTables() throws Exception {
    List<String> lines = lines(text(MonthlyPdf.render(october())));

    assertThat(lines)
        .contains(
            "Sent 120",
            "Answered 97",
            "Accepted 55",
            "Held 48",
            "Referral given 21",
            "Referral followed 9",
            "Referral held 6",
            "Acceptance 45.83 %",
            "Expiry 10 %",
            "No-show 12.73 %",
            "Median time to first answer 26.5 h",
            "Referrals given 29",
            "Referrals per held interview 0.6042",
            "Keep-in-touch adherence " + MonthlyPdf.NONE,
            "Depth 1 22",
            "Eligible leaders 80",
            "Participation 43.75 %",
            "Gini of held interviews 0.6125",
            "Requests to leaders at their cap 8.46 %",
            "0 50",
            "10+ 0",
            "Participants 40 9 22.5 % 12.27 % to 37.81 %",
            "Non-participants 900 63 7 % 5.52 % to 8.85 %",
            "Engineering 0 suppressed suppressed 19",
            "Finance 11 0 suppressed 36",
            "Total 24 10 43 77");
  }

  @Test
  void aSuppressedFigureShowsTheWordAndNeverItsNumber() throws Exception {
    String text = text(MonthlyPdf.render(october()));
    List<String> lines = lines(text);

    assertThat(lines)
        .contains(
            "Thanked suppressed",
            "Thank-you within 48 h suppressed",
            "Depth 2 suppressed",
            "Depth 3+ suppressed",
            "3-4 suppressed",
            "Moves into a division interviewed in suppressed",
            "Participants 40 suppressed suppressed suppressed");
    // The numbers behind the suppressed figures: 3 thanked, 17 Engineering → Marketing.
    assertThat(lines).noneMatch(line -> line.startsWith("Thanked") && line.matches(".*\\d.*"));
    assertThat(numbers(text)).doesNotContain("17");
    assertThat(text).doesNotContain("<5");
  }

  @Test
  void mobilityWhoseWindowHasNotEndedSaysSo() throws Exception {
    Contents early =
        new Contents(OCTOBER, GENERATED, pipeline(), flows(), leaders(), mobility(false));

    String text = text(MonthlyPdf.render(early));

    assertThat(text).contains("Not observable yet").doesNotContain("22.5 %");
  }

  @Test
  void aWideMatrixIsSplitIntoTablesThatKeepEveryDivision() throws Exception {
    List<DivisionRef> forty =
        IntStream.range(0, 40)
            .mapToObj(
                i ->
                    new DivisionRef(
                        UUID.randomUUID(), "Division " + (char) ('A' + i % 26) + (i / 26)))
            .toList();
    List<FlowRow> rows =
        forty.stream()
            .map(
                d ->
                    new FlowRow(
                        d, forty.stream().map(c -> Figure.count(0)).toList(), Figure.count(0)))
            .toList();
    FlowsReport wide =
        new FlowsReport(
            FROM,
            TO,
            forty,
            rows,
            forty.stream().map(c -> Figure.count(0)).toList(),
            Figure.count(0));
    Contents report = new Contents(OCTOBER, GENERATED, pipeline(), wide, leaders(), mobility(true));

    String text = text(MonthlyPdf.render(report));

    assertThat(text).contains("Division A0", "Division N1");
    // 41 columns in tables of 12: four tables, each with a totals line.
    assertThat(lines(text).stream().filter(line -> line.startsWith("Total 0"))).hasSize(4);
  }
}
