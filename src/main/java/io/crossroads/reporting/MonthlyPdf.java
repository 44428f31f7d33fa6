package io.crossroads.reporting;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import io.crossroads.reporting.ReportViews.Comparison;
import io.crossroads.reporting.ReportViews.DepthCount;
import io.crossroads.reporting.ReportViews.Figure;
import io.crossroads.reporting.ReportViews.FlowRow;
import io.crossroads.reporting.ReportViews.FlowsReport;
import io.crossroads.reporting.ReportViews.LeadersReport;
import io.crossroads.reporting.ReportViews.LoadBucket;
import io.crossroads.reporting.ReportViews.LorenzPoint;
import io.crossroads.reporting.ReportViews.MobilityReport;
import io.crossroads.reporting.ReportViews.PipelineReport;
import io.crossroads.reporting.ReportViews.Proportion;
import io.crossroads.reporting.ReportViews.Stage;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * One month's report as a PDF: the pipeline, flows, leaders and mobility reports (docs/METRICS.md)
 * in tables, with charts drawn by JFreeChart as vector graphics. A suppressed figure is printed as
 * the word "suppressed" and left out of every chart, so its number is never in the document. Charts
 * need the JDK's fonts, hence a system font (fontconfig); nothing needs a display.
 */
final class MonthlyPdf {

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** What a suppressed figure reads as. Not "<5": complementary suppression hides larger ones. */
  static final String SUPPRESSED = "suppressed";

  /** What a figure with nothing to divide by reads as. */
  static final String NONE = "–";

  /** Divisions per table of the flow matrix, so that every cell stays legible. */
  static final int FLOW_COLUMNS = 12;

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
  private static final Font TITLE = new Font(Font.HELVETICA, 18, Font.BOLD);
  private static final Font HEADING = new Font(Font.HELVETICA, 13, Font.BOLD);
  private static final Font TEXT = new Font(Font.HELVETICA, 9);
  private static final Font SMALL = new Font(Font.HELVETICA, 8, Font.ITALIC, Color.DARK_GRAY);
  private static final Color HEADER = new Color(0xE8, 0xEC, 0xF1);
  private static final Color BAR = new Color(0x2F, 0x5D, 0x8A);
  private static final Color SECOND = new Color(0xC0, 0x6A, 0x2B);

  /** Everything one month's report shows. */
  record Contents(
      YearMonth month,
      LocalDate generatedOn,
      PipelineReport pipeline,
      FlowsReport flows,
      LeadersReport leaders,
      MobilityReport mobility) {

    Contents {
      Objects.requireNonNull(month, "month");
      Objects.requireNonNull(generatedOn, "generatedOn");
      Objects.requireNonNull(pipeline, "pipeline");
      Objects.requireNonNull(flows, "flows");
      Objects.requireNonNull(leaders, "leaders");
      Objects.requireNonNull(mobility, "mobility");
    }
  }

  private MonthlyPdf() {}

  /** The file name the report is offered and mailed under. */
  static String fileName(YearMonth month) {
    return "crossroads-report-" + month + ".pdf";
  }

  static byte[] render(Contents report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 40, 40, 40, 40);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
      document.addTitle("Crossroads monthly report, " + report.month());
      document.addCreator("Crossroads");
      document.open();
      cover(document, report);
      pipeline(document, writer, report.pipeline());
      document.newPage();
      leaders(document, writer, report.leaders());
      document.newPage();
      mobility(document, writer, report.mobility());
      document.setPageSize(PageSize.A4.rotate());
      document.newPage();
      flows(document, report.flows());
    } catch (DocumentException e) {
      throw new IllegalStateException("The monthly report could not be laid out", e);
    } catch (InternalError noFonts) {
      // What the JDK throws when fontconfig finds no font at all.
      throw new IllegalStateException(
          "The monthly report's charts need a system font: install fontconfig and a font"
              + " (Debian: fonts-dejavu-core)",
          noFonts);
    } finally {
      if (document.isOpen()) {
        document.close();
      }
    }
    return out.toByteArray();
  }

  // Figures as text

  /** A count, a decimal or hours: the number itself. */
  static String number(Figure figure) {
    return text(figure, v -> v.toPlainString());
  }

  /** A fraction as a percentage, exactly (4 decimals become 2). */
  static String percent(Figure figure) {
    return text(figure, v -> v.movePointRight(2).stripTrailingZeros().toPlainString() + " %");
  }

  static String hours(Figure figure) {
    return text(figure, v -> v.stripTrailingZeros().toPlainString() + " h");
  }

  private static String text(Figure figure, java.util.function.Function<BigDecimal, String> shown) {
    if (figure == null || figure.isSuppressed()) {
      return figure == null ? NONE : SUPPRESSED;
    }
    return figure.value() == null ? NONE : shown.apply(figure.value());
  }

  /** A figure's value for a chart; none when suppressed or absent, so nothing is drawn. */
  private static Double plotted(Figure figure) {
    return figure == null || figure.isSuppressed() || figure.value() == null
        ? null
        : figure.value().doubleValue();
  }

  /** {@code REFERRAL_GIVEN} → "Referral given". */
  static String label(String code) {
    String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  // Sections

  private static void cover(Document document, Contents report) throws DocumentException {
    document.add(new Paragraph("Crossroads monthly report", TITLE));
    document.add(new Paragraph(MONTH.format(report.month()), HEADING));
    document.add(
        new Paragraph(
            "Period: "
                + report.month().atDay(1)
                + " to "
                + report.month().atEndOfMonth()
                + " (UTC), the whole company. Generated on "
                + report.generatedOn()
                + ".",
            TEXT));
    document.add(
        new Paragraph(
            "A figure backed by fewer than 5 people reads \""
                + SUPPRESSED
                + "\", as does any figure it could be worked back from; "
                + NONE
                + " means there was nothing to divide by. Charts leave suppressed figures out.",
            SMALL));
  }

  private static void pipeline(Document document, PdfWriter writer, PipelineReport pipeline)
      throws DocumentException {
    section(document, "Pipeline");
    document.add(
        new Paragraph("Requests sent in the month, each followed to wherever it got.", SMALL));
    DefaultCategoryDataset funnel = new DefaultCategoryDataset();
    for (Stage stage : pipeline.funnel()) {
      Double value = plotted(stage.count());
      funnel.addValue(
          value,
          "Requests",
          label(stage.stage()) + (stage.count().isSuppressed() ? " (" + SUPPRESSED + ")" : ""));
    }
    JFreeChart chart =
        new JFreeChart(
            "Funnel",
            JFreeChart.DEFAULT_TITLE_FONT,
            bars(funnel, "Requests", PlotOrientation.HORIZONTAL),
            false);
    document.add(chart(writer, chart, 515, 230));

    PdfPTable stages = table(new float[] {3, 2}, "Stage", "Requests");
    for (Stage stage : pipeline.funnel()) {
      row(stages, label(stage.stage()), number(stage.count()));
    }
    document.add(stages);

    PdfPTable rates = table(new float[] {3, 2}, "Figure", "Value");
    row(rates, "Acceptance", percent(pipeline.rates().acceptance()));
    row(rates, "Expiry", percent(pipeline.rates().expiry()));
    row(rates, "No-show", percent(pipeline.rates().noShow()));
    row(rates, "Thank-you within 48 h", percent(pipeline.rates().thankYouWithin48h()));
    row(rates, "Median time to first answer", hours(pipeline.medianHoursToFirstAnswer()));
    row(rates, "Referrals given", number(pipeline.referralsGiven()));
    row(rates, "Referrals per held interview", number(pipeline.referralsPerHeldInterview()));
    row(rates, "Keep-in-touch adherence", percent(pipeline.keepInTouchAdherence()));
    document.add(rates);

    PdfPTable depth = table(new float[] {3, 2}, "Referral chain depth", "Referrals");
    for (DepthCount count : pipeline.chainDepth()) {
      row(depth, "Depth " + count.depth(), number(count.count()));
    }
    document.add(depth);
  }

  private static void leaders(Document document, PdfWriter writer, LeadersReport leaders)
      throws DocumentException {
    section(document, "Leaders");
    String gini = "Gini " + number(leaders.gini());
    if (leaders.lorenz() == null || leaders.lorenz().isEmpty()) {
      document.add(
          new Paragraph(
              (Boolean.TRUE.equals(leaders.gini().suppressed())
                      ? "No Lorenz curve: it would give away figures suppressed to protect small"
                          + " groups. "
                      : "No Lorenz curve: it is given from 50 eligible leaders on, once an"
                          + " interview was held. ")
                  + gini
                  + ".",
              SMALL));
    } else {
      XYSeries curve = new XYSeries("Held interviews");
      for (LorenzPoint point : leaders.lorenz()) {
        curve.add(point.leaderShare(), point.interviewShare());
      }
      XYSeries equality = new XYSeries("Equal load");
      equality.add(0, 0);
      equality.add(1, 1);
      XYSeriesCollection data = new XYSeriesCollection(curve);
      data.addSeries(equality);
      NumberAxis x = percentAxis("Share of eligible leaders, least loaded first");
      NumberAxis y = percentAxis("Share of held interviews");
      XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
      lines.setSeriesPaint(0, BAR);
      lines.setSeriesPaint(1, Color.GRAY);
      lines.setSeriesShapesVisible(1, false);
      lines.setSeriesStroke(
          1,
          new BasicStroke(
              1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
      XYPlot plot = new XYPlot(data, x, y, lines);
      plain(plot);
      JFreeChart chart =
          new JFreeChart("Load spread (Lorenz curve)", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
      chart.addSubtitle(new TextTitle(gini));
      document.add(chart(writer, chart, 380, 300));
    }

    PdfPTable figures = table(new float[] {3, 2}, "Figure", "Value");
    row(figures, "Eligible leaders", number(leaders.eligibleLeaders()));
    row(figures, "Leaders who accepted a request", number(leaders.acceptingLeaders()));
    row(figures, "Participation", percent(leaders.participation()));
    row(figures, "Leaders with a held interview", number(leaders.heldLeaders()));
    row(figures, "Share with a held interview", percent(leaders.heldShare()));
    row(figures, "Gini of held interviews", number(leaders.gini()));
    row(figures, "Requests to leaders at their cap", percent(leaders.requestsAtCap()));
    document.add(figures);

    PdfPTable load = table(new float[] {3, 2}, "Held interviews per leader", "Leaders");
    for (LoadBucket bucket : leaders.load()) {
      row(load, bucket.bucket(), number(bucket.leaders()));
    }
    document.add(load);
  }

  private static void mobility(Document document, PdfWriter writer, MobilityReport mobility)
      throws DocumentException {
    section(document, "Internal moves and retention");
    String moved = "Moved within " + mobility.months() + " months";
    document.add(
        new Paragraph(
            "Participants (first held interview from "
                + mobility.from()
                + " to "
                + mobility.to()
                + ", the latest year whose people can be followed for 12 months) against"
                + " non-participants, each with the 95 % Wilson interval of the rate.",
            SMALL));
    YIntervalSeries participants = new YIntervalSeries("Participants");
    YIntervalSeries others = new YIntervalSeries("Non-participants");
    point(participants, -0.12, mobility.moves(), true);
    point(others, 0.12, mobility.moves(), false);
    point(participants, 0.88, mobility.retention12Months(), true);
    point(others, 1.12, mobility.retention12Months(), false);
    if (participants.getItemCount() + others.getItemCount() > 0) {
      YIntervalSeriesCollection data = new YIntervalSeriesCollection();
      data.addSeries(participants);
      data.addSeries(others);
      SymbolAxis x = new SymbolAxis(null, new String[] {moved, "Stayed 12 months"});
      x.setRange(-0.5, 1.5);
      x.setGridBandsVisible(false);
      XYErrorRenderer renderer = new XYErrorRenderer();
      renderer.setSeriesPaint(0, BAR);
      renderer.setSeriesPaint(1, SECOND);
      renderer.setDefaultLinesVisible(false);
      renderer.setCapLength(6);
      XYPlot plot = new XYPlot(data, x, percentAxis("Rate"), renderer);
      plain(plot);
      JFreeChart chart =
          new JFreeChart(
              "Participants and non-participants", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
      document.add(chart(writer, chart, 420, 260));
    } else {
      document.add(
          new Paragraph("No rate to chart: none is observable yet or not suppressed.", SMALL));
    }
    comparison(document, moved, "Moved", mobility.moves());
    PdfPTable into = table(new float[] {3, 2}, "Figure", "Value");
    row(
        into,
        "Moves into a division interviewed in",
        percent(mobility.movesIntoInterviewedDivision()));
    document.add(into);
    comparison(document, "Stayed 12 months", "Stayed", mobility.retention12Months());
  }

  private static void point(YIntervalSeries series, double x, Comparison of, boolean first) {
    if (of == null || !of.observable()) {
      return;
    }
    Proportion group = first ? of.participants() : of.nonParticipants();
    Double rate = plotted(group.rate());
    Double low = plotted(group.low());
    Double high = plotted(group.high());
    if (rate != null && low != null && high != null) {
      series.add(x, rate, low, high);
    }
  }

  private static void comparison(Document document, String title, String count, Comparison of)
      throws DocumentException {
    PdfPTable table =
        table(new float[] {3, 1.4f, 1.4f, 1.4f, 2.4f}, title, "People", count, "Rate", "95 %");
    if (of == null || !of.observable()) {
      PdfPCell cell =
          new PdfPCell(new Phrase("Not observable yet: the window has not ended", TEXT));
      cell.setColspan(5);
      table.addCell(cell);
    } else {
      group(table, "Participants", of.participants());
      group(table, "Non-participants", of.nonParticipants());
    }
    document.add(table);
  }

  private static void group(PdfPTable table, String name, Proportion group) {
    boolean hidden =
        (group.low() != null && group.low().isSuppressed())
            || (group.high() != null && group.high().isSuppressed());
    String interval =
        hidden
            ? SUPPRESSED
            : plotted(group.low()) == null || plotted(group.high()) == null
                ? NONE
                : percent(group.low()) + " to " + percent(group.high());
    row(
        table,
        name,
        number(group.people()),
        number(group.count()),
        percent(group.rate()),
        interval);
  }

  private static void flows(Document document, FlowsReport flows) throws DocumentException {
    section(document, "Cross-division flows");
    document.add(
        new Paragraph(
            "Held interviews that started in the month: the employee's division (row) to the"
                + " leader's (column), as they were on the day.",
            SMALL));
    int divisions = flows.divisions().size();
    // The columns: every division, then the row totals.
    for (int from = 0; from <= divisions; from += FLOW_COLUMNS) {
      int to = Math.min(divisions + 1, from + FLOW_COLUMNS);
      List<String> headers = new ArrayList<>();
      headers.add("Employee's division");
      for (int column = from; column < to; column++) {
        headers.add(column < divisions ? flows.divisions().get(column).name() : "Total");
      }
      float[] widths = new float[headers.size()];
      java.util.Arrays.fill(widths, 1f);
      widths[0] = 2f;
      PdfPTable table = table(widths, headers.toArray(String[]::new));
      for (FlowRow line : flows.rows()) {
        List<String> cells = new ArrayList<>();
        cells.add(line.division().name());
        for (int column = from; column < to; column++) {
          cells.add(number(column < divisions ? line.cells().get(column) : line.total()));
        }
        row(table, cells.toArray(String[]::new));
      }
      List<String> totals = new ArrayList<>();
      totals.add("Total");
      for (int column = from; column < to; column++) {
        totals.add(number(column < divisions ? flows.columnTotals().get(column) : flows.total()));
      }
      row(table, totals.toArray(String[]::new));
      document.add(table);
    }
  }

  // Building blocks

  private static void section(Document document, String title) throws DocumentException {
    Paragraph heading = new Paragraph(title, HEADING);
    heading.setSpacingBefore(12);
    heading.setSpacingAfter(4);
    document.add(heading);
  }

  private static PdfPTable table(float[] widths, String... headers) {
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setSpacingBefore(6);
    table.setSpacingAfter(6);
    table.setHeaderRows(1);
    for (String header : headers) {
      PdfPCell cell = new PdfPCell(new Phrase(header, new Font(Font.HELVETICA, 9, Font.BOLD)));
      cell.setBackgroundColor(HEADER);
      table.addCell(cell);
    }
    return table;
  }

  private static void row(PdfPTable table, String... cells) {
    for (int i = 0; i < cells.length; i++) {
      PdfPCell cell = new PdfPCell(new Phrase(new Chunk(cells[i], TEXT)));
      cell.setHorizontalAlignment(i == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
      table.addCell(cell);
    }
  }

  private static CategoryPlot bars(
      DefaultCategoryDataset data, String valueLabel, PlotOrientation orientation) {
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, BAR);
    NumberAxis values = new NumberAxis(valueLabel);
    values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), values, renderer);
    plot.setOrientation(orientation);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    return plot;
  }

  private static NumberAxis percentAxis(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setRange(0, 1);
    axis.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ENGLISH));
    return axis;
  }

  private static void plain(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
  }

  /** The chart as vector graphics; its text drawn as outlines, so no font goes into the PDF. */
  private static Image chart(PdfWriter writer, JFreeChart chart, float width, float height)
      throws DocumentException {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setPadding(new RectangleInsets(4, 4, 4, 16));
    PdfContentByte content = writer.getDirectContent();
    PdfTemplate template = content.createTemplate(width, height);
    Graphics2D graphics = template.createGraphicsShapes(width, height);
    try {
      chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
    } finally {
      graphics.dispose();
    }
    Image image = Image.getInstance(template);
    image.setAlignment(Element.ALIGN_CENTER);
    return image;
  }
}
