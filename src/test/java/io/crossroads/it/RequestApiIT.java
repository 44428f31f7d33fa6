package io.crossroads.it;

import static io.crossroads.it.Api.json;
import static io.crossroads.it.ApiAssertions.assertProblem;
import static io.crossroads.it.Races.race;
import static io.crossroads.it.RequestBodies.body;
import static io.crossroads.it.RequestBodies.standardHours;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The interview request contract of API.md, over HTTP, on Payara Micro and PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
class RequestApiIT {

  @ArquillianResource URL base;

  static DemoPeople employees;
  static Slots slots;
  Api api;
  String leo;
  String mia;

  @BeforeEach
  void connect() {
    api = new Api(base);
    leo = idOf("leo");
    mia = idOf("mia");
    synchronized (RequestApiIT.class) {
      if (employees == null) {
        employees = new DemoPeople(api, "Engineering", "Marketing");
        // Leo takes part in nearly every test: his cap must not be what refuses them.
        assertThat(
                api.put(
                        "leo",
                        "api/leaders/" + leo + "/profile",
                        RequestBodies.profile("architecture", 40, true))
                    .status())
            .isEqualTo(200);
        slots = new Slots(api, "ava", leo, Instant.now().plus(java.time.Duration.ofDays(2)));
      }
    }
  }

  String idOf(String username) {
    return api.get(username, "api/me").string("id");
  }

  Api.Reply send(String employee, String leaderId, Instant... slots) {
    Api.Reply reply = api.post(employee, "api/requests", body(leaderId, List.of(slots)));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply;
  }

  @Test
  void anEmployeeAsksALeaderWhoAcceptsOneTimeAndBothSeeTheScheduledInterview() {
    String employee = employees.take();
    Instant first = slots.next();
    Instant second = slots.next();
    Instant third = slots.next();

    Api.Reply created = send(employee, leo, first, second, third);
    String id = created.string("id");
    assertThat(created.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/api/requests/" + id));
    assertThat(created.string("status")).isEqualTo("PENDING");
    assertThat(created.json().getJsonArray("coaching")).isNotNull();

    Api.Reply received = api.get("leo", "api/requests?as=leader&status=PENDING&limit=500");
    assertThat(received.items().stream().map(JsonObject.class::cast).map(r -> r.getString("id")))
        .contains(id);

    Api.Reply accepted =
        api.post("leo", "api/requests/" + id + "/accept", json("start", second.toString()));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    assertThat(accepted.string("status")).isEqualTo("ACCEPTED");
    String interviewId = accepted.string("interviewId");

    for (String party : List.of(employee, "leo")) {
      JsonObject interview = api.get(party, "api/interviews/" + interviewId).json();
      assertThat(interview.getString("status")).isEqualTo("SCHEDULED");
      assertThat(Instant.parse(interview.getString("start"))).isEqualTo(second);
      assertThat(Instant.parse(interview.getString("end"))).isEqualTo(second.plusSeconds(20 * 60));
      assertThat(interview.getJsonObject("leader").getString("displayName"))
          .isEqualTo("Leo Martins");
    }
    Api.Reply mine = api.get(employee, "api/interviews?as=employee");
    assertThat(mine.items()).hasSize(1);

    JsonObject request = api.get(employee, "api/requests/" + id).json();
    assertThat(request.getString("interviewId")).isEqualTo(interviewId);
    assertThat(
            request.getJsonArray("history").stream().map(e -> e.asJsonObject().getString("type")))
        .containsExactly("SENT", "ACCEPTED");
  }

  @Test
  void jobAskingLanguageIsWarnedAboutButStillSent() {
    Api.Reply created =
        api.post(
            employees.take(),
            "api/requests",
            body(
                leo,
                List.of(slots.next(), slots.next()),
                "Are there any openings on your team for me?"));

    assertThat(created.status()).isEqualTo(201);
    assertThat(
            created.json().getJsonArray("coaching").stream()
                .map(n -> n.asJsonObject().getString("code")))
        .contains("job-asking");
  }

  @Test
  void invalidFieldsAreListedAndNothingIsCreated() {
    String employee = employees.take();
    Api.Reply reply =
        api.post(
            employee,
            "api/requests",
            json(
                "leaderId",
                leo,
                "length",
                20,
                "format",
                "VIDEO",
                "intro",
                "",
                "learn",
                "x",
                "whyYou",
                "y",
                "proposedSlots",
                List.of("2020-01-01T10:00:00Z")));

    assertProblem(reply, 400, "validation-failed");
    assertThat(
            reply.json().getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field")))
        .contains("intro", "proposedSlots", "proposedSlots[0]");
    assertThat(api.get(employee, "api/requests").json().getInt("total")).isZero();
  }

  @Test
  void unreadableOrMistypedBodiesAreBadRequests() {
    String employee = employees.take();
    assertProblem(api.post(employee, "api/requests", "{\"leaderId\":"), 400, "malformed-request");
    assertProblem(
        api.post(employee, "api/requests", json("leaderId", "not-a-uuid")),
        400,
        "malformed-request");
    assertProblem(
        api.send(employee, "POST", "api/requests", "hello", "text/plain", Map.of()),
        415,
        "unsupported-media-type");
    assertProblem(
        api.send(employee, "POST", "api/requests", null, null, Map.of()), 400, "validation-failed");
  }

  @Test
  void leadersAreOnlyAskedAcrossDivisions() {
    assertProblem(
        api.post("ben", "api/requests", body(leo, List.of(slots.next(), slots.next()))),
        409,
        "same-division");
  }

  @Test
  void onlyLeadersCanBeAsked() {
    String ava = idOf("ava");
    assertProblem(
        api.post("leo", "api/requests", body(ava, List.of(slots.next(), slots.next()))),
        409,
        "not-a-leader");
  }

  @Test
  void nobodyCanAskThemselves() {
    assertProblem(
        api.post("leo", "api/requests", body(leo, List.of(slots.next(), slots.next()))),
        409,
        "self-request");
  }

  @Test
  void aLeaderWhoPausedRequestsCannotBeAsked() {
    String paused =
        json(
            "acceptingRequests",
            false,
            "topics",
            List.of("brand"),
            "bio",
            "",
            "monthlyCap",
            4,
            "lengths",
            List.of(15, 20, 30),
            "formats",
            List.of("VIDEO", "PHONE"));
    assertThat(api.put("mia", "api/leaders/" + mia + "/profile", paused).status()).isEqualTo(200);
    try {
      assertProblem(
          api.post(
              employees.take(), "api/requests", body(mia, List.of(slots.next(), slots.next()))),
          409,
          "not-accepting-requests");
    } finally {
      api.put(
          "mia",
          "api/leaders/" + mia + "/profile",
          paused.replace("\"acceptingRequests\":false", "\"acceptingRequests\":true"));
    }
  }

  @Test
  void theSameIdempotencyKeyAndBodyReturnTheFirstResponseAgain() {
    String employee = employees.take();
    String body = body(leo, List.of(slots.next(), slots.next()));
    Map<String, String> key = Map.of("Idempotency-Key", "retry-" + employee);

    Api.Reply first = api.send(employee, "POST", "api/requests", body, "application/json", key);
    Api.Reply retry = api.send(employee, "POST", "api/requests", body, "application/json", key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
    assertThat(retry.header("Idempotent-Replayed")).hasValue("true");
    assertThat(api.get(employee, "api/requests").json().getInt("total")).isEqualTo(1);

    Api.Reply other =
        api.send(
            employee,
            "POST",
            "api/requests",
            body(leo, List.of(slots.next(), slots.next())),
            "application/json",
            key);
    assertProblem(other, 422, "idempotency-key-reused");
    assertThat(api.get(employee, "api/requests").json().getInt("total")).isEqualTo(1);
  }

  @Test
  void aRequestAndItsInterviewAreInvisibleToEveryoneButTheTwoParties() {
    String employee = employees.take();
    String stranger = employees.take();
    Instant slot = slots.next();
    String id = send(employee, leo, slot, slots.next()).string("id");

    assertProblem(api.get(stranger, "api/requests/" + id), 404, "not-found");
    assertProblem(api.get("mia", "api/requests/" + id), 404, "not-found");
    assertProblem(
        api.post(stranger, "api/requests/" + id + "/accept", json("start", slot.toString())),
        404,
        "not-found");

    String interviewId =
        api.post("leo", "api/requests/" + id + "/accept", json("start", slot.toString()))
            .string("interviewId");
    assertProblem(api.get(stranger, "api/interviews/" + interviewId), 404, "not-found");
    assertThat(api.get(stranger, "api/interviews").json().getInt("total")).isZero();
  }

  @Test
  void theEmployeeCannotAcceptTheirOwnPendingRequest() {
    String employee = employees.take();
    Instant slot = slots.next();
    String id = send(employee, leo, slot, slots.next()).string("id");

    assertProblem(
        api.post(employee, "api/requests/" + id + "/accept", json("start", slot.toString())),
        403,
        "forbidden");
  }

  @Test
  void onlyAProposedTimeCanBeAccepted() {
    String id = send(employees.take(), leo, slots.next(), slots.next()).string("id");

    assertProblem(
        api.post("leo", "api/requests/" + id + "/accept", json("start", slots.next().toString())),
        409,
        "slot-not-proposed");
    assertProblem(
        api.post("leo", "api/requests/" + id + "/accept", "{}"), 400, "validation-failed");
  }

  @Test
  void aDeclinedRequestCanNoLongerBeAccepted() {
    String employee = employees.take();
    Instant slot = slots.next();
    String id = send(employee, leo, slot, slots.next()).string("id");

    assertProblem(
        api.post(employee, "api/requests/" + id + "/decline", json("reason", "no")),
        403,
        "forbidden");
    Api.Reply declined =
        api.post("leo", "api/requests/" + id + "/decline", json("reason", "Travelling all month"));
    assertThat(declined.string("status")).isEqualTo("DECLINED");
    assertThat(
            api.get(employee, "api/requests/" + id)
                .json()
                .getJsonArray("history")
                .getJsonObject(1)
                .getString("note"))
        .isEqualTo("Travelling all month");

    assertProblem(
        api.post("leo", "api/requests/" + id + "/accept", json("start", slot.toString())),
        409,
        "request-closed");
  }

  @Test
  void theEmployeeWithdrawsAnOpenRequestButNotAnAcceptedOne() {
    String employee = employees.take();
    String open = send(employee, leo, slots.next(), slots.next()).string("id");
    Api.Reply withdrawn =
        api.post(employee, "api/requests/" + open + "/withdraw", json("reason", "Solved"));
    assertThat(withdrawn.string("status")).isEqualTo("WITHDRAWN");
    assertThat(api.get(employee, "api/requests?status=WITHDRAWN").json().getInt("total"))
        .isEqualTo(1);

    Instant slot = slots.next();
    String accepted = send(employee, leo, slot, slots.next()).string("id");
    api.post("leo", "api/requests/" + accepted + "/accept", json("start", slot.toString()));
    assertProblem(
        api.post(employee, "api/requests/" + accepted + "/withdraw", "{}"), 409, "request-closed");
  }

  @Test
  void ofTwentySimultaneousAcceptsExactlyOneWins() throws Exception {
    String employee = employees.take();
    Instant slot = slots.next();
    String id = send(employee, leo, slot, slots.next()).string("id");

    List<Integer> statuses =
        race(
            20,
            i ->
                api.post("leo", "api/requests/" + id + "/accept", json("start", slot.toString()))
                    .status());

    assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(19);
    assertThat(api.get(employee, "api/interviews").json().getInt("total")).isEqualTo(1);
  }

  @Test
  void twentyRequestsForTheSameTimeAcceptedAtOnceGiveTheLeaderOneInterview() throws Exception {
    Instant contested = slots.next();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.add(send(employees.take(), leo, contested, slots.next()).string("id"));
    }

    List<Integer> statuses =
        race(
            20,
            i ->
                api.post(
                        "leo",
                        "api/requests/" + ids.get(i) + "/accept",
                        json("start", contested.toString()))
                    .status());

    assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(19);
    Api.Reply atThatTime =
        api.get(
            "leo",
            "api/interviews?as=leader&from=" + contested + "&to=" + contested.plusSeconds(60));
    assertThat(atThatTime.json().getInt("total")).isEqualTo(1);
  }

  @Test
  void aTimeOutsideTheLeadersAvailabilityIsRefused() {
    Instant sunday =
        java.time.LocalDate.now(java.time.ZoneOffset.UTC)
            .plusDays(14)
            .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SUNDAY))
            .atTime(3, 0)
            .toInstant(java.time.ZoneOffset.UTC);
    Api.Reply reply =
        api.post(employees.take(), "api/requests", body(leo, List.of(slots.next(), sunday)));

    assertProblem(reply, 409, "slot-unavailable");
    assertThat(reply.json().getString("detail")).contains(sunday.toString());
  }

  @Test
  void anEmployeeMayHaveThreeOpenRequestsAndSendSixAMonth() {
    String employee = employees.take();
    // Four leaders the employee may ask, one open request each at a time.
    List<String> leaders = new ArrayList<>(List.of(leo, mia));
    api
        .get(employee, "api/me/recommendations?limit=20")
        .array()
        .getValuesAs(JsonObject.class)
        .stream()
        .map(r -> r.getJsonObject("leader").getString("id"))
        .filter(id -> !leaders.contains(id))
        .limit(2)
        .forEach(leaders::add);
    assertThat(leaders).hasSize(4);
    List<Slots> open = new ArrayList<>();
    for (String leader : leaders) {
      open.add(new Slots(api, employee, leader, Instant.now().plus(java.time.Duration.ofDays(2))));
    }
    java.util.function.IntFunction<Api.Reply> sendTo =
        i ->
            api.post(
                employee,
                "api/requests",
                body(leaders.get(i), List.of(open.get(i).next(), open.get(i).next())));
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Api.Reply reply = sendTo.apply(i);
      assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
      sent.add(reply.string("id"));
    }
    assertProblem(sendTo.apply(3), 409, "open-request-limit");

    for (int i = 3; i < 6; i++) {
      api.post(employee, "api/requests/" + sent.get(i - 3) + "/withdraw", "{}");
      Api.Reply reply = sendTo.apply(i - 3);
      assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
      sent.add(reply.string("id"));
    }
    api.post(employee, "api/requests/" + sent.get(3) + "/withdraw", "{}");
    assertProblem(sendTo.apply(3), 409, "monthly-request-limit");
  }

  @Test
  void theMonthlyCapRefusesTheInterviewBeyondIt() {
    String profile =
        json(
            "acceptingRequests",
            true,
            "topics",
            List.of("brand"),
            "bio",
            "",
            "monthlyCap",
            1,
            "lengths",
            List.of(15, 20, 30),
            "formats",
            List.of("VIDEO", "PHONE"));
    assertThat(api.put("mia", "api/leaders/" + mia + "/profile", profile).status()).isEqualTo(200);
    try {
      Slots miaSlots = new Slots(api, "ava", mia, Instant.now().plus(java.time.Duration.ofDays(2)));
      Instant first = miaSlots.next();
      Instant second = miaSlots.next();
      java.time.ZoneId newYork = java.time.ZoneId.of("America/New_York");
      while (!java.time.YearMonth.from(second.atZone(newYork))
          .equals(java.time.YearMonth.from(first.atZone(newYork)))) {
        first = second;
        second = miaSlots.next();
      }
      String one = send(employees.take(), mia, first, miaSlots.next()).string("id");
      String two = send(employees.take(), mia, second, miaSlots.next()).string("id");

      assertThat(
              api.post("mia", "api/requests/" + one + "/accept", json("start", first.toString()))
                  .status())
          .isEqualTo(200);
      assertProblem(
          api.post("mia", "api/requests/" + two + "/accept", json("start", second.toString())),
          409,
          "cap-reached");
      Api.Reply left =
          api.get(
              "ava",
              "api/leaders/"
                  + mia
                  + "/slots?length=20&from="
                  + first
                  + "&to="
                  + second.plusSeconds(3600));
      assertThat(left.array()).isEmpty();
    } finally {
      api.put(
          "mia",
          "api/leaders/" + mia + "/profile",
          profile.replace("\"monthlyCap\":1", "\"monthlyCap\":4"));
    }
  }

  @Test
  void fiftyAcceptsAtOnceForALeaderWithACapOfFourScheduleFourInterviewsThatDoNotOverlap()
      throws Exception {
    java.time.ZoneId newYork = java.time.ZoneId.of("America/New_York");
    java.time.YearMonth month = java.time.YearMonth.now(newYork).plusMonths(2);
    String profile =
        json(
            "acceptingRequests",
            true,
            "topics",
            List.of("brand"),
            "bio",
            "",
            "monthlyCap",
            4,
            "lengths",
            List.of(15, 20, 30),
            "formats",
            List.of("VIDEO", "PHONE"));
    assertThat(api.put("mia", "api/leaders/" + mia + "/profile", profile).status()).isEqualTo(200);
    assertThat(api.put("mia", "api/leaders/" + mia + "/availability", standardHours(120)).status())
        .isEqualTo(200);
    try {
      Slots january = new Slots(api, "ava", mia, month.atDay(1).atStartOfDay(newYork).toInstant());
      List<Instant> starts = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        Instant start = january.next();
        starts.add(start);
        ids.add(send(employees.take(), mia, start, january.next()).string("id"));
      }

      List<Integer> statuses =
          race(
              50,
              i ->
                  api.post(
                          "mia",
                          "api/requests/" + ids.get(i) + "/accept",
                          json("start", starts.get(i).toString()))
                      .status());

      assertThat(statuses).filteredOn(s -> s == 200).hasSize(4);
      assertThat(statuses).filteredOn(s -> s == 409).hasSize(46);
      Api.Reply booked =
          api.get(
              "mia",
              "api/interviews?as=leader&limit=500&from="
                  + month.atDay(1).atStartOfDay(newYork).toInstant()
                  + "&to="
                  + month.plusMonths(1).atDay(1).atStartOfDay(newYork).toInstant());
      assertThat(booked.json().getInt("total")).isEqualTo(4);
      List<Instant[]> times =
          booked.items().stream()
              .map(JsonObject.class::cast)
              .map(
                  i ->
                      new Instant[] {
                        Instant.parse(i.getString("start")), Instant.parse(i.getString("end"))
                      })
              .sorted(java.util.Comparator.comparing(t -> t[0]))
              .toList();
      for (int i = 1; i < times.size(); i++) {
        assertThat(times.get(i)[0]).isAfterOrEqualTo(times.get(i - 1)[1]);
      }
    } finally {
      api.put("mia", "api/leaders/" + mia + "/availability", standardHours(60));
    }
  }

  @Test
  void aLeaderSetsTheirHoursAndBuffersAndTheSlotsFollow() {
    String hours =
        json(
            "timeZone",
            "America/New_York",
            "weekly",
            List.of(Map.of("day", "TUESDAY", "start", "10:00", "end", "11:00")),
            "overrides",
            List.of(),
            "bufferBefore",
            15,
            "bufferAfter",
            15,
            "minNoticeHours",
            0,
            "horizonDays",
            90);
    Api.Reply saved = api.put("mia", "api/leaders/" + mia + "/availability", hours);
    try {
      assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
      assertThat(
              api.get("mia", "api/leaders/" + mia + "/availability").json().getInt("bufferBefore"))
          .isEqualTo(15);
      assertProblem(api.get("ava", "api/leaders/" + mia + "/availability"), 403, "forbidden");

      Api.Reply open =
          api.get(
              "ava",
              "api/leaders/"
                  + mia
                  + "/slots?length=30&from="
                  + Instant.now()
                  + "&to="
                  + Instant.now().plus(java.time.Duration.ofDays(14)));
      assertThat(open.status()).isEqualTo(200);
      assertThat(open.array())
          .isNotEmpty()
          .allSatisfy(
              slot -> {
                java.time.ZonedDateTime start =
                    Instant.parse(slot.asJsonObject().getString("start"))
                        .atZone(java.time.ZoneId.of("America/New_York"));
                assertThat(start.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.TUESDAY);
                assertThat(start.toLocalTime())
                    .isBetween(java.time.LocalTime.of(10, 0), java.time.LocalTime.of(10, 30));
              });

      assertProblem(
          api.put("mia", "api/leaders/" + mia + "/availability", hours.replace("11:00", "09:00")),
          400,
          "validation-failed");
      assertProblem(
          api.put(
              "mia",
              "api/leaders/" + mia + "/availability",
              hours.replace("America/New_York", "Mars/Base")),
          400,
          "validation-failed");
      assertProblem(
          api.put("leo", "api/leaders/" + mia + "/availability", hours), 403, "forbidden");
    } finally {
      api.put("mia", "api/leaders/" + mia + "/availability", standardHours(60));
    }
  }

  /**
   * Adds {@code by} interviews (fewer when negative) to the leader's count for the month, as
   * accepting (or cancelling) them would.
   */
  static void countInterviews(String leaderId, java.time.YearMonth month, int by)
      throws SQLException {
    try (Connection db = TestEnvironment.database();
        PreparedStatement add =
            db.prepareStatement(
                "update leader_month_load set booked = booked + ? where leader_id = ? and period = ?");
        PreparedStatement first =
            db.prepareStatement(
                "insert into leader_month_load (leader_id, period, booked) values (?, ?, ?)")) {
      add.setInt(1, by);
      add.setObject(2, UUID.fromString(leaderId));
      add.setString(3, month.toString());
      if (add.executeUpdate() == 0) {
        first.setObject(1, UUID.fromString(leaderId));
        first.setString(2, month.toString());
        first.setInt(3, by);
        assertThat(first.executeUpdate()).isEqualTo(1);
      }
    }
  }

  @Test
  void aLeaderSeesThisMonthsInterviewsAgainstTheirCapBesideTheirHours() throws SQLException {
    String division =
        api.get("hana", "api/divisions").array().getValuesAs(JsonObject.class).stream()
            .filter(d -> d.getString("name").equals("Finance"))
            .findFirst()
            .orElseThrow()
            .getString("id");
    // A generated leader no other test asks.
    List<JsonObject> finance =
        api
            .get("hana", "api/people?leadersOnly=true&limit=100&divisionId=" + division)
            .items()
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(p -> p.getString("username").contains("."))
            .toList();
    JsonObject leader = finance.get(finance.size() - 1);
    String user = leader.getString("username");
    String path = "api/leaders/" + leader.getString("id");
    assertThat(api.put(user, path + "/profile", RequestBodies.profile("finance", 6, true)).status())
        .isEqualTo(200);
    JsonObject before = api.get(user, path + "/availability").json();
    java.time.YearMonth month =
        java.time.YearMonth.now(java.time.ZoneId.of(before.getString("timeZone")));
    JsonObject load = before.getJsonObject("thisMonth");
    assertThat(load.getString("month")).isEqualTo(month.toString());
    assertThat(load.getInt("cap")).isEqualTo(6);
    int booked = load.getInt("booked");

    countInterviews(leader.getString("id"), month, 2);
    countInterviews(leader.getString("id"), month.plusMonths(1), 5);
    try {
      JsonObject after = api.get(user, path + "/availability").json().getJsonObject("thisMonth");
      assertThat(after.getInt("booked")).isEqualTo(booked + 2);
      assertThat(after.getInt("cap")).isEqualTo(6);
      // Saving the hours answers the same count; what a client sends in its place is ignored.
      String hours = standardHours(90);
      Api.Reply saved =
          api.put(
              user,
              path + "/availability",
              hours.substring(0, hours.length() - 1)
                  + ",\"thisMonth\":{\"month\":\"1999-01\",\"booked\":0,\"cap\":40}}");
      assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
      assertThat(saved.json().getJsonObject("thisMonth")).isEqualTo(after);
      // Only the leader reads it.
      assertProblem(api.get("ava", path + "/availability"), 403, "forbidden");
    } finally {
      countInterviews(leader.getString("id"), month, -2);
      countInterviews(leader.getString("id"), month.plusMonths(1), -5);
    }
  }

  @Test
  void slotQueriesAreBounded() {
    assertProblem(
        api.get(
            "ava",
            "api/leaders/" + leo + "/slots?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z"),
        400,
        "validation-failed");
    assertProblem(
        api.get("ava", "api/leaders/" + leo + "/slots?length=45"), 400, "validation-failed");
    assertProblem(
        api.get("ava", "api/leaders/" + leo + "/slots?from=soon"), 400, "validation-failed");
    assertProblem(api.get("ava", "api/leaders/" + idOf("ava") + "/slots"), 404, "not-found");
  }

  @Test
  void theLeaderProposesOtherTimesAndTheEmployeeAcceptsOne() {
    String employee = employees.take();
    String id = send(employee, leo, slots.next(), slots.next()).string("id");
    Instant other = slots.next();

    Api.Reply countered =
        api.post(
            "leo",
            "api/requests/" + id + "/counter",
            json(
                "proposedSlots",
                List.of(other.toString(), slots.next().toString()),
                "note",
                "Travelling that week"));
    assertThat(countered.status()).as(countered.toString()).isEqualTo(200);
    assertThat(countered.string("status")).isEqualTo("COUNTER_PROPOSED");

    assertProblem(
        api.post("leo", "api/requests/" + id + "/accept", json("start", other.toString())),
        403,
        "forbidden");
    Api.Reply accepted =
        api.post(employee, "api/requests/" + id + "/accept", json("start", other.toString()));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    assertThat(
            Instant.parse(
                api.get(employee, "api/interviews/" + accepted.string("interviewId"))
                    .string("start")))
        .isEqualTo(other);
  }

  @Test
  void aCounterOfferMustUseTheLeadersOpenTimes() {
    String id = send(employees.take(), leo, slots.next(), slots.next()).string("id");
    Instant sunday =
        java.time.LocalDate.now(java.time.ZoneOffset.UTC)
            .plusDays(14)
            .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SUNDAY))
            .atTime(3, 0)
            .toInstant(java.time.ZoneOffset.UTC);
    assertProblem(
        api.post(
            "leo",
            "api/requests/" + id + "/counter",
            json("proposedSlots", List.of(sunday.toString()))),
        409,
        "slot-unavailable");
  }

  @Test
  void aLeaderRedirectsToAColleagueWhoReceivesTheMessageAndTheReferral() {
    String employee = employees.take();
    String id = send(employee, leo, slots.next(), slots.next()).string("id");

    Api.Reply redirected =
        api.post(
            "leo",
            "api/requests/" + id + "/redirect",
            json("leaderId", mia, "note", "Mia knows brand work far better"));
    assertThat(redirected.status()).as(redirected.toString()).isEqualTo(200);
    assertThat(redirected.string("status")).isEqualTo("REDIRECTED");

    JsonObject forwarded =
        api.get("mia", "api/requests?as=leader&status=PENDING&limit=500").items().stream()
            .map(JsonObject.class::cast)
            .filter(r -> id.equals(r.getString("redirectedFrom", null)))
            .findFirst()
            .orElseThrow();
    assertThat(forwarded.getString("referredBy")).isEqualTo(leo);
    assertThat(forwarded.getString("learn"))
        .isEqualTo(api.get(employee, "api/requests/" + id).string("learn"));
    assertThat(forwarded.getJsonObject("requester").getString("id")).isEqualTo(idOf(employee));

    String again = send(employee, leo, slots.next(), slots.next()).string("id");
    assertProblem(
        api.post("leo", "api/requests/" + again + "/redirect", json("leaderId", idOf("ava"))),
        409,
        "not-a-leader");
    assertProblem(
        api.post("leo", "api/requests/" + again + "/redirect", json("leaderId", leo)),
        409,
        "redirect-invalid");
  }

  @Test
  void aRedirectToALeaderTheEmployeeAlreadyAskedTellsTheRedirectingLeaderNothingOfIt() {
    String employee = employees.take();
    Slots miaSlots = new Slots(api, "ava", mia, Instant.now().plus(java.time.Duration.ofDays(3)));
    send(employee, mia, miaSlots.next(), miaSlots.next());
    String id = send(employee, leo, slots.next(), slots.next()).string("id");

    Api.Reply refused = api.post("leo", "api/requests/" + id + "/redirect", json("leaderId", mia));

    assertProblem(refused, 409, "redirect-invalid");
    assertThat(refused.string("detail"))
        .isEqualTo("Mia Chen cannot take this request; suggest another colleague.");
    assertThat(api.get(employee, "api/requests/" + id).string("status")).isEqualTo("PENDING");
  }

  @Test
  void aFollowUpTheSameWeekIsTooSoon() {
    String employee = employees.take();
    String id = send(employee, leo, slots.next(), slots.next()).string("id");

    Api.Reply reply =
        api.post(
            employee, "api/requests/" + id + "/follow-up", json("message", "Just checking in"));
    assertProblem(reply, 409, "follow-up-too-soon");
    assertProblem(
        api.post("leo", "api/requests/" + id + "/follow-up", json("message", "?")),
        403,
        "forbidden");
    assertProblem(
        api.post(employee, "api/requests/" + id + "/follow-up", json("message", "")),
        400,
        "validation-failed");
  }

  @Test
  void listsCheckTheirParameters() {
    assertProblem(api.get("ava", "api/requests?as=boss"), 400, "validation-failed");
    assertProblem(api.get("ava", "api/requests?status=LOST"), 400, "validation-failed");
    assertProblem(api.get("ava", "api/requests?limit=0"), 400, "validation-failed");
    assertProblem(api.get("ava", "api/interviews?from=yesterday"), 400, "validation-failed");
  }

  @Test
  void sendingRequestsIsRateLimitedPerPersonAndInvalidAttemptsCount() {
    String eager = employees.take();
    String invalid = json("leaderId", leo, "length", 20);
    for (int i = 0; i < 30; i++) {
      assertProblem(api.post(eager, "api/requests", invalid), 400, "validation-failed");
    }
    Api.Reply limited =
        api.post(eager, "api/requests", body(leo, List.of(slots.next(), slots.next())));
    assertProblem(limited, 429, "rate-limited");
    assertThat(limited.header("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L));
    // Someone else is not held back by it.
    assertProblem(api.post(employees.take(), "api/requests", invalid), 400, "validation-failed");
  }

  /** The advice the composer gets for a draft, by code; the call must succeed. */
  List<String> coaching(String employee, String draft) {
    Api.Reply reply = api.post(employee, "api/requests/coaching", draft);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return codes(reply);
  }

  static List<String> codes(Api.Reply reply) {
    return reply.json().getJsonArray("coaching").stream()
        .map(n -> n.asJsonObject().getString("code"))
        .toList();
  }

  /**
   * Everything a request from the employee to the leader would leave behind: the request and its
   * events, an idempotency record, a counted attempt, a mail to the leader.
   */
  static List<Long> footprint(String employeeId, String leaderId) throws SQLException {
    List<Long> counts = new ArrayList<>();
    try (Connection db = TestEnvironment.database()) {
      for (String[] query :
          new String[][] {
            {"select count(*) from interview_request where requester_id = ?", employeeId},
            {"select count(*) from interview_request where leader_id = ?", leaderId},
            {"select count(*) from request_event where actor_id = ?", employeeId},
            {"select count(*) from idempotency_record where owner_id = ?", employeeId},
            {"select count(*) from rate_window where subject = ?", employeeId},
            {
              "select count(*) from outbox_message where recipient_id = ? and kind like 'request-%'",
              leaderId
            }
          }) {
        try (PreparedStatement count = db.prepareStatement(query[0])) {
          if (query[0].contains("subject")) {
            count.setString(1, query[1]);
          } else {
            count.setObject(1, UUID.fromString(query[1]));
          }
          try (ResultSet rows = count.executeQuery()) {
            rows.next();
            counts.add(rows.getLong(1));
          }
        }
      }
    }
    return counts;
  }

  @Test
  void theComposerIsCoachedWhileTheEmployeeTypesAndNothingIsSentOrStored() throws SQLException {
    String employee = employees.take();
    List<Long> before = footprint(idOf(employee), leo);
    String intro = "I work in Finance on the planning team.";
    String learn = "How platform teams choose what to build and how they measure it";
    String why = "Your talk on internal platforms at the all-hands";

    assertThat(coaching(employee, json("leaderId", leo)))
        .containsExactly("learn-vague", "why-you-brief", "no-referral");
    assertThat(coaching(employee, json("leaderId", leo, "intro", intro, "learn", "Your job")))
        .containsExactly("learn-vague", "why-you-brief", "no-referral");
    assertThat(
            coaching(employee, json("leaderId", leo, "intro", intro, "learn", learn, "whyYou", "")))
        .containsExactly("why-you-brief", "no-referral");
    assertThat(
            coaching(
                employee, json("leaderId", leo, "intro", intro, "learn", learn, "whyYou", why)))
        .containsExactly("no-referral");
    String asking = learn + ". Are there any openings on your team?";
    assertThat(
            coaching(
                employee, json("leaderId", leo, "intro", intro, "learn", asking, "whyYou", why)))
        .containsExactly("job-asking", "no-referral");
    assertThat(
            coaching(
                employee,
                json("leaderId", leo, "intro", "x".repeat(601), "learn", learn, "whyYou", why)))
        .containsExactly("intro-long", "no-referral");

    assertThat(footprint(idOf(employee), leo)).isEqualTo(before);
    assertThat(api.get(employee, "api/requests").json().getInt("total")).isZero();

    // Sending the last draft gets the very advice the composer showed.
    List<String> drafted =
        coaching(
            employee,
            json(
                "leaderId",
                leo,
                "intro",
                intro,
                "learn",
                asking,
                "whyYou",
                why,
                "length",
                20,
                "proposedSlots",
                List.of()));
    Api.Reply sent =
        api.post(employee, "api/requests", body(leo, List.of(slots.next(), slots.next()), asking));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    assertThat(codes(sent)).isEqualTo(drafted).contains("job-asking");
  }

  @Test
  void aDraftIsCheckedLikeARequestAndBadOnesAreRefusedAsProblems() {
    String employee = employees.take();
    assertThat(coaching(employee, "{}"))
        .containsExactly("learn-vague", "why-you-brief", "no-referral");

    Api.Reply tooLong =
        api.post(employee, "api/requests/coaching", json("learn", "x".repeat(2001)));
    assertProblem(tooLong, 400, "validation-failed");
    assertThat(tooLong.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("learn");
    assertProblem(
        api.post(employee, "api/requests/coaching", "{\"learn\":"), 400, "malformed-request");
    assertProblem(
        api.post(employee, "api/requests/coaching", json("leaderId", "not-a-uuid")),
        400,
        "malformed-request");
    assertProblem(
        api.send(employee, "POST", "api/requests/coaching", "learn", "text/plain", Map.of()),
        415,
        "unsupported-media-type");
    assertProblem(
        api.send(employee, "POST", "api/requests/coaching", null, null, Map.of()),
        400,
        "validation-failed");

    // Nobody by that id: refused as sending refuses it, naming the field.
    String nobody = UUID.randomUUID().toString();
    Api.Reply unknown = api.post(employee, "api/requests/coaching", json("leaderId", nobody));
    assertProblem(unknown, 400, "validation-failed");
    assertThat(unknown.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("leaderId");
    Api.Reply sentToNobody =
        api.post(employee, "api/requests", body(nobody, List.of(slots.next(), slots.next())));
    assertThat(sentToNobody.status()).isEqualTo(unknown.status());
    assertThat(sentToNobody.json().getString("type")).isEqualTo(unknown.json().getString("type"));
    assertProblem(
        api.post(employee, "api/requests/coaching", json("leaderId", idOf("ava"))),
        409,
        "not-a-leader");

    // A suggestion is cited only with the leader it names, and only one the employee was given.
    String someone = UUID.randomUUID().toString();
    Api.Reply noLeader = api.post(employee, "api/requests/coaching", json("referralId", someone));
    assertProblem(noLeader, 400, "validation-failed");
    assertThat(noLeader.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("leaderId");
    Api.Reply notGiven =
        api.post(employee, "api/requests/coaching", json("leaderId", leo, "referralId", someone));
    assertProblem(notGiven, 400, "validation-failed");
    assertThat(notGiven.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("referralId");
    assertThat(api.get(employee, "api/requests").json().getInt("total")).isZero();
  }

  @Test
  void citingTheSuggestionThatLedToALeaderSilencesTheTipToCiteOne() throws SQLException {
    String employee = employees.take();
    Instant start = slots.next();
    String request = send(employee, leo, start, slots.next()).string("id");
    String interview =
        api.post("leo", "api/requests/" + request + "/accept", json("start", start.toString()))
            .string("interviewId");
    TimeTravel.interviewEnded(interview, java.time.Duration.ofHours(1));
    assertThat(
            api.post(employee, "api/interviews/" + interview + "/outcome", json("held", true))
                .status())
        .isEqualTo(200);
    Api.Reply named =
        api.post(
            "leo",
            "api/interviews/" + interview + "/referrals",
            "[" + json("personId", mia, "mayUseName", true, "note", "Ask about brand") + "]");
    assertThat(named.status()).as(named.toString()).isEqualTo(200);
    String referral =
        api.get(employee, "api/me/referrals").array().getJsonObject(0).getString("id");
    String draft =
        json(
            "leaderId",
            mia,
            "intro",
            "I work in Finance on the planning team.",
            "learn",
            "How brand decisions are made and who weighs in on them",
            "whyYou",
            "Leo Martins suggested I talk to you about brand");

    assertThat(coaching(employee, draft)).containsExactly("no-referral");
    assertThat(coaching(employee, draft.replace("}", ",\"referralId\":\"" + referral + "\"}")))
        .isEmpty();
    // The suggestion names Mia: it is not the employee's to cite towards Leo, nor anyone else's.
    assertProblem(
        api.post(employee, "api/requests/coaching", json("leaderId", leo, "referralId", referral)),
        400,
        "validation-failed");
    assertProblem(
        api.post(
            employees.take(),
            "api/requests/coaching",
            json("leaderId", mia, "referralId", referral)),
        400,
        "validation-failed");
  }
}
