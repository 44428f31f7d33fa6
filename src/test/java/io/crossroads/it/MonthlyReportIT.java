package io.crossroads.it;

import static io.crossroads.it.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The monthly report: read as a PDF by HR, and mailed by its job on its real timer to every active
 * HR person once, as a PDF attachment whose figures are the pipeline report's for that month.
 */
@ExtendWith(ArquillianExtension.class)
class MonthlyReportIT {

  static final String JOB = "monthly-report";

  @ArquillianResource URL base;
  Api api;

  @BeforeEach
  void connect() {
    api = new Api(base);
  }

  static YearMonth lastMonth() {
    return YearMonth.now(ZoneOffset.UTC).minusMonths(1);
  }

  @Test
  void theMonthIsAskedForAsYearDashMonth() {
    for (String query :
        List.of("", "?month=", "?month=2026-13", "?month=October", "?month=2026-1")) {
      Api.Reply reply = api.get("hana", "api/reports/monthly" + query);
      assertProblem(reply, 400, "validation-failed");
      assertThat(reply.json().getJsonArray("errors"))
          .singleElement()
          .satisfies(
              error -> assertThat(error.asJsonObject().getString("field")).isEqualTo("month"));
    }
  }

  @Test
  void theCurrentMonthAndLaterOnesAreNotOverYet() {
    YearMonth now = YearMonth.now(ZoneOffset.UTC);
    assertProblem(api.get("hana", "api/reports/monthly?month=" + now), 409, "month-not-over");
    assertProblem(
        api.get("hana", "api/reports/monthly?month=" + now.plusMonths(1)), 409, "month-not-over");
  }

  @Test
  void aFileQueuedWithAMessageArrivesAsItsAttachmentByteForByte() throws Exception {
    String user = "attachment-" + UUID.randomUUID().toString().substring(0, 8);
    byte[] file = new byte[300_000];
    new Random(7).nextBytes(file);
    try (Connection db = TestEnvironment.database();
        PreparedStatement queue =
            db.prepareStatement(
                "insert into outbox_message (id, created_at, kind, recipient_email, subject, body,"
                    + " dedupe_key, attempts, next_attempt_at, attachment_name, attachment_type,"
                    + " attachment) values (?, now(), 'test', ?, 'A file', 'Here it is.', ?, 0,"
                    + " now(), 'figures.pdf', 'application/pdf', ?)")) {
      queue.setObject(1, UUID.randomUUID());
      queue.setString(2, user + "@crossroads.example");
      queue.setString(3, "test:" + user);
      queue.setBytes(4, file);
      assertThat(queue.executeUpdate()).isEqualTo(1);
    }

    MimeMessage mail = Mailbox.awaitMessages(user, 1).get(0);

    assertThat(Mailbox.text(mail)).isEqualTo("Here it is.");
    Part attached = attachment(mail);
    assertThat(attached.getFileName()).isEqualTo("figures.pdf");
    assertThat(attached.getContentType()).startsWith("application/pdf");
    assertThat(attached.getInputStream().readAllBytes()).isEqualTo(file);
  }

  @Test
  void anEndedMonthReadsAsAPdfWithThePipelinesFiguresForThatMonth() throws Exception {
    YearMonth month = lastMonth();

    HttpResponse<byte[]> pdf = api.download("hana", "api/reports/monthly?month=" + month);

    assertThat(pdf.statusCode()).as(new String(pdf.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
    assertThat(pdf.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"crossroads-report-" + month + ".pdf\"");
    assertFiguresOf(month, text(pdf.body()));
  }

  /**
   * The job mails on the first business day of a month. The test makes today that day the way HR
   * would, by declaring the weekdays before it in this month holidays, and puts the rules back
   * after. A Saturday or Sunday is never a business day, so there the test cannot run.
   */
  @Test
  void onTheFirstBusinessDayEveryActiveHrPersonIsMailedOnePdfOfThePreviousMonth() throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    assumeTrue(
        today.getDayOfWeek() != DayOfWeek.SATURDAY && today.getDayOfWeek() != DayOfWeek.SUNDAY,
        "no day of a weekend is a business day");
    YearMonth month = YearMonth.from(today).minusMonths(1);
    JsonObject rules = api.get("hana", "api/program").json();
    TreeSet<String> holidays = new TreeSet<>();
    holidays(rules).stream().filter(day -> !day.equals(today.toString())).forEach(holidays::add);
    for (LocalDate day = today.withDayOfMonth(1); day.isBefore(today); day = day.plusDays(1)) {
      holidays.add(day.toString());
    }
    change(rules, List.copyOf(holidays));
    try {
      List<String> hr = activeHr();
      assertThat(hr).isNotEmpty();
      String subject = "Crossroads monthly report, " + month;
      for (String address : hr) {
        await(address + " has the report")
            .atMost(Mailbox.DELIVERY)
            .pollInterval(Duration.ofMillis(500))
            .until(() -> received(address, subject).size() >= 1);
      }
      // Once the job has run through again and everything it queued is sent, still one each.
      ScheduledJobs.awaitFullRun(JOB);
      awaitSent("monthly-report:" + month + ":%");
      for (String address : hr) {
        List<MimeMessage> reports = received(address, subject);
        assertThat(reports).as(address).hasSize(1);
        Part pdf = attachment(reports.get(0));
        assertThat(pdf.getFileName()).isEqualTo("crossroads-report-" + month + ".pdf");
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        assertFiguresOf(month, text(pdf.getInputStream().readAllBytes()));
      }
    } finally {
      change(api.get("hana", "api/program").json(), holidays(rules));
    }
  }

  /** The pipeline's funnel and rates for the month, as the PDF prints them. */
  void assertFiguresOf(YearMonth month, String pdfText) {
    Api.Reply reply =
        api.get(
            "hana", "api/reports/pipeline?from=" + month.atDay(1) + "&to=" + month.atEndOfMonth());
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonObject pipeline = reply.json();
    List<String> lines = Arrays.stream(pdfText.split("\\R")).map(String::strip).toList();
    List<String> expected = new ArrayList<>();
    for (JsonValue stage : pipeline.getJsonArray("funnel")) {
      JsonObject line = stage.asJsonObject();
      expected.add(label(line.getString("stage")) + " " + number(line.getJsonObject("count")));
    }
    JsonObject rates = pipeline.getJsonObject("rates");
    expected.add("Acceptance " + percent(rates.getJsonObject("acceptance")));
    expected.add("Expiry " + percent(rates.getJsonObject("expiry")));
    expected.add("No-show " + percent(rates.getJsonObject("noShow")));
    expected.add("Thank-you within 48 h " + percent(rates.getJsonObject("thankYouWithin48h")));
    expected.add("Referrals given " + number(pipeline.getJsonObject("referralsGiven")));
    assertThat(pdfText).contains("Period: " + month.atDay(1) + " to " + month.atEndOfMonth());
    assertThat(lines).containsAll(expected);
  }

  /** {@code REFERRAL_GIVEN} → "Referral given", as the report labels its funnel. */
  static String label(String stage) {
    String words = stage.replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  static String number(JsonObject figure) {
    if (figure.getBoolean("suppressed", false)) {
      return "suppressed";
    }
    return figure.containsKey("value")
        ? figure.getJsonNumber("value").bigDecimalValue().toPlainString()
        : "–";
  }

  static String percent(JsonObject figure) {
    if (figure.getBoolean("suppressed", false)) {
      return "suppressed";
    }
    if (!figure.containsKey("value")) {
      return "–";
    }
    BigDecimal fraction = figure.getJsonNumber("value").bigDecimalValue();
    return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
  }

  static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(document);
    }
  }

  static Part attachment(MimeMessage mail) throws Exception {
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        return part;
      }
    }
    throw new AssertionError("no attachment in " + mail.getSubject());
  }

  /** The messages with this subject the SMTP server received for this address. */
  static List<MimeMessage> received(String address, String subject) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage message : TestEnvironment.smtp().getReceivedMessages()) {
      if (subject.equals(message.getSubject())
          && Arrays.stream(message.getRecipients(Message.RecipientType.TO))
              .anyMatch(to -> to.toString().equalsIgnoreCase(address))) {
        found.add(message);
      }
    }
    return found;
  }

  /** The addresses of the people in HR who are active, as the directory holds them. */
  static List<String> activeHr() throws SQLException {
    List<String> addresses = new ArrayList<>();
    try (Connection db = TestEnvironment.database();
        PreparedStatement hr =
            db.prepareStatement("select email from person where hr = true and active = true");
        ResultSet rows = hr.executeQuery()) {
      while (rows.next()) {
        addresses.add(rows.getString(1));
      }
    }
    return addresses;
  }

  /** Waits until every message with a key like this has been sent. */
  static void awaitSent(String keys) {
    await("every message " + keys + " sent")
        .atMost(Mailbox.DELIVERY)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              try (Connection db = TestEnvironment.database();
                  PreparedStatement waiting =
                      db.prepareStatement(
                          "select count(*) from outbox_message where dedupe_key like ?"
                              + " and sent_at is null")) {
                waiting.setString(1, keys);
                try (ResultSet count = waiting.executeQuery()) {
                  count.next();
                  return count.getInt(1) == 0;
                }
              }
            });
  }

  static List<String> holidays(JsonObject rules) {
    return rules.getJsonArray("holidays").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  /** Saves the program's rules as read in {@code rules}, with these holidays. */
  void change(JsonObject rules, List<String> holidays) {
    JsonObjectBuilder body = Json.createObjectBuilder();
    for (String field :
        List.of(
            "version",
            "lengths",
            "defaultLength",
            "defaultMonthlyCap",
            "maxOpenRequests",
            "maxRequestsPerMonth",
            "maxFollowUps",
            "followUpBusinessDays",
            "expiryBusinessDays",
            "maxLevelGap",
            "repeatWindowMonths",
            "keepInTouchDays")) {
      body.add(field, rules.get(field));
    }
    JsonArrayBuilder days = Json.createArrayBuilder();
    holidays.forEach(days::add);
    body.add("holidays", days);
    Api.Reply saved = api.put("hana", "api/program", body.build().toString());
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
  }
}
