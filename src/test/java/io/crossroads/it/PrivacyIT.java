package io.crossroads.it;

import static io.crossroads.it.Api.json;
import static io.crossroads.it.ApiAssertions.assertProblem;
import static io.crossroads.it.RequestBodies.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an employee risks by exploring stays between them and the leader: HR reads a cohort round's
 * outcome but nobody's reasons, calendars and subject lines name no exploration, the directory
 * confirms no hidden user name and no one who left, a failed import leaves no copy of the company
 * behind, and nobody floods anyone with mail. Each attack is performed and shown to fail with
 * nothing changed; on PostgreSQL, through a real SMTP server.
 */
@ExtendWith(ArquillianExtension.class)
class PrivacyIT {

  static final Duration BOOT = Duration.ofMinutes(5);

  @ArquillianResource URL base;
  Api api;

  static DemoPeople employees;
  static List<JsonObject> leaders;
  static Slots firstSlots;
  static Slots secondSlots;

  @BeforeEach
  void connect() {
    api = new Api(base);
    synchronized (PrivacyIT.class) {
      if (employees != null) {
        return;
      }
      // Two generated leaders of Marketing whom every employee handed out (level 4 and up) may
      // ask; the employees come from the other divisions.
      String marketing = division("Marketing");
      leaders =
          api
              .get("hana", "api/people?leadersOnly=true&limit=200&divisionId=" + marketing)
              .items()
              .getValuesAs(JsonObject.class)
              .stream()
              .filter(p -> p.getString("username").contains(".") && p.getInt("level") <= 7)
              .limit(2)
              .toList();
      assertThat(leaders).hasSize(2);
      for (JsonObject leader : leaders) {
        String user = leader.getString("username");
        String id = leader.getString("id");
        assertThat(
                api.put(
                        user,
                        "api/leaders/" + id + "/profile",
                        RequestBodies.profile("brand", 40, true))
                    .status())
            .isEqualTo(200);
        assertThat(
                api.put(
                        user,
                        "api/leaders/" + id + "/availability",
                        RequestBodies.standardHours(90))
                    .status())
            .isEqualTo(200);
      }
      Instant from = Instant.now().plus(Duration.ofDays(3));
      firstSlots = new Slots(api, "ava", leaders.get(0).getString("id"), from);
      secondSlots = new Slots(api, "ava", leaders.get(1).getString("id"), from);
      employees = new DemoPeople(api, "Marketing");
    }
  }

  String division(String name) {
    return api.get("hana", "api/divisions").array().getValuesAs(JsonObject.class).stream()
        .filter(d -> d.getString("name").equals(name))
        .findFirst()
        .orElseThrow()
        .getString("id");
  }

  String idOf(String username) {
    return api.get(username, "api/me").string("id");
  }

  String leaderUser(int n) {
    return leaders.get(n).getString("username");
  }

  String leaderId(int n) {
    return leaders.get(n).getString("id");
  }

  /** A request from the employee to the first leader, proposing two of its open slots. */
  String request(String employee) {
    Api.Reply sent =
        api.post(
            employee,
            "api/requests",
            body(leaderId(0), List.of(firstSlots.next(), firstSlots.next())));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    return sent.string("id");
  }

  /** An interview between the employee and the first leader, accepted at {@code start}. */
  String interview(String employee, Instant start) {
    Api.Reply sent =
        api.post(employee, "api/requests", body(leaderId(0), List.of(start, firstSlots.next())));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    Api.Reply accepted =
        api.post(
            leaderUser(0),
            "api/requests/" + sent.string("id") + "/accept",
            json("start", start.toString()));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    return accepted.string("interviewId");
  }

  // ---------------------------------------------------------------- cohort rounds

  @Test
  void hrCannotRunARoundOfFewerThanFiveEmployeesAndNothingIsStored() throws SQLException {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(idOf(employees.take()));
    }
    long rounds = count("select count(*) from cohort_round");
    // Other classes' rounds may have any of them as members already: nothing is added to that.
    Map<String, Long> memberships = new HashMap<>();
    for (String id : ids) {
      memberships.put(id, count("select count(*) from cohort_member where employee_id = ?", id));
    }

    for (List<String> few : List.of(ids.subList(0, 1), ids)) {
      Api.Reply refused =
          api.post(
              "hana",
              "api/cohorts",
              json("name", "Lookup", "employeeIds", few, "introsPerEmployee", 3));
      assertProblem(refused, 422, "cohort-too-small");
      assertThat(refused.json().getString("detail")).contains("at least 5");
    }

    assertThat(count("select count(*) from cohort_round")).isEqualTo(rounds);
    for (String id : ids) {
      assertThat(count("select count(*) from cohort_member where employee_id = ?", id))
          .isEqualTo(memberships.get(id));
    }
  }

  @Test
  void aRoundThatHasFewerThanFiveEmployeesWhenItRunsFailsWithoutAnIntroduction()
      throws SQLException {
    // A round left with two employees by the time it runs (the others gone since it started).
    UUID round = UUID.randomUUID();
    try (Connection db = TestEnvironment.database()) {
      update(
          db,
          "insert into cohort_round (id, name, intros_per_employee, status, progress_done,"
              + " progress_total, matched, unmatched, total_score, greedy_score, created_by,"
              + " created_at, attempt, version) values (?, 'Shrunk', 1, 'QUEUED', 0, 6, 0, 0, 0, 0,"
              + " ?, ?, 0, 0)",
          round,
          UUID.fromString(idOf("hana")),
          java.sql.Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))));
      for (int i = 0; i < 2; i++) {
        update(
            db,
            "insert into cohort_member (round_id, employee_id) values (?, ?)",
            round,
            UUID.fromString(idOf(employees.take())));
      }
    }

    JsonObject failed =
        await("the round has run")
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(300))
            .until(
                () -> api.get("hana", "api/cohorts/" + round).json(),
                r -> !List.of("QUEUED", "RUNNING").contains(r.getString("status")));

    assertThat(failed.getString("status")).isEqualTo("FAILED");
    assertThat(failed.getString("error")).contains("Fewer than 5");
    assertProblem(api.get("hana", "api/cohorts/" + round + "/matches"), 409, "cohort-not-done");
    assertThat(count("select count(*) from cohort_match where round_id = ?", round.toString()))
        .isZero();
  }

  @Test
  void hrReadsARoundsOutcomeAndWhoMetWhomButNoneOfTheEmployeesReasons() throws SQLException {
    String goals = "Leave my manager's team for brand work next year " + UUID.randomUUID();
    List<String> members = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      members.add(employees.take());
    }
    String explorer = members.get(0);
    assertThat(
            api.put(
                    explorer,
                    "api/me/interests",
                    json(
                        "targetDivisionIds",
                        List.of(division("Marketing")),
                        "topics",
                        List.of("brand", "leadership"),
                        "goals",
                        goals))
                .status())
        .isEqualTo(200);
    List<String> ids = members.stream().map(this::idOf).toList();

    Api.Reply created =
        api.post(
            "hana",
            "api/cohorts",
            json("name", "Five explorers", "employeeIds", ids, "introsPerEmployee", 2));
    assertThat(created.status()).as(created.toString()).isEqualTo(202);
    String round = created.string("id");
    JsonObject done =
        await("the round is done")
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(300))
            .until(
                () -> api.get("hana", "api/cohorts/" + round).json(),
                r -> List.of("DONE", "FAILED").contains(r.getString("status")));
    assertThat(done.getString("status")).as(done.toString()).isEqualTo("DONE");

    // The employee reads every reason of their introductions, their target division among them.
    List<JsonObject> introductions =
        api.get(explorer, "api/me/introductions").array().getValuesAs(JsonObject.class).stream()
            .filter(i -> i.getString("roundId").equals(round))
            .toList();
    assertThat(introductions).isNotEmpty();
    List<String> reasons =
        introductions.stream()
            .flatMap(i -> i.getJsonArray("reasons").getValuesAs(JsonString::getString).stream())
            .toList();
    assertThat(reasons).anyMatch(r -> r.contains("a division you target"));

    // HR reads who met whom and the outcome.
    Api.Reply matches = api.get("hana", "api/cohorts/" + round + "/matches?limit=100");
    assertThat(matches.status()).isEqualTo(200);
    assertThat(matches.items().getValuesAs(JsonObject.class))
        .hasSize(done.getInt("matched"))
        .allSatisfy(
            m -> {
              assertThat(m.keySet()).containsOnly("employeeId", "employee", "leaderId", "leader");
              assertThat(ids).contains(m.getString("employeeId"));
            });
    // An HR person who manages the explorer reads the round without the explorer's introductions.
    String explorerId = idOf(explorer);
    UUID manager = NetworkIT.managerOf(UUID.fromString(explorerId));
    assertThat(manager).as("the explorer has a manager").isNotNull();
    // The explorer, and any other member the manager manages, directly or not.
    List<String> below = new ArrayList<>();
    int hiddenIntroductions = 0;
    for (String member : members) {
      if (isBelow(UUID.fromString(idOf(member)), manager)) {
        below.add(idOf(member));
        hiddenIntroductions +=
            (int)
                api
                    .get(member, "api/me/introductions")
                    .array()
                    .getValuesAs(JsonObject.class)
                    .stream()
                    .filter(i -> i.getString("roundId").equals(round))
                    .count();
      }
    }
    assertThat(below).contains(explorerId);
    int visible = done.getInt("matched") - hiddenIntroductions;
    int visibleMembers = 5 - below.size();
    NetworkIT.setHr(manager, true);
    try {
      Api.Reply asManager =
          api.get(NetworkIT.usernameOf(manager), "api/cohorts/" + round + "/matches?limit=100");
      assertThat(asManager.status()).as(asManager.toString()).isEqualTo(200);
      assertThat(asManager.json().getInt("total")).isEqualTo(visible);
      assertThat(asManager.items().getValuesAs(JsonObject.class))
          .hasSize(visible)
          .allSatisfy(m -> assertThat(below).doesNotContain(m.getString("employeeId")));
      // Nor can the explorer's introductions be worked out from the round's other figures.
      JsonObject seen = api.get(NetworkIT.usernameOf(manager), "api/cohorts/" + round).json();
      assertThat(seen.getInt("employees")).isEqualTo(visibleMembers);
      assertThat(seen.getInt("matched")).isEqualTo(visible);
      assertThat(seen.containsKey("greedyScore")).isFalse();
      assertThat(
              api
                  .get(NetworkIT.usernameOf(manager), "api/cohorts?limit=100")
                  .items()
                  .getValuesAs(JsonObject.class)
                  .stream()
                  .filter(r -> r.getString("id").equals(round))
                  .findFirst()
                  .orElseThrow()
                  .getInt("matched"))
          .isEqualTo(visible);
      JsonObject partial =
          api.get(NetworkIT.usernameOf(manager), "api/cohorts/" + round + "/outcome").json();
      assertThat(partial.getInt("employees")).isEqualTo(visibleMembers);
      assertThat(partial.getInt("introductions")).isEqualTo(visible);
      assertThat(partial.getInt("introduced")).isEqualTo(visibleMembers - seen.getInt("unmatched"));
      assertThat(
              partial.getJsonArray("leaders").getValuesAs(JsonObject.class).stream()
                  .mapToInt(l -> l.getInt("introductions"))
                  .sum())
          .isEqualTo(visible);
      assertThat(partial.toString()).doesNotContain(explorerId);
    } finally {
      NetworkIT.setHr(manager, false);
    }
    assertThat(matches.body()).contains(explorerId);

    Api.Reply outcome = api.get("hana", "api/cohorts/" + round + "/outcome");
    assertThat(outcome.status()).as(outcome.toString()).isEqualTo(200);
    JsonObject result = outcome.json();
    assertThat(result.getInt("employees")).isEqualTo(5);
    assertThat(result.getInt("introductions")).isEqualTo(done.getInt("matched"));
    assertThat(result.getInt("introduced")).isEqualTo(5 - done.getInt("unmatched"));
    JsonObject scores = result.getJsonObject("scores");
    assertThat(scores.getInt("min")).isLessThanOrEqualTo(scores.getInt("median"));
    assertThat(scores.getInt("median")).isLessThanOrEqualTo(scores.getInt("max"));
    assertThat(
            result.getJsonArray("leaders").getValuesAs(JsonObject.class).stream()
                .mapToInt(l -> l.getInt("introductions"))
                .sum())
        .isEqualTo(done.getInt("matched"));

    // Nothing HR reads about the round carries the employee's reasons, interests or goals.
    for (Api.Reply read :
        List.of(
            api.get("hana", "api/cohorts/" + round),
            api.get("hana", "api/cohorts?limit=100"),
            matches,
            outcome)) {
      assertThat(read.body())
          .doesNotContain(goals)
          .doesNotContain("\"reasons\"")
          .doesNotContain("a division you target")
          .doesNotContain("referred by")
          .doesNotContain("brand, leadership")
          .doesNotContain("leadership, brand");
      for (String reason : reasons) {
        assertThat(read.body()).doesNotContain(reason);
      }
    }
  }

  // ---------------------------------------------------------------- calendars and subjects

  @Test
  void invitationsArePrivateWithANeutralSummaryAndNoSubjectNamesADivision() throws Exception {
    // Every kind of mail a request and an interview send: sent, countered, accepted, moved,
    // cancelled; declined; redirected; withdrawn.
    String explorer = employees.take();
    String countered = request(explorer);
    Instant other = firstSlots.next();
    assertThat(
            api.post(
                    leaderUser(0),
                    "api/requests/" + countered + "/counter",
                    json("proposedSlots", List.of(other.toString()), "note", "Later suits me"))
                .status())
        .isEqualTo(200);
    Api.Reply accepted =
        api.post(
            explorer, "api/requests/" + countered + "/accept", json("start", other.toString()));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    String interview = accepted.string("interviewId");
    assertThat(
            api.post(
                    explorer,
                    "api/interviews/" + interview + "/reschedule",
                    json("start", firstSlots.next().toString(), "reason", "A clash"))
                .status())
        .isEqualTo(200);
    assertThat(
            api.post(
                    leaderUser(0), "api/interviews/" + interview + "/cancel", json("reason", "Ill"))
                .status())
        .isEqualTo(200);

    String declined = employees.take();
    assertThat(
            api.post(
                    leaderUser(0),
                    "api/requests/" + request(declined) + "/decline",
                    json("reason", "Too busy"))
                .status())
        .isEqualTo(200);
    String redirected = employees.take();
    Api.Reply redirect =
        api.post(
            leaderUser(0),
            "api/requests/" + request(redirected) + "/redirect",
            json("leaderId", leaderId(1), "note", "She knows more"));
    assertThat(redirect.status()).as(redirect.toString()).isEqualTo(200);
    String withdrawn = employees.take();
    assertThat(
            api.post(
                    withdrawn,
                    "api/requests/" + request(withdrawn) + "/withdraw",
                    json("reason", "Found the answer"))
                .status())
        .isEqualTo(200);

    // The explorer's calendar: the invitation, the move and the cancellation, each private and
    // neutral; the details are in the description.
    List<MimeMessage> mine = Mailbox.awaitMessages(explorer, 4);
    List<Calendar> calendars = new ArrayList<>();
    for (MimeMessage message : mine) {
      if (message.getContentType().toLowerCase().startsWith("multipart")) {
        calendars.add(Mailbox.calendarOf(message));
      }
    }
    assertThat(calendars).hasSize(3);
    assertThat(calendars)
        .extracting(c -> Mailbox.property(c, Property.METHOD))
        .containsExactlyInAnyOrder("REQUEST", "REQUEST", "CANCEL");
    String leaderName = leaders.get(0).getString("displayName");
    for (Calendar calendar : calendars) {
      assertThat(Mailbox.property(calendar, Property.CLASS)).isEqualTo("PRIVATE");
      assertThat(Mailbox.property(calendar, Property.SUMMARY))
          .isEqualTo("Conversation (Crossroads)");
      assertThat(Mailbox.property(calendar, Property.DESCRIPTION))
          .contains("Informational interview", leaderName);
    }
    Api.Reply ics = api.get(explorer, "api/interviews/" + interview + "/calendar.ics");
    assertThat(ics.body()).contains("CLASS:PRIVATE", "SUMMARY:Conversation (Crossroads)");

    // No subject anyone received names a division (as a word, in its own capitals).
    for (String user :
        List.of(explorer, declined, redirected, withdrawn, leaderUser(0), leaderUser(1))) {
      Mailbox.awaitOutboxDrained(user);
    }
    List<Pattern> divisions =
        api.get("hana", "api/divisions").array().getValuesAs(JsonObject.class).stream()
            .map(d -> Pattern.compile("\\b" + Pattern.quote(d.getString("name")) + "\\b"))
            .toList();
    List<String> subjects = new ArrayList<>();
    for (MimeMessage message : TestEnvironment.smtp().getReceivedMessages()) {
      subjects.add(message.getSubject());
    }
    assertThat(subjects).hasSizeGreaterThanOrEqualTo(mine.size() + 6);
    assertThat(subjects)
        .allSatisfy(
            subject -> assertThat(divisions).noneMatch(d -> d.matcher(subject).find()).as(subject));
  }

  // ---------------------------------------------------------------- rescheduling and mail

  @Test
  void anInterviewMovesThreeTimesADayAndTheRefusedMoveChangesNothingAndMailsNobody()
      throws Exception {
    String employee = employees.take();
    String interview = interview(employee, firstSlots.next());
    // Anyone else's attempts do not use up the interview's moves.
    String stranger = employees.take();
    for (int i = 0; i < 4; i++) {
      assertProblem(
          api.post(
              stranger,
              "api/interviews/" + interview + "/reschedule",
              json("start", firstSlots.next().toString())),
          404,
          "not-found");
    }
    for (int i = 0; i < 3; i++) {
      Api.Reply moved =
          api.post(
              i % 2 == 0 ? employee : leaderUser(0),
              "api/interviews/" + interview + "/reschedule",
              json("start", firstSlots.next().toString(), "reason", "Move " + i));
      assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    }
    JsonObject before = api.get(employee, "api/interviews/" + interview).json();
    long mail = outboxTo(employee) + outboxTo(leaderUser(0));

    Api.Reply refused =
        api.post(
            employee,
            "api/interviews/" + interview + "/reschedule",
            json("start", firstSlots.next().toString(), "reason", "Once more"));

    assertProblem(refused, 429, "rate-limited");
    assertThat(refused.header("Retry-After"))
        .hasValueSatisfying(
            s -> assertThat(Long.parseLong(s)).isBetween(1L, Duration.ofDays(1).toSeconds()));
    JsonObject after = api.get(employee, "api/interviews/" + interview).json();
    assertThat(after.getString("start")).isEqualTo(before.getString("start"));
    assertThat(after.getInt("sequence")).isEqualTo(3);
    assertThat(after.getJsonArray("history")).hasSize(3);
    assertThat(outboxTo(employee) + outboxTo(leaderUser(0))).isEqualTo(mail);
  }

  @Test
  void aPersonMovesInterviewsTenTimesADayAndTheEleventhAttemptIsRefusedUnchanged()
      throws Exception {
    String employee = employees.take();
    String interview = interview(employee, firstSlots.next());
    JsonObject before = api.get(employee, "api/interviews/" + interview).json();
    // Attempts count whatever they ask, even those about nothing.
    for (int i = 0; i < 10; i++) {
      assertProblem(
          api.post(
              employee,
              "api/interviews/" + UUID.randomUUID() + "/reschedule",
              json("start", firstSlots.next().toString())),
          404,
          "not-found");
    }
    long mail = outboxTo(employee) + outboxTo(leaderUser(0));

    Api.Reply refused =
        api.post(
            employee,
            "api/interviews/" + interview + "/reschedule",
            json("start", firstSlots.next().toString()));

    assertProblem(refused, 429, "rate-limited");
    assertThat(refused.header("Retry-After")).isPresent();
    JsonObject after = api.get(employee, "api/interviews/" + interview).json();
    assertThat(after.getString("start")).isEqualTo(before.getString("start"));
    assertThat(after.getInt("sequence")).isZero();
    assertThat(outboxTo(employee) + outboxTo(leaderUser(0))).isEqualTo(mail);
  }

  @Test
  void everyOtherWriteThatMailsSomeoneIsLimitedPerPerson() {
    String someone = employees.take();
    Map<String, Function<String, String>> writes =
        Map.ofEntries(
            Map.entry(
                "requests/%s/accept",
                id -> json("start", Instant.now().plus(Duration.ofDays(9)).toString())),
            Map.entry("requests/%s/counter", id -> json("proposedSlots", List.of(), "note", "")),
            Map.entry("requests/%s/redirect", id -> json("leaderId", id, "note", "")),
            Map.entry("requests/%s/follow-up", id -> json("message", "Hello again")),
            Map.entry("requests/%s/decline", id -> json("reason", "")),
            Map.entry("requests/%s/withdraw", id -> json("reason", "")),
            Map.entry("interviews/%s/cancel", id -> json("reason", "")),
            Map.entry("interviews/%s/thank-you", id -> json("message", "Thanks")),
            Map.entry("interviews/%s/referrals", id -> "[]"),
            Map.entry(
                "interviews/%s/feedback",
                id -> json("talentPool", false, "strengths", List.of(), "note", "")));
    writes.forEach(
        (path, body) -> {
          for (int i = 0; i < 60; i++) {
            String id = UUID.randomUUID().toString();
            Api.Reply attempt = api.post(someone, "api/" + path.formatted(id), body.apply(id));
            assertThat(attempt.status()).as(path + " " + attempt).isNotIn(200, 201, 429);
          }
          String id = UUID.randomUUID().toString();
          Api.Reply refused = api.post(someone, "api/" + path.formatted(id), body.apply(id));
          assertProblem(refused, 429, "rate-limited");
          assertThat(refused.header("Retry-After")).as(path).isPresent();
        });
  }

  // ---------------------------------------------------------------- the directory

  @Test
  void anEmployeesManagersInOtherDivisionsAreNeitherAskedNorRedirectedToNorRecommended()
      throws SQLException {
    // An employee of Engineering whose manager leads in Finance, under a director of Sales; and a
    // peer of the manager in Finance, whom the employee may ask.
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String director = "chaintop" + tag;
    String manager = "chainboss" + tag;
    String peer = "chainpeer" + tag;
    String employee = "chainemployee" + tag;
    String file =
        "username,displayName,email,division,title,level,manager,timeZone,leader,hr\n"
            + line(director, "Sales", "Director", 7, null, true)
            + line(manager, "Finance", "Head of Controlling", 6, director, true)
            + line(peer, "Finance", "Head of Treasury", 6, null, true)
            + line(employee, "Engineering", "Analyst", 4, manager, false);
    Api.Reply accepted =
        api.send("hana", "POST", "api/directory/import", file, "text/csv", Map.of());
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    String job = accepted.string("jobId");
    await("the import finished")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> api.get("hana", "api/jobs/" + job).json().getString("status"), "DONE"::equals);
    // Imported people sign in through the identity provider; here, with the demo's password.
    try (Connection db = TestEnvironment.database();
        PreparedStatement copy =
            db.prepareStatement(
                "insert into credential (person_id, password_hash) select p.id, c.password_hash"
                    + " from person p, credential c join person ava on ava.id = c.person_id"
                    + " and ava.username = 'ava' where p.username like ?")) {
      copy.setString(1, "chain%" + tag);
      assertThat(copy.executeUpdate()).isEqualTo(4);
    }
    String topic = "chain review " + tag;
    Map<String, String> ids = new java.util.HashMap<>();
    for (String leader : List.of(director, manager, peer)) {
      String id = api.get(leader, "api/me").string("id");
      ids.put(leader, id);
      assertThat(
              api.put(
                      leader,
                      "api/leaders/" + id + "/profile",
                      RequestBodies.profile(topic, 8, true))
                  .status())
          .isEqualTo(200);
      assertThat(
              api.put(
                      leader,
                      "api/leaders/" + id + "/availability",
                      RequestBodies.standardHours(90))
                  .status())
          .isEqualTo(200);
    }
    // Recommended: the peer, not the manager nor the director (all three on the topic asked).
    assertThat(
            api.put(
                    employee,
                    "api/me/interests",
                    json(
                        "targetDivisionIds",
                        List.of(division("Finance"), division("Sales")),
                        "topics",
                        List.of(topic),
                        "goals",
                        ""))
                .status())
        .isEqualTo(200);
    List<String> recommended =
        api.get(employee, "api/me/recommendations?limit=50").array().stream()
            .map(r -> ((JsonObject) r).getJsonObject("leader").getString("id"))
            .toList();
    assertThat(recommended)
        .contains(ids.get(peer))
        .doesNotContain(ids.get(manager), ids.get(director));

    Instant from = Instant.now().plus(Duration.ofDays(3));

    for (String above : List.of(manager, director)) {
      Slots open = new Slots(api, "hana", ids.get(above), from);
      assertProblem(
          api.post(
              employee, "api/requests", body(ids.get(above), List.of(open.next(), open.next()))),
          409,
          "own-management-chain");
    }
    Slots peerSlots = new Slots(api, "hana", ids.get(peer), from);
    Api.Reply asked =
        api.post(
            employee,
            "api/requests",
            body(ids.get(peer), List.of(peerSlots.next(), peerSlots.next())));
    assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
    assertProblem(
        api.post(
            peer,
            "api/requests/" + asked.string("id") + "/redirect",
            json("leaderId", ids.get(manager))),
        409,
        "redirect-invalid");
  }

  // ---------------------------------------------------------------- the directory changes

  static final String NO_LONGER_ALLOWED =
      "The program's rules no longer allow this meeting after a change in the directory.";

  @Test
  void anImportThatMakesALeaderTheEmployeesManagerOrMovesThemIntoALeadersDivisionClosesWhatIsOpen()
      throws Exception {
    // An employee of Engineering with a request waiting on L (Finance) and an interview booked
    // with M (Product); and with K and J (Sales), who stay people they may meet.
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String employee = "moveemployee" + tag;
    String l = "movel" + tag;
    String m = "movem" + tag;
    String k = "movek" + tag;
    String j = "movej" + tag;
    importDirectory(
        "move%" + tag,
        5,
        movingLine(l, "Finance", 6, null, true),
        movingLine(m, "Product", 6, null, true),
        movingLine(k, "Sales", 6, null, true),
        movingLine(j, "Sales", 6, null, true),
        movingLine(employee, "Engineering", 4, null, false));
    Map<String, String> ids = offering(l, m, k, j);
    String toL = sent(employee, ids.get(l));
    String toK = sent(employee, ids.get(k));
    Slots mSlots = leaderSlots(ids.get(m));
    Instant withM = mSlots.next();
    String interviewWithM = booked(employee, m, ids.get(m), withM, mSlots.next());
    Slots jSlots = leaderSlots(ids.get(j));
    Instant withJ = jSlots.next();
    String interviewWithJ = booked(employee, j, ids.get(j), withJ, jSlots.next());
    assertThat(monthLoad(ids.get(m), withM)).isEqualTo(1);
    assertThat(monthLoad(ids.get(j), withJ)).isEqualTo(1);
    for (String user : List.of(employee, l, m, k, j)) {
      Mailbox.awaitOutboxDrained(user);
    }
    int kMail = Mailbox.to(k).size();
    int jMail = Mailbox.to(j).size();

    // L becomes their manager, and they move to M's division.
    importDirectory(null, 0, movingLine(employee, "Product", 4, l, false));

    JsonObject request = api.get(employee, "api/requests/" + toL).json();
    assertThat(request.getString("status")).isEqualTo("WITHDRAWN");
    JsonObject closing = last(request);
    assertThat(closing.getString("type")).isEqualTo("WITHDRAWN");
    assertThat(absent(closing, "actorId")).isTrue();
    assertThat(closing.getString("note")).isEqualTo(NO_LONGER_ALLOWED);
    JsonObject interview = api.get(employee, "api/interviews/" + interviewWithM).json();
    assertThat(interview.getString("status")).isEqualTo("CANCELLED");
    assertThat(interview.getString("cancelReason")).isEqualTo(NO_LONGER_ALLOWED);
    assertThat(monthLoad(ids.get(m), withM)).isZero();

    // Both sides read the program's reason and nothing about why.
    assertNeutral(awaitMail(employee, "Your request to Mover " + l + " was closed"));
    assertNeutral(awaitMail(l, "The request from Mover " + employee + " was closed"));
    for (String user : List.of(employee, m)) {
      MimeMessage cancelled = awaitMail(user, "Informational interview cancelled");
      assertNeutral(cancelled);
      assertThat(Mailbox.property(Mailbox.calendarOf(cancelled), Property.METHOD))
          .isEqualTo("CANCEL");
    }

    // What is open with K and J stays as it was, and they hear nothing.
    assertThat(api.get(employee, "api/requests/" + toK).string("status")).isEqualTo("PENDING");
    assertThat(api.get(employee, "api/interviews/" + interviewWithJ).string("status"))
        .isEqualTo("SCHEDULED");
    assertThat(monthLoad(ids.get(j), withJ)).isEqualTo(1);
    for (String user : List.of(employee, l, m)) {
      Mailbox.awaitOutboxDrained(user);
    }
    assertThat(Mailbox.to(k)).hasSize(kMail);
    assertThat(Mailbox.to(j)).hasSize(jMail);

    // The new manager can neither take nor pass on the request, nor bring the interview back.
    List<Instant> proposed =
        api.get(l, "api/requests/" + toL).json().getJsonArray("proposedSlots").stream()
            .map(slot -> Instant.parse(((JsonString) slot).getString()))
            .toList();
    Api.Reply accepted =
        api.post(l, "api/requests/" + toL + "/accept", json("start", proposed.get(0).toString()));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(409);
    assertProblem(
        api.post(l, "api/requests/" + toL + "/redirect", json("leaderId", ids.get(k))),
        409,
        "request-closed");
    assertProblem(
        api.post(l, "api/requests/" + toL + "/decline", json("reason", "")), 409, "request-closed");
    assertProblem(
        api.post(
            m,
            "api/interviews/" + interviewWithM + "/reschedule",
            json("start", mSlots.next().toString())),
        409,
        "interview-closed");
    JsonObject after = api.get(employee, "api/requests/" + toL).json();
    assertThat(after.getString("status")).isEqualTo("WITHDRAWN");
    assertThat(absent(after, "interviewId")).isTrue();
    assertThat(api.get(employee, "api/interviews/" + interviewWithM).string("status"))
        .isEqualTo("CANCELLED");
  }

  @Test
  void whenTheEmployeesManagerGetsALeaderAsManagerOrALeaderMovesInWhatIsOpenWithThatLeaderCloses()
      throws Exception {
    // Two employees under X in Engineering: one waits on N (Finance), the other meets N; the
    // first also waits on P (Sales).
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String x = "belowx" + tag;
    String waiting = "beloww" + tag;
    String meeting = "belowm" + tag;
    String n = "belown" + tag;
    String p = "belowp" + tag;
    importDirectory(
        "below%" + tag,
        5,
        movingLine(n, "Finance", 6, null, true),
        movingLine(p, "Sales", 6, null, true),
        movingLine(x, "Engineering", 5, null, false),
        movingLine(waiting, "Engineering", 4, x, false),
        movingLine(meeting, "Engineering", 4, x, false));
    Map<String, String> ids = offering(n, p);
    String toN = sent(waiting, ids.get(n));
    String toP = sent(waiting, ids.get(p));
    Slots nSlots = leaderSlots(ids.get(n));
    Instant start = nSlots.next();
    String interview = booked(meeting, n, ids.get(n), start, nSlots.next());
    assertThat(monthLoad(ids.get(n), start)).isEqualTo(1);

    // N becomes X's manager (nothing about either employee changes), and P moves to Engineering.
    importDirectory(
        null,
        0,
        movingLine(x, "Engineering", 5, n, false),
        movingLine(p, "Engineering", 6, null, true));

    assertThat(api.get(waiting, "api/requests/" + toN).string("status")).isEqualTo("WITHDRAWN");
    assertThat(api.get(waiting, "api/requests/" + toP).string("status")).isEqualTo("WITHDRAWN");
    assertThat(api.get(meeting, "api/interviews/" + interview).string("status"))
        .isEqualTo("CANCELLED");
    assertThat(monthLoad(ids.get(n), start)).isZero();
    assertNeutral(awaitMail(n, "The request from Mover " + waiting + " was closed"));
    assertNeutral(awaitMail(p, "The request from Mover " + waiting + " was closed"));
    assertNeutral(awaitMail(meeting, "Informational interview cancelled"));
  }

  static final String EMPLOYEE_LEFT = "The employee has left the company.";
  static final String LEADER_LEFT = "The leader has left the company.";

  @Test
  void anEmployeeWhoLeavesHasTheirComingInterviewCancelledAndOnlyTheLeaderHearsOfTheDeparture()
      throws Exception {
    // E (Engineering) meets L (Finance) in a few days, and met M (Product) an hour ago without an
    // outcome recorded yet; F (Engineering) meets L too, and stays.
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String e = "exite" + tag;
    String f = "exitf" + tag;
    String l = "exitl" + tag;
    String m = "exitm" + tag;
    importDirectory(
        "exit%" + tag,
        4,
        movingLine(l, "Finance", 6, null, true),
        movingLine(m, "Product", 6, null, true),
        movingLine(e, "Engineering", 4, null, false),
        movingLine(f, "Engineering", 4, null, false));
    Map<String, String> ids = offering(l, m);
    Slots lSlots = leaderSlots(ids.get(l));
    Instant start = lSlots.next();
    String coming = booked(e, l, ids.get(l), start, lSlots.next());
    String withF = booked(f, l, ids.get(l), lSlots.next(), lSlots.next());
    Slots mSlots = leaderSlots(ids.get(m));
    String past = booked(e, m, ids.get(m), mSlots.next(), mSlots.next());
    TimeTravel.interviewEnded(past, Duration.ofHours(1));
    long load = monthLoad(ids.get(l), start);
    Map<String, Long> outbox = outboxesOf(List.of(e, f, l, m));

    importDirectory(null, 0, leavingLine(e, "Engineering", 4, null, false));

    JsonObject cancelled = api.get(l, "api/interviews/" + coming).json();
    assertThat(cancelled.getString("status")).isEqualTo("CANCELLED");
    assertThat(cancelled.getString("cancelReason")).isEqualTo(EMPLOYEE_LEFT);
    assertThat(last(cancelled).getString("type")).isEqualTo("CANCELLED");
    assertThat(absent(last(cancelled), "actorId")).isTrue();
    assertThat(monthLoad(ids.get(l), start)).isEqualTo(load - 1);

    // The leader alone is told, of the departure and nothing else; nobody else hears anything.
    assertDeparture(awaitMail(l, "Informational interview cancelled"), "Mover " + e, coming);
    assertThat(outboxTo(l)).isEqualTo(outbox.get(l) + 1);
    for (String user : List.of(e, f, m)) {
      assertThat(outboxTo(user)).as(user).isEqualTo(outbox.get(user));
    }

    // What already began, and what is between two people who stay, is as it was.
    assertThat(api.get(m, "api/interviews/" + past).string("status")).isEqualTo("SCHEDULED");
    assertThat(api.get(f, "api/interviews/" + withF).string("status")).isEqualTo("SCHEDULED");

    // The leader can neither take the request again nor move, hold or cancel the interview.
    assertProblem(
        api.post(
            l, "api/interviews/" + coming + "/reschedule", json("start", lSlots.next().toString())),
        409,
        "interview-closed");
    assertProblem(
        api.post(l, "api/interviews/" + coming + "/outcome", json("held", true)),
        409,
        "interview-closed");
    assertProblem(
        api.post(l, "api/interviews/" + coming + "/cancel", json("reason", "")),
        409,
        "interview-closed");
    Api.Reply accepted =
        api.post(
            l,
            "api/requests/" + cancelled.getString("requestId") + "/accept",
            json("start", start.toString()));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(409);
    assertThat(api.get(l, "api/interviews/" + coming).string("status")).isEqualTo("CANCELLED");
    assertThat(monthLoad(ids.get(l), start)).isEqualTo(load - 1);
  }

  @Test
  void aLeaderWhoLeavesHasTheirComingInterviewCancelledAndOnlyTheEmployeeHearsOfTheDeparture()
      throws Exception {
    // E (Engineering) meets L (Finance) in a few days; F (Engineering) meets M (Product), and
    // both stay.
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String e = "gonee" + tag;
    String f = "gonef" + tag;
    String l = "gonel" + tag;
    String m = "gonem" + tag;
    importDirectory(
        "gone%" + tag,
        4,
        movingLine(l, "Finance", 6, null, true),
        movingLine(m, "Product", 6, null, true),
        movingLine(e, "Engineering", 4, null, false),
        movingLine(f, "Engineering", 4, null, false));
    Map<String, String> ids = offering(l, m);
    Slots lSlots = leaderSlots(ids.get(l));
    Instant start = lSlots.next();
    String coming = booked(e, l, ids.get(l), start, lSlots.next());
    Instant elsewhen = lSlots.next();
    Slots mSlots = leaderSlots(ids.get(m));
    Instant withMAt = mSlots.next();
    String withM = booked(f, m, ids.get(m), withMAt, mSlots.next());
    assertThat(monthLoad(ids.get(l), start)).isEqualTo(1);
    Map<String, Long> outbox = outboxesOf(List.of(e, f, l, m));

    importDirectory(null, 0, leavingLine(l, "Finance", 6, null, true));

    JsonObject cancelled = api.get(e, "api/interviews/" + coming).json();
    assertThat(cancelled.getString("status")).isEqualTo("CANCELLED");
    assertThat(cancelled.getString("cancelReason")).isEqualTo(LEADER_LEFT);
    assertThat(monthLoad(ids.get(l), start)).isZero();
    MimeMessage told = awaitMail(e, "Informational interview cancelled");
    assertDeparture(told, "Mover " + l, coming);
    assertThat(outboxTo(e)).isEqualTo(outbox.get(e) + 1);
    for (String user : List.of(l, f, m)) {
      assertThat(outboxTo(user)).as(user).isEqualTo(outbox.get(user));
    }
    assertThat(api.get(f, "api/interviews/" + withM).string("status")).isEqualTo("SCHEDULED");
    assertThat(monthLoad(ids.get(m), withMAt)).isEqualTo(1);

    // The employee can neither move nor hold it.
    assertProblem(
        api.post(e, "api/interviews/" + coming + "/reschedule", json("start", elsewhen.toString())),
        409,
        "interview-closed");
    assertProblem(
        api.post(e, "api/interviews/" + coming + "/outcome", json("held", false)),
        409,
        "interview-closed");
  }

  @Test
  void whatASendDuringALeadersDepartureLeftOpenIsClosedByTheNextExpiryRun() throws Exception {
    // E (Engineering) waits on L (Finance), F (Engineering) meets L in a few days. L is then marked
    // gone as a send that raced the import leaves it: the leavers' close has already run, so the
    // request and the interview are still open.
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String e = "latee" + tag;
    String f = "latef" + tag;
    String l = "latel" + tag;
    importDirectory(
        "late%" + tag,
        3,
        movingLine(l, "Finance", 6, null, true),
        movingLine(e, "Engineering", 4, null, false),
        movingLine(f, "Engineering", 4, null, false));
    Map<String, String> ids = offering(l);
    String waiting = sent(e, ids.get(l));
    Slots slots = leaderSlots(ids.get(l));
    Instant start = slots.next();
    String coming = booked(f, l, ids.get(l), start, slots.next());
    Map<String, Long> outbox = outboxesOf(List.of(e, f, l));

    setActive(ids.get(l), false);

    JsonObject closed =
        await("the request to the leader who left is closed")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> api.get(e, "api/requests/" + waiting).json(),
                request -> !request.getString("status").equals("PENDING"));
    assertThat(closed.getString("status")).isEqualTo("WITHDRAWN");
    assertThat(last(closed).getString("note")).isEqualTo(LEADER_LEFT);
    JsonObject cancelled = api.get(f, "api/interviews/" + coming).json();
    assertThat(cancelled.getString("status")).isEqualTo("CANCELLED");
    assertThat(cancelled.getString("cancelReason")).isEqualTo(LEADER_LEFT);
    assertThat(monthLoad(ids.get(l), start)).isZero();

    // Each of the two who stay is told once, in the same transaction; the leader who left, nothing.
    assertThat(outboxTo(e)).isEqualTo(outbox.get(e) + 1);
    assertThat(outboxTo(f)).isEqualTo(outbox.get(f) + 1);
    assertDeparture(awaitMail(f, "Informational interview cancelled"), "Mover " + l, coming);
    assertThat(outboxTo(l)).isEqualTo(outbox.get(l));
  }

  @Test
  void aChangeOfLevelAloneClosesWhatTheLevelBandNoLongerAllowsAndNothingElse() throws Exception {
    assertThat(api.get("hana", "api/program").json().getInt("maxLevelGap")).isEqualTo(3);
    // E (Engineering, 4) waits on L (Finance, 7) and meets M (Product, 6); F (Engineering, 5)
    // meets K (Sales, 6).
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String e = "levele" + tag;
    String f = "levelf" + tag;
    String l = "levell" + tag;
    String m = "levelm" + tag;
    String k = "levelk" + tag;
    importDirectory(
        "level%" + tag,
        5,
        movingLine(l, "Finance", 7, null, true),
        movingLine(m, "Product", 6, null, true),
        movingLine(k, "Sales", 6, null, true),
        movingLine(e, "Engineering", 4, null, false),
        movingLine(f, "Engineering", 5, null, false));
    Map<String, String> ids = offering(l, m, k);
    String toL = sent(e, ids.get(l));
    Slots mSlots = leaderSlots(ids.get(m));
    String withM = booked(e, m, ids.get(m), mSlots.next(), mSlots.next());
    Slots kSlots = leaderSlots(ids.get(k));
    Instant withKAt = kSlots.next();
    String withK = booked(f, k, ids.get(k), withKAt, kSlots.next());

    // E goes down a level: L (7) is now above the band (up to 6), M (6) is not. K goes up to 9,
    // above F's band (up to 8). Nobody gets another manager or division.
    importDirectory(
        null,
        0,
        movingLine(e, "Engineering", 3, null, false),
        movingLine(k, "Sales", 9, null, true));

    JsonObject request = api.get(e, "api/requests/" + toL).json();
    assertThat(request.getString("status")).isEqualTo("WITHDRAWN");
    assertThat(last(request).getString("note")).isEqualTo(NO_LONGER_ALLOWED);
    JsonObject cancelled = api.get(f, "api/interviews/" + withK).json();
    assertThat(cancelled.getString("status")).isEqualTo("CANCELLED");
    assertThat(cancelled.getString("cancelReason")).isEqualTo(NO_LONGER_ALLOWED);
    assertThat(monthLoad(ids.get(k), withKAt)).isZero();
    assertThat(api.get(e, "api/interviews/" + withM).string("status")).isEqualTo("SCHEDULED");
    assertNeutral(awaitMail(l, "The request from Mover " + e + " was closed"));
    assertNeutral(awaitMail(f, "Informational interview cancelled"));
  }

  /**
   * Imports these lines and waits until the job is done; then gives the {@code expected} people
   * whose user names are like {@code signIn} the demo's password (imported people sign in through
   * the identity provider).
   */
  private void importDirectory(String signIn, int expected, String... lines) throws SQLException {
    String file =
        "username,displayName,email,division,title,level,manager,timeZone,leader,hr,active\n"
            + String.join("", lines);
    Api.Reply accepted =
        api.send("hana", "POST", "api/directory/import", file, "text/csv", Map.of());
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    String job = accepted.string("jobId");
    JsonObject done =
        await("the import finished")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> api.get("hana", "api/jobs/" + job).json(),
                state -> List.of("DONE", "FAILED").contains(state.getString("status")));
    assertThat(done.getString("status")).as(done.toString()).isEqualTo("DONE");
    if (signIn == null) {
      return;
    }
    try (Connection db = TestEnvironment.database();
        PreparedStatement copy =
            db.prepareStatement(
                "insert into credential (person_id, password_hash) select p.id, c.password_hash"
                    + " from person p, credential c join person ava on ava.id = c.person_id"
                    + " and ava.username = 'ava' where p.username like ?")) {
      copy.setString(1, signIn);
      assertThat(copy.executeUpdate()).isEqualTo(expected);
    }
  }

  /** The leaders take requests and have hours; their ids by user name. */
  private Map<String, String> offering(String... leaders) {
    Map<String, String> ids = new java.util.HashMap<>();
    for (String leader : leaders) {
      String id = idOf(leader);
      ids.put(leader, id);
      assertThat(
              api.put(
                      leader,
                      "api/leaders/" + id + "/profile",
                      RequestBodies.profile("moves", 8, true))
                  .status())
          .isEqualTo(200);
      assertThat(
              api.put(
                      leader,
                      "api/leaders/" + id + "/availability",
                      RequestBodies.standardHours(90))
                  .status())
          .isEqualTo(200);
    }
    return ids;
  }

  private Slots leaderSlots(String leaderId) {
    return new Slots(api, "hana", leaderId, Instant.now().plus(Duration.ofDays(3)));
  }

  /** A request of the employee's to the leader, waiting for an answer. */
  private String sent(String employee, String leaderId) {
    Slots slots = leaderSlots(leaderId);
    Api.Reply sent =
        api.post(employee, "api/requests", body(leaderId, List.of(slots.next(), slots.next())));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    return sent.string("id");
  }

  /**
   * An interview of the employee's with the leader at {@code start}, proposed with {@code other}
   * and accepted by the leader.
   */
  private String booked(
      String employee, String leader, String leaderId, Instant start, Instant other) {
    Api.Reply sent = api.post(employee, "api/requests", body(leaderId, List.of(start, other)));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    Api.Reply accepted =
        api.post(
            leader,
            "api/requests/" + sent.string("id") + "/accept",
            json("start", start.toString()));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    return accepted.string("interviewId");
  }

  /** The places the leader's month of {@code start} has taken under the cap (0 if none). */
  private static long monthLoad(String leaderId, Instant start) throws SQLException {
    String month =
        java.time.YearMonth.from(start.atZone(java.time.ZoneId.of("Europe/Berlin"))).toString();
    return count(
        "select coalesce(sum(booked), 0) from leader_month_load where leader_id = ? and period = ?",
        leaderId,
        month);
  }

  private static boolean absent(JsonObject object, String key) {
    return !object.containsKey(key) || object.isNull(key);
  }

  private static JsonObject last(JsonObject request) {
    List<JsonObject> history = request.getJsonArray("history").getValuesAs(JsonObject.class);
    return history.get(history.size() - 1);
  }

  /** The first message to the user whose subject starts so, once it has arrived. */
  private static MimeMessage awaitMail(String username, String subject) {
    return await(username + " receives \"" + subject + "\"")
        .atMost(Mailbox.DELIVERY)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                Mailbox.to(username).stream()
                    .filter(message -> subjectOf(message).startsWith(subject))
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  private static String subjectOf(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The message gives the program's reason, and no word of managers or divisions. */
  private static void assertNeutral(MimeMessage message) throws Exception {
    String text = Mailbox.text(message);
    assertThat(text).contains(NO_LONGER_ALLOWED);
    assertThat(text.replace(NO_LONGER_ALLOWED, "").toLowerCase())
        .doesNotContain("manag", "chain", "division", "report", "engineering", "product");
    assertThat(message.getSubject().toLowerCase()).doesNotContain("manag", "division");
  }

  /**
   * The cancellation of an interview with someone who left: it cancels the invitation the one who
   * stays holds (same UID, the next SEQUENCE, so calendars drop it), and the message says that
   * {@code who} left the company and nothing more, neither why nor where to.
   */
  private static void assertDeparture(MimeMessage message, String who, String interviewId)
      throws Exception {
    Calendar calendar = Mailbox.calendarOf(message);
    assertThat(Mailbox.property(calendar, Property.METHOD)).isEqualTo("CANCEL");
    assertThat(Mailbox.property(calendar, Property.UID)).isEqualTo(interviewId + "@crossroads");
    assertThat(Mailbox.property(calendar, Property.SEQUENCE)).isEqualTo("1");
    String text = Mailbox.text(message);
    String departure = who + " has left the company, so your interview was cancelled.";
    assertThat(text).contains(departure);
    assertThat(text.replace(departure, "").toLowerCase())
        .doesNotContain(
            "left",
            "leav",
            "inactive",
            "manag",
            "division",
            "report",
            "level",
            "finance",
            "engineering",
            "product",
            "program");
    assertThat(message.getSubject().toLowerCase())
        .doesNotContain("left", "leav", "manag", "division");
  }

  /**
   * A line of a directory export (the columns of the file above), with an address the test mail
   * server reads by user name.
   */
  private static String movingLine(
      String username, String division, int level, String manager, boolean leader) {
    return directoryLine(username, division, level, manager, leader, true);
  }

  /** As {@link #movingLine}, for someone the directory marks inactive: they left the company. */
  private static String leavingLine(
      String username, String division, int level, String manager, boolean leader) {
    return directoryLine(username, division, level, manager, leader, false);
  }

  private static String directoryLine(
      String username, String division, int level, String manager, boolean leader, boolean active) {
    return String.join(
            ",",
            username,
            "Mover " + username,
            username + "@crossroads.example",
            division,
            leader ? "Head of " + division : "Analyst",
            String.valueOf(level),
            manager == null ? "" : manager,
            "Europe/Berlin",
            String.valueOf(leader),
            "false",
            String.valueOf(active))
        + "\n";
  }

  /** A line of a directory export (the columns of the file above). */
  private static String line(
      String username, String division, String title, int level, String manager, boolean leader) {
    return String.join(
            ",",
            username,
            "Chain " + username,
            username + "@example.com",
            division,
            title,
            String.valueOf(level),
            manager == null ? "" : manager,
            "Europe/Berlin",
            String.valueOf(leader),
            "false")
        + "\n";
  }

  @Test
  void peopleWhoLeftAreHiddenFromEveryoneButHr() throws SQLException {
    String employee = employees.take();
    // A leader the employee is told to ask, none that this or another test signs in as.
    List<String> busy = List.of(idOf("leo"), idOf("mia"), leaderId(0), leaderId(1));
    JsonObject leader =
        api
            .get(employee, "api/me/recommendations?limit=10")
            .array()
            .getValuesAs(JsonObject.class)
            .stream()
            .map(r -> r.getJsonObject("leader"))
            .filter(l -> !busy.contains(l.getString("id")))
            .findFirst()
            .orElseThrow();
    String id = leader.getString("id");
    String name = leader.getString("displayName");
    setActive(id, false);
    try {
      assertProblem(api.get(employee, "api/people/" + id), 404, "not-found");
      assertProblem(api.get(employee, "api/leaders/" + id + "/profile"), 404, "not-found");
      assertProblem(
          api.get(
              employee,
              "api/leaders/"
                  + id
                  + "/slots?length=20&from="
                  + Instant.now()
                  + "&to="
                  + Instant.now().plus(Duration.ofDays(7))),
          404,
          "not-found");
      assertThat(
              api.get(employee, "api/people?limit=100&q=" + encode(name))
                  .items()
                  .getValuesAs(JsonObject.class))
          .extracting(p -> p.getString("id"))
          .doesNotContain(id);
      assertThat(
              api.get(employee, "api/me/recommendations?limit=50")
                  .array()
                  .getValuesAs(JsonObject.class))
          .extracting(r -> r.getJsonObject("leader").getString("id"))
          .doesNotContain(id);
      assertThat(api.get(leaderUser(0), "api/people/" + id).status()).isEqualTo(404);

      // HR still reads the entry, for history.
      assertThat(api.get("hana", "api/people/" + id).status()).isEqualTo(200);
      assertThat(api.get("hana", "api/leaders/" + id + "/profile").status()).isEqualTo(200);
    } finally {
      setActive(id, true);
    }
    assertThat(api.get(employee, "api/people/" + id).status()).isEqualTo(200);
  }

  @Test
  void aFailedImportLeavesNoCopyOfItsFileBehind() throws SQLException {
    // No dot in the user names: other tests take generated people by dotted names.
    String header = "username,displayName,email,division,title,level,manager,timeZone,leader,hr";
    String unknownManager =
        header
            + "\nprivacyone,Privacy One,privacyone@example.com,Finance,Analyst,4,nobodyatall,UTC,false,false\n";
    String unreadable = header + "\nprivacytwo,\"Privacy Two\n";
    for (String csv : List.of(unknownManager, unreadable)) {
      Api.Reply accepted =
          api.send("hana", "POST", "api/directory/import", csv, "text/csv", Map.of());
      assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
      String job = accepted.string("jobId");
      JsonObject finished =
          await("the import finished")
              .atMost(Duration.ofSeconds(60))
              .pollInterval(Duration.ofMillis(200))
              .until(
                  () -> api.get("hana", "api/jobs/" + job).json(),
                  state -> List.of("DONE", "FAILED").contains(state.getString("status")));
      assertThat(finished.getString("status")).as(finished.toString()).isEqualTo("FAILED");
      assertThat(count("select count(*) from directory_upload where job_id = ?", job)).isZero();
    }
    assertThat(count("select count(*) from person where username like 'privacy%'")).isZero();
  }

  @Test
  void whereUserNamesAreHiddenASearchCannotConfirmOne() throws Exception {
    String employee = employees.take();
    JsonObject me = api.get(employee, "api/me").json();
    String name = me.getString("displayName");
    // Shown in the demo, user names are found by search there.
    assertThat(
            api.get("ava", "api/people?q=" + encode(employee))
                .items()
                .getValuesAs(JsonObject.class))
        .extracting(p -> p.getString("id"))
        .contains(me.getString("id"));

    Path work = Path.of(System.getProperty("crossroads.it.work"), "privacy");
    int port = PayaraMicroProcess.freePort();
    Api hidden = new Api(URI.create("http://127.0.0.1:" + port + "/"));
    try (PayaraMicroProcess instance =
        PayaraMicroProcess.start(
            work,
            port,
            "no-demo",
            Map.of(
                "crossroads.db.url",
                System.getProperty(TestEnvironment.URL_PROPERTY),
                "crossroads.demo.enabled",
                "false",
                "crossroads.mail.host",
                "127.0.0.1",
                "crossroads.mail.port",
                System.getProperty(TestEnvironment.SMTP_PORT_PROPERTY)))) {
      instance.awaitReady(hidden, BOOT);

      Api.Reply byUsername = hidden.get("ava", "api/people?q=" + encode(employee));
      assertThat(byUsername.status()).as(byUsername.toString()).isEqualTo(200);
      assertThat(byUsername.json().getInt("total")).isZero();
      List<JsonObject> byName =
          hidden
              .get("ava", "api/people?limit=100&q=" + encode(name))
              .items()
              .getValuesAs(JsonObject.class);
      assertThat(byName).extracting(p -> p.getString("id")).contains(me.getString("id"));
      assertThat(byName).allSatisfy(p -> assertThat(p.containsKey("username")).isFalse());
      assertThat(hidden.get("hana", "api/people?q=" + encode(employee)).json().getInt("total"))
          .isZero();
    }
  }

  static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** How many messages the outbox holds for each of {@code usernames}, by user name. */
  static Map<String, Long> outboxesOf(List<String> usernames) throws SQLException {
    Map<String, Long> outbox = new java.util.HashMap<>();
    for (String user : usernames) {
      outbox.put(user, outboxTo(user));
    }
    return outbox;
  }

  static long outboxTo(String username) throws SQLException {
    return count(
        "select count(*) from outbox_message where lower(recipient_email) = ?",
        username.toLowerCase() + "@crossroads.example");
  }

  /** Whether {@code manager} is in the person's management chain. */
  static boolean isBelow(UUID person, UUID manager) throws SQLException {
    UUID above = NetworkIT.managerOf(person);
    for (int depth = 0; above != null && depth < 50; depth++) {
      if (above.equals(manager)) {
        return true;
      }
      above = NetworkIT.managerOf(above);
    }
    return false;
  }

  static void setActive(String personId, boolean active) throws SQLException {
    try (Connection db = TestEnvironment.database();
        PreparedStatement update =
            db.prepareStatement("update person set active = ? where id = ?")) {
      update.setBoolean(1, active);
      update.setObject(2, UUID.fromString(personId));
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }

  static void update(Connection db, String sql, Object... values) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }

  static long count(String sql, String... values) throws SQLException {
    try (Connection db = TestEnvironment.database();
        PreparedStatement select = db.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        try {
          select.setObject(i + 1, UUID.fromString(values[i]));
        } catch (IllegalArgumentException notAnId) {
          select.setString(i + 1, values[i]);
        }
      }
      try (ResultSet result = select.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }
}
