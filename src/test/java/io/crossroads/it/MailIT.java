package io.crossroads.it;

import static io.crossroads.it.Api.json;
import static io.crossroads.it.ApiAssertions.assertProblem;
import static io.crossroads.it.Mailbox.awaitFailedAttempt;
import static io.crossroads.it.Mailbox.awaitMessages;
import static io.crossroads.it.Mailbox.awaitOutboxDrained;
import static io.crossroads.it.Mailbox.calendarOf;
import static io.crossroads.it.Mailbox.property;
import static io.crossroads.it.Mailbox.to;
import static io.crossroads.it.RequestBodies.body;
import static io.crossroads.it.RequestBodies.standardHours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossroads.platform.metrics.BusinessMetric;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Notifications through the outbox to a real SMTP server (GreenMail): invitations, moves and
 * cancellations arrive once each as iCalendar that parses back, also across an SMTP outage.
 */
@ExtendWith(ArquillianExtension.class)
class MailIT {

  @ArquillianResource URL base;
  static DemoPeople employees;
  static Slots slots;
  Api api;
  String leo;

  @BeforeEach
  void connect() {
    api = new Api(base);
    leo = api.get("leo", "api/me").string("id");
    synchronized (MailIT.class) {
      if (employees == null) {
        // Nobody another class took: mail is counted per recipient.
        employees = new DemoPeople(api, "Engineering", "Marketing");
        api.put(
            "leo",
            "api/leaders/" + leo + "/profile",
            RequestBodies.profile("architecture", 40, true));
        slots = new Slots(api, "ava", leo, Instant.now().plus(Duration.ofDays(40)));
      }
    }
  }

  String interviewFor(String employee, Instant start) {
    Api.Reply sent = api.post(employee, "api/requests", body(leo, List.of(start, slots.next())));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    Api.Reply accepted =
        api.post(
            "leo",
            "api/requests/" + sent.string("id") + "/accept",
            json("start", start.toString()));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    return accepted.string("interviewId");
  }

  @Test
  void anInvitationThenAMoveThenACancellationReachTheEmployeeOnceEachWithOneUid() throws Exception {
    String employee = employees.take();
    Instant start = slots.next();
    String interviewId = interviewFor(employee, start);

    Calendar invitation = calendarOf(awaitMessages(employee, 1).get(0));
    assertThat(property(invitation, Property.METHOD)).isEqualTo("REQUEST");
    assertThat(property(invitation, Property.UID)).isEqualTo(interviewId + "@crossroads");
    assertThat(property(invitation, Property.SEQUENCE)).isEqualTo("0");
    assertThat(property(invitation, Property.DTSTART))
        .isEqualTo(
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC)
                .format(start));
    assertThat(property(invitation, Property.ORGANIZER)).isEqualTo("mailto:leo@crossroads.example");

    Instant later = slots.next();
    Api.Reply moved =
        api.post(
            employee,
            "api/interviews/" + interviewId + "/reschedule",
            json("start", later.toString(), "reason", "Clash with a workshop"));
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(moved.json().getInt("sequence")).isEqualTo(1);
    Calendar update = calendarOf(awaitMessages(employee, 2).get(1));
    assertThat(property(update, Property.METHOD)).isEqualTo("REQUEST");
    assertThat(property(update, Property.UID)).isEqualTo(interviewId + "@crossroads");
    assertThat(property(update, Property.SEQUENCE)).isEqualTo("1");
    // The reason stays with the interview and reaches the other party with the update.
    assertThat(api.get("leo", "api/interviews/" + interviewId).json().getJsonArray("history"))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.asJsonObject().getString("type")).isEqualTo("RESCHEDULED");
              assertThat(event.asJsonObject().getString("note")).isEqualTo("Clash with a workshop");
            });
    String employeeName = api.get(employee, "api/me").string("displayName");
    await()
        .atMost(Mailbox.DELIVERY)
        .untilAsserted(
            () ->
                assertThat(Mailbox.to("leo"))
                    .anySatisfy(
                        mail ->
                            assertThat(Mailbox.text(mail))
                                .contains(employeeName + " said why: Clash with a workshop")));

    Api.Reply cancelled =
        api.post("leo", "api/interviews/" + interviewId + "/cancel", json("reason", "Ill"));
    assertThat(cancelled.string("status")).isEqualTo("CANCELLED");
    List<MimeMessage> all = awaitMessages(employee, 3);
    Calendar cancel = calendarOf(all.get(2));
    assertThat(property(cancel, Property.METHOD)).isEqualTo("CANCEL");
    assertThat(property(cancel, Property.UID)).isEqualTo(interviewId + "@crossroads");
    assertThat(property(cancel, Property.SEQUENCE)).isEqualTo("2");

    awaitOutboxDrained(employee);
    assertThat(to(employee)).hasSize(3);
    assertThat(
            all.stream()
                .map(
                    m -> {
                      try {
                        return m.getMessageID();
                      } catch (Exception e) {
                        throw new IllegalStateException(e);
                      }
                    })
                .distinct())
        .hasSize(3);

    Api.Reply ics = api.get(employee, "api/interviews/" + interviewId + "/calendar.ics");
    assertThat(ics.contentType()).startsWith("text/calendar");
    assertThat(ics.body())
        .contains("METHOD:CANCEL", "SEQUENCE:2", "UID:" + interviewId + "@crossroads");
    assertProblem(
        api.get(employees.take(), "api/interviews/" + interviewId + "/calendar.ics"),
        404,
        "not-found");
    assertProblem(
        api.post(employee, "api/interviews/" + interviewId + "/cancel", "{}"),
        409,
        "interview-closed");
  }

  @Test
  void messagesWaitWhileSmtpIsDownAndArriveExactlyOnceAfterwards() throws Exception {
    String employee = employees.take();
    TestEnvironment.stopSmtp();
    try {
      interviewFor(employee, slots.next());
      awaitFailedAttempt(employee); // the worker tried, failed and backs off
    } finally {
      TestEnvironment.startSmtp();
    }
    List<MimeMessage> delivered = awaitMessages(employee, 1);
    assertThat(calendarOf(delivered.get(0)).getProperty(Property.METHOD).orElseThrow().getValue())
        .isEqualTo("REQUEST");
    awaitOutboxDrained(employee);
    assertThat(to(employee)).hasSize(1);
  }

  @Test
  void anUnansweredRequestExpiresByTheScheduledJobAndTheEmployeeIsTold() throws Exception {
    String employee = employees.take();
    Api.Reply sent =
        api.post(employee, "api/requests", body(leo, List.of(slots.next(), slots.next())));
    assertThat(sent.status()).isEqualTo(201);
    String id = sent.string("id");
    // Sixteen days of silence, as if the request had been sent then: the five business days to a
    // follow-up and the five of its window have passed without one.
    try (java.sql.Connection db = TestEnvironment.database();
        java.sql.PreparedStatement back =
            db.prepareStatement(
                "update interview_request set last_attempt_at = last_attempt_at - interval '16 days' where id = ?")) {
      back.setObject(1, java.util.UUID.fromString(id));
      assertThat(back.executeUpdate()).isEqualTo(1);
    }

    await("the expiry job closed the request")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                assertThat(api.get(employee, "api/requests/" + id).string("status"))
                    .isEqualTo("EXPIRED"));
    MimeMessage told = awaitMessages(employee, 1).get(0);
    assertThat(told.getSubject()).contains("Leo Martins");
    assertThat(told.getContent().toString()).contains("expired");
    assertProblem(
        api.post(employee, "api/requests/" + id + "/withdraw", "{}"), 409, "request-closed");
  }

  @Test
  void bothPartiesAreRemindedOnceOfAnInterviewStartingWithinADay() throws Exception {
    String mia = api.get("mia", "api/me").string("id");
    String allDay =
        Api.json(
            "timeZone",
            "America/New_York",
            "weekly",
            java.util.stream.Stream.of(java.time.DayOfWeek.values())
                .map(d -> java.util.Map.of("day", d.name(), "start", "00:00", "end", "24:00"))
                .toList(),
            "overrides",
            List.of(),
            "bufferBefore",
            0,
            "bufferAfter",
            0,
            "minNoticeHours",
            0,
            "horizonDays",
            60);
    assertThat(api.put("mia", "api/leaders/" + mia + "/availability", allDay).status())
        .isEqualTo(200);
    try {
      Instant from = Instant.now().plus(Duration.ofHours(2));
      String soon =
          api.get(
                  "ava",
                  "api/leaders/"
                      + mia
                      + "/slots?length=20&from="
                      + from
                      + "&to="
                      + from.plus(Duration.ofHours(6)))
              .array()
              .getJsonObject(0)
              .getString("start");
      String employee = employees.take();
      Api.Reply sent =
          api.post(
              employee,
              "api/requests",
              body(
                  mia,
                  List.of(Instant.parse(soon), Instant.parse(soon).plus(Duration.ofHours(1)))));
      assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
      assertThat(
              api.post("mia", "api/requests/" + sent.string("id") + "/accept", json("start", soon))
                  .status())
          .isEqualTo(200);

      awaitMessages(employee, 2);
      // Still one reminder once the job has run through again and sent all it queued.
      ScheduledJobs.awaitFullRun("interview-reminders");
      awaitOutboxDrained(employee);
      List<MimeMessage> mine = to(employee);
      assertThat(mine).hasSize(2);
      assertThat(
              mine.stream()
                  .filter(
                      m -> {
                        try {
                          return m.getSubject()
                              .equals("Reminder: informational interview with Mia Chen");
                        } catch (jakarta.mail.MessagingException e) {
                          throw new IllegalStateException(e);
                        }
                      }))
          .hasSize(1);
    } finally {
      api.put("mia", "api/leaders/" + mia + "/availability", standardHours(60));
    }
  }

  @Test
  void anInterviewMovesOnlyToAnOpenSlotAndItsOutcomeWaitsForItsStart() {
    String employee = employees.take();
    String interviewId = interviewFor(employee, slots.next());

    Instant sunday =
        java.time.LocalDate.now(java.time.ZoneOffset.UTC)
            .plusDays(50)
            .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SUNDAY))
            .atTime(3, 0)
            .toInstant(java.time.ZoneOffset.UTC);
    assertProblem(
        api.post(
            employee,
            "api/interviews/" + interviewId + "/reschedule",
            json("start", sunday.toString())),
        409,
        "slot-unavailable");
    assertProblem(
        api.post(employee, "api/interviews/" + interviewId + "/outcome", json("held", true)),
        409,
        "not-yet-held");
    assertProblem(
        api.post(
            employees.take(),
            "api/interviews/" + interviewId + "/reschedule",
            json("start", slots.next().toString())),
        404,
        "not-found");
  }

  @Test
  void businessMetricsOnMetricsMoveWithTheRequestsAnswersInterviewsRefusalsAndJobsTheyCount()
      throws Exception {
    Map<String, Double> before = metrics();
    String employee = employees.take();
    String interviewId = interviewFor(employee, slots.next());
    TimeTravel.interviewEnded(interviewId, Duration.ofHours(1));
    Api.Reply held =
        api.post(employee, "api/interviews/" + interviewId + "/outcome", json("held", true));
    assertThat(held.status()).as(held.toString()).isEqualTo(200);
    assertProblem(
        api.post(employee, "api/interviews/" + interviewId + "/outcome", json("held", true)),
        409,
        "interview-closed");
    ScheduledJobs.awaitFullRun("request-expiry");

    Map<String, Double> after = metrics();
    String sent = BusinessMetric.REQUESTS_SENT.series().get(0);
    String answered = BusinessMetric.REQUESTS_ANSWERED.series().get(0);
    String interviews = BusinessMetric.INTERVIEWS_HELD.series().get(0);
    String problems = BusinessMetric.PROBLEMS.series().get(0);
    assertThat(after.get(sent)).isGreaterThanOrEqualTo(before.getOrDefault(sent, 0.0) + 1);
    assertThat(after.get(answered + "{answer=\"accepted\"}"))
        .isGreaterThanOrEqualTo(before.getOrDefault(answered + "{answer=\"accepted\"}", 0.0) + 1);
    assertThat(after.get(interviews))
        .isGreaterThanOrEqualTo(before.getOrDefault(interviews, 0.0) + 1);
    assertThat(after.get(problems + "{type=\"interview-closed\"}"))
        .isGreaterThanOrEqualTo(
            before.getOrDefault(problems + "{type=\"interview-closed\"}", 0.0) + 1);
    assertThat(after.get(BusinessMetric.JOB_DURATION.series().get(1) + "{job=\"request-expiry\"}"))
        .isPositive();
    assertThat(after.get(BusinessMetric.OUTBOX_BACKLOG.series().get(0))).isNotNegative();
    assertThat(after.get(BusinessMetric.OUTBOX_OLDEST_AGE.series().get(0))).isNotNegative();
    // Every name a dashboard may use is on /metrics.
    for (BusinessMetric metric : BusinessMetric.values()) {
      for (String series : metric.series()) {
        assertThat(after.keySet()).as(series).anyMatch(key -> key.startsWith(series));
      }
    }
  }

  /**
   * The application's metrics as {@code name{tags}} to value, without the {@code mp_scope} tag
   * every one of them carries.
   */
  Map<String, Double> metrics() {
    Api.Reply reply =
        api.send(
            null,
            "GET",
            api.server().resolve("metrics?scope=application").toString(),
            null,
            null,
            Map.of("Accept", "text/plain"));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    Map<String, Double> values = new java.util.TreeMap<>();
    for (String line : reply.body().split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      String key =
          line.substring(0, space)
              .replaceAll("mp_scope=\"application\",?", "")
              .replace(",}", "}")
              .replace("{}", "");
      values.put(key, Double.parseDouble(line.substring(space + 1)));
    }
    return values;
  }
}
