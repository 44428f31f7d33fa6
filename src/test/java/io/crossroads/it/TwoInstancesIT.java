package io.crossroads.it;

import static io.crossroads.it.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two Payara Micro instances on one PostgreSQL, as in production behind a load balancer: the cap
 * and the no-overlap guarantee hold across instances, because they live in the database.
 */
class TwoInstancesIT {

  static final Duration BOOT = Duration.ofMinutes(5);

  @Test
  void twoInstancesOnOneDatabaseNeverExceedTheCapNorDoubleBook() throws Exception {
    Path work = Path.of(System.getProperty("crossroads.it.work"), "two-instances");
    Map<String, String> settings =
        Map.of(
            "crossroads.db.url",
            System.getProperty(TestEnvironment.URL_PROPERTY),
            "crossroads.demo.enabled",
            "true",
            "crossroads.demo.size",
            "400",
            "crossroads.mail.host",
            "127.0.0.1",
            "crossroads.mail.port",
            System.getProperty(TestEnvironment.SMTP_PORT_PROPERTY),
            "crossroads.jobs.digest-interval",
            "PT2S");
    int portA = PayaraMicroProcess.freePort();
    int portB = PayaraMicroProcess.freePort();
    Api a = new Api(URI.create("http://127.0.0.1:" + portA + "/"));
    Api b = new Api(URI.create("http://127.0.0.1:" + portB + "/"));
    try (PayaraMicroProcess first = PayaraMicroProcess.start(work, portA, "a", settings);
        PayaraMicroProcess second = PayaraMicroProcess.start(work, portB, "b", settings)) {
      first.awaitReady(a, BOOT);
      second.awaitReady(b, BOOT);

      String engineering = division(a, "Engineering");
      JsonObject leader =
          a
              .get(
                  "ava", "api/people?leadersOnly=true&limit=500&divisionId=" + division(a, "Sales"))
              .items()
              .stream()
              .map(JsonObject.class::cast)
              .filter(
                  p ->
                      p.getString("username").contains(".")
                          && !p.getString("title").startsWith("VP"))
              // The most junior leader: every employee asking is within the level band.
              .min(java.util.Comparator.comparingInt(p -> p.getInt("level")))
              .orElseThrow();
      String leaderId = leader.getString("id");
      String leaderUser = leader.getString("username");
      ZoneId zone = ZoneId.of(leader.getString("timeZone"));
      assertThat(
              a.put(
                      "hana",
                      "api/leaders/" + leaderId + "/profile",
                      RequestBodies.profile("pricing", 4, true))
                  .status())
          .isEqualTo(200);
      assertThat(
              b.put(
                      leaderUser,
                      "api/leaders/" + leaderId + "/availability",
                      RequestBodies.standardHours(130).replace("America/New_York", zone.getId()))
                  .status())
          .isEqualTo(200);
      List<String> employees =
          a.get("ava", "api/people?limit=500&divisionId=" + engineering).items().stream()
              .map(JsonObject.class::cast)
              .filter(p -> !p.getBoolean("leader") && p.getString("username").contains("."))
              .filter(p -> p.getInt("level") + 3 >= leader.getInt("level"))
              .map(p -> p.getString("username"))
              .toList();

      // Fifty requests for distinct times in one month, accepted at once, half on each instance.
      YearMonth month = YearMonth.now(zone).plusMonths(2);
      Slots slots = new Slots(a, "ava", leaderId, month.atDay(1).atStartOfDay(zone).toInstant());
      List<String> ids = new ArrayList<>();
      List<Instant> starts = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        Api via = i % 2 == 0 ? a : b;
        Instant start = slots.next();
        Api.Reply sent =
            via.post(
                employees.get(i),
                "api/requests",
                RequestBodies.body(leaderId, List.of(start, slots.next())));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        ids.add(sent.string("id"));
        starts.add(start);
      }
      List<Integer> statuses =
          Races.race(
              50,
              i ->
                  (i % 2 == 0 ? a : b)
                      .post(
                          leaderUser,
                          "api/requests/" + ids.get(i) + "/accept",
                          json("start", starts.get(i).toString()))
                      .status());
      assertThat(statuses).filteredOn(s -> s == 200).hasSize(4);
      assertThat(statuses).filteredOn(s -> s == 409).hasSize(46);

      // Ten requests for the very same time in the next month: one interview, whoever asks where.
      YearMonth next = month.plusMonths(1);
      Instant contested =
          new Slots(a, "ava", leaderId, next.atDay(1).atStartOfDay(zone).toInstant()).next();
      Slots others = new Slots(a, "ava", leaderId, next.atDay(10).atStartOfDay(zone).toInstant());
      List<String> same = new ArrayList<>();
      for (int i = 50; i < 60; i++) {
        Api.Reply sent =
            (i % 2 == 0 ? a : b)
                .post(
                    employees.get(i),
                    "api/requests",
                    RequestBodies.body(leaderId, List.of(contested, others.next())));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        same.add(sent.string("id"));
      }
      List<Integer> contestedStatuses =
          Races.race(
              10,
              i ->
                  (i % 2 == 0 ? a : b)
                      .post(
                          leaderUser,
                          "api/requests/" + same.get(i) + "/accept",
                          json("start", contested.toString()))
                      .status());
      assertThat(contestedStatuses).filteredOn(s -> s == 200).hasSize(1);

      List<Instant[]> booked =
          b.get(leaderUser, "api/interviews?as=leader&limit=500").items().stream()
              .map(JsonObject.class::cast)
              .filter(
                  i -> i.getString("status").equals("SCHEDULED")) // not the demo's past interviews
              .map(
                  i ->
                      new Instant[] {
                        Instant.parse(i.getString("start")), Instant.parse(i.getString("end"))
                      })
              .sorted(Comparator.comparing(t -> t[0]))
              .toList();
      assertThat(booked).hasSize(5);
      for (int i = 1; i < booked.size(); i++) {
        assertThat(booked.get(i)[0]).isAfterOrEqualTo(booked.get(i - 1)[1]);
      }
      assertThat(booked.stream().filter(t -> YearMonth.from(t[0].atZone(zone)).equals(month)))
          .hasSize(4);

      // Both instances drain the one outbox: the leader hears of each of the 60 requests and each
      // of the 5 interviews exactly once.
      Mailbox.awaitMessages(leaderUser, 65);
      Mailbox.awaitOutboxDrained(leaderUser);
      List<jakarta.mail.internet.MimeMessage> mail = Mailbox.to(leaderUser);
      assertThat(mail).hasSize(65);
      assertThat(
              mail.stream()
                  .map(
                      m -> {
                        try {
                          return m.getMessageID();
                        } catch (jakarta.mail.MessagingException e) {
                          throw new IllegalStateException(e);
                        }
                      })
                  .distinct())
          .hasSize(65);

      // HR changes the program's rules on one instance: the other applies them within its
      // refresh interval (5 seconds by default), without a restart.
      long version = b.get("ava", "api/program").json().getJsonNumber("version").longValue();
      Api.Reply changed = a.put("hana", "api/program", RequestBodies.program(version, 1, 6));
      assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () ->
                  b.get("ava", "api/program").json().getJsonNumber("version").longValue()
                      == version + 1);
      String asker = employees.get(60);
      Slots open = new Slots(b, asker, leaderId, next.atDay(15).atStartOfDay(zone).toInstant());
      assertThat(
              b.post(
                      asker,
                      "api/requests",
                      RequestBodies.body(leaderId, List.of(open.next(), open.next())))
                  .status())
          .isEqualTo(201);
      String elsewhere =
          b
              .get(asker, "api/me/recommendations?limit=5")
              .array()
              .getValuesAs(JsonObject.class)
              .stream()
              .map(r -> r.getJsonObject("leader").getString("id"))
              .filter(id -> !id.equals(leaderId))
              .findFirst()
              .orElseThrow();
      Slots there = new Slots(b, asker, elsewhere, Instant.now().plus(Duration.ofDays(2)));
      ApiAssertions.assertProblem(
          b.post(
              asker,
              "api/requests",
              RequestBodies.body(elsewhere, List.of(there.next(), there.next()))),
          409,
          "open-request-limit");

      // Both instances run the weekly mail of contacts due every 2 seconds: one mail, once.
      JsonObject accepted =
          b.get(leaderUser, "api/interviews?as=leader&limit=500").items().stream()
              .map(JsonObject.class::cast)
              .filter(i -> i.getString("status").equals("SCHEDULED"))
              .findFirst()
              .orElseThrow();
      String met =
          a.get("hana", "api/people/" + accepted.getJsonObject("employee").getString("id"))
              .json()
              .getString("username");
      TimeTravel.interviewEnded(accepted.getString("id"), Duration.ofHours(1));
      assertThat(
              b.post(
                      met,
                      "api/interviews/" + accepted.getString("id") + "/outcome",
                      json("held", true))
                  .status())
          .isEqualTo(200);
      TimeTravel.contactsDue(accepted.getJsonObject("employee").getString("id"));
      await()
          .atMost(Mailbox.DELIVERY)
          .until(() -> Mailbox.to(met).stream().anyMatch(TwoInstancesIT::isDigest));
      ScheduledJobs.awaitFullRun("contact-digest");
      Mailbox.awaitOutboxDrained(met);
      assertThat(Mailbox.to(met).stream().filter(TwoInstancesIT::isDigest)).hasSize(1);
    }
  }

  static boolean isDigest(jakarta.mail.internet.MimeMessage message) {
    try {
      return message.getSubject().contains("to keep in touch with this week");
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String division(Api api, String name) {
    return api.get("ava", "api/divisions").array().stream()
        .map(JsonObject.class::cast)
        .filter(d -> d.getString("name").equals(name))
        .findFirst()
        .orElseThrow()
        .getString("id");
  }
}
