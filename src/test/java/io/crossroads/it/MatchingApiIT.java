package io.crossroads.it;

import static io.crossroads.it.Api.json;
import static io.crossroads.it.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Interests, recommendations and cohort rounds over HTTP, on PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
class MatchingApiIT {

  @ArquillianResource URL base;
  Api api;
  Map<String, String> divisions = new HashMap<>();

  @BeforeEach
  void connect() {
    api = new Api(base);
    api.get("ava", "api/divisions").array().stream()
        .map(JsonObject.class::cast)
        .forEach(d -> divisions.put(d.getString("name"), d.getString("id")));
  }

  static List<String> strings(JsonObject object, String name) {
    return object.getJsonArray(name).getValuesAs(JsonString::getString);
  }

  @Test
  void interestsAreKeptAsTheEmployeeGivesThemWithTopicsInTheirComparedForm() {
    assertThat(api.get("ben", "api/me/interests").json().getJsonArray("topics")).isEmpty();
    Api.Reply saved =
        api.put(
            "ben",
            "api/me/interests",
            json(
                "targetDivisionIds", List.of(divisions.get("Data Platform")),
                "topics", List.of("  Machine   Learning ", "leadership", ""),
                "goals", "Move into data engineering within two years"));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    JsonObject again = api.get("ben", "api/me/interests").json();
    assertThat(strings(again, "topics")).containsExactly("leadership", "machine learning");
    assertThat(strings(again, "targetDivisionIds")).containsExactly(divisions.get("Data Platform"));
    assertThat(again.getString("goals")).isEqualTo("Move into data engineering within two years");
  }

  @Test
  void badInterestsAreRefusedAndChangeNothing() {
    String employee = new DemoPeople(api).take();
    api.put(
        employee,
        "api/me/interests",
        json("targetDivisionIds", List.of(), "topics", List.of("kafka"), "goals", ""));
    assertProblem(
        api.put(
            employee,
            "api/me/interests",
            json(
                "targetDivisionIds",
                List.of(UUID.randomUUID().toString()),
                "topics",
                List.of(),
                "goals",
                "")),
        400,
        "validation-failed");
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      many.add("topic " + i);
    }
    assertProblem(
        api.put(
            employee,
            "api/me/interests",
            json("targetDivisionIds", List.of(), "topics", many, "goals", "")),
        400,
        "validation-failed");
    assertProblem(
        api.put(
            employee,
            "api/me/interests",
            json("targetDivisionIds", List.of(), "topics", List.of("x".repeat(61)), "goals", "")),
        400,
        "validation-failed");
    assertProblem(
        api.put(employee, "api/me/interests", json("topics", List.of())), 400, "validation-failed");
    assertThat(strings(api.get(employee, "api/me/interests").json(), "topics"))
        .containsExactly("kafka");
  }

  @Test
  void recommendationsKeepEveryHardConstraintAndExplainEveryPoint() {
    api.put(
        "ava",
        "api/me/interests",
        json(
            "targetDivisionIds",
            List.of(divisions.get("Data Platform")),
            "topics",
            List.of("machine learning", "analytics", "leadership"),
            "goals",
            ""));
    JsonObject ava = api.get("ava", "api/me").json();
    List<JsonObject> recommended =
        api.get("ava", "api/me/recommendations?limit=8").array().stream()
            .map(JsonObject.class::cast)
            .toList();
    assertThat(recommended).hasSize(8);
    assertThat(
            recommended.get(0).getJsonArray("reasons").stream()
                .map(r -> ((JsonObject) r).getString("text")))
        .anyMatch(text -> text.contains("Data Platform, a division you target"));
    int previous = Integer.MAX_VALUE;
    for (JsonObject r : recommended) {
      JsonObject leader = r.getJsonObject("leader");
      assertThat(leader.getString("divisionId")).isNotEqualTo(ava.getString("divisionId"));
      assertThat(leader.getInt("level") - ava.getInt("level")).isLessThanOrEqualTo(3);
      int sum =
          r.getJsonArray("reasons").stream().mapToInt(x -> ((JsonObject) x).getInt("points")).sum();
      assertThat(r.getInt("score")).isEqualTo(sum).isLessThanOrEqualTo(previous);
      previous = r.getInt("score");
      JsonObject profile =
          api.get("ava", "api/leaders/" + leader.getString("id") + "/profile").json();
      assertThat(profile.getBoolean("acceptingRequests")).isTrue();
    }
  }

  @Test
  void everyEmployeeGetsRecommendationsOutsideTheirDivisionAndChain() {
    DemoPeople people = new DemoPeople(api);
    for (int i = 0; i < 12; i++) {
      String user = people.take();
      JsonObject me = api.get(user, "api/me").json();
      List<JsonObject> recommended =
          api.get(user, "api/me/recommendations?limit=5").array().stream()
              .map(JsonObject.class::cast)
              .toList();
      assertThat(recommended).as(user).isNotEmpty();
      for (JsonObject r : recommended) {
        String leaderId = r.getJsonObject("leader").getString("id");
        assertThat(r.getJsonObject("leader").getString("divisionId"))
            .isNotEqualTo(me.getString("divisionId"));
        assertThat(leaderId).isNotEqualTo(me.getString("managerId", ""));
        assertThat(r.getJsonArray("reasons")).isNotEmpty();
      }
    }
  }

  @Test
  void aLeaderWhoStopsAcceptingDisappearsFromRecommendationsAtOnce() {
    String employee = new DemoPeople(api, "Marketing").take();
    api.put(
        employee,
        "api/me/interests",
        json(
            "targetDivisionIds",
            List.of(divisions.get("Marketing")),
            "topics",
            List.of("brand", "content strategy", "public speaking"),
            "goals",
            ""));
    String first =
        api.get(employee, "api/me/recommendations?limit=3")
            .array()
            .getJsonObject(0)
            .getJsonObject("leader")
            .getString("id");
    String username = api.get(employee, "api/people/" + first).json().getString("username");
    Api.Reply paused =
        api.put(
            username,
            "api/leaders/" + first + "/profile",
            RequestBodies.profile(false, 4, List.of(15, 20, 30)));
    assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
    try {
      assertThat(
              api.get(employee, "api/me/recommendations?limit=50").array().stream()
                  .map(r -> ((JsonObject) r).getJsonObject("leader").getString("id")))
          .doesNotContain(first);
    } finally {
      api.put(
          username,
          "api/leaders/" + first + "/profile",
          RequestBodies.profile(true, 4, List.of(15, 20, 30)));
    }
  }

  @Test
  void aLimitOutsideOneToFiftyIsRefused() {
    assertProblem(api.get("ava", "api/me/recommendations?limit=0"), 400, "validation-failed");
    assertProblem(api.get("ava", "api/me/recommendations?limit=51"), 400, "validation-failed");
  }

  @Test
  void theTopicVocabularyCountsTheLeadersWhoListEachTopic() {
    List<JsonObject> topics =
        api.get("ava", "api/topics").array().stream().map(JsonObject.class::cast).toList();
    assertThat(topics)
        .extracting(t -> t.getString("name"))
        .contains("machine learning", "leadership", "brand");
    assertThat(topics)
        .filteredOn(t -> t.getString("name").equals("leadership"))
        .allSatisfy(t -> assertThat(t.getInt("leaders")).isPositive());
  }

  @Test
  void hrRunsACohortRoundWatchesItFinishAndEveryMatchKeepsTheRules() {
    Api.Reply created =
        api.post(
            "hana",
            "api/cohorts",
            json(
                "name",
                "Finance spring round",
                "divisionIds",
                List.of(divisions.get("Finance")),
                "introsPerEmployee",
                2));
    assertThat(created.status()).as(created.toString()).isEqualTo(202);
    assertThat(created.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith(created.string("id")));
    JsonObject round = awaitDone(created.string("id"));
    assertThat(round.getJsonObject("progress").getInt("done"))
        .isEqualTo(round.getJsonObject("progress").getInt("total"));
    assertThat(round.getJsonNumber("totalScore").longValue())
        .isGreaterThanOrEqualTo(round.getJsonNumber("greedyScore").longValue());

    Api.Reply page = api.get("hana", "api/cohorts/" + round.getString("id") + "/matches?limit=500");
    assertThat(page.json().getInt("total")).isEqualTo(round.getInt("matched"));
    List<JsonObject> matches = page.items().stream().map(JsonObject.class::cast).toList();
    assertThat(matches).hasSize(round.getInt("matched")).isNotEmpty();
    Map<String, Integer> perEmployee = new HashMap<>();
    Map<String, Integer> perLeader = new HashMap<>();
    for (JsonObject m : matches) {
      perEmployee.merge(m.getString("employeeId"), 1, Integer::sum);
      perLeader.merge(m.getString("leaderId"), 1, Integer::sum);
      assertThat(
              api.get("hana", "api/people/" + m.getString("employeeId"))
                  .json()
                  .getString("divisionId"))
          .isEqualTo(divisions.get("Finance"));
      assertThat(m.keySet()).doesNotContain("score", "reasons");
    }
    assertThat(perEmployee.values()).allSatisfy(n -> assertThat(n).isBetween(1, 2));

    // Each employee sees their introductions, and the leader rises in their recommendations as a
    // referral by the round, ready to be asked.
    JsonObject first = matches.get(0);
    String employee =
        api.get("hana", "api/people/" + first.getString("employeeId")).json().getString("username");
    List<JsonObject> introductions =
        api.get(employee, "api/me/introductions").array().stream()
            .map(JsonObject.class::cast)
            .toList();
    assertThat(introductions)
        .extracting(i -> i.getJsonObject("leader").getString("id"))
        .contains(first.getString("leaderId"));
    assertThat(
            api.get(employee, "api/me/recommendations?limit=50").array().stream()
                .map(JsonObject.class::cast)
                .filter(
                    r ->
                        r.getJsonObject("leader")
                            .getString("id")
                            .equals(first.getString("leaderId")))
                .flatMap(
                    r ->
                        r.getJsonArray("reasons").stream()
                            .map(x -> ((JsonObject) x).getString("text"))))
        .anyMatch(text -> text.contains("the cohort round “Finance spring round”"));
    perLeader.forEach(
        (leader, n) -> {
          JsonObject profile = api.get("hana", "api/leaders/" + leader + "/profile").json();
          assertThat(n).isLessThanOrEqualTo(profile.getInt("monthlyCap"));
          assertThat(api.get("hana", "api/people/" + leader).json().getString("divisionId"))
              .isNotEqualTo(divisions.get("Finance"));
        });
  }

  @Test
  void onlyHrRunsOrSeesCohortRounds() {
    assertProblem(
        api.post(
            "ava",
            "api/cohorts",
            json(
                "name",
                "mine",
                "divisionIds",
                List.of(divisions.get("Finance")),
                "introsPerEmployee",
                1)),
        403,
        "forbidden");
    assertProblem(api.get("leo", "api/cohorts"), 403, "forbidden");
  }

  @Test
  void badCohortRequestsAreRefused() {
    String finance = divisions.get("Finance");
    assertProblem(
        api.post(
            "hana",
            "api/cohorts",
            json(
                "name",
                "both",
                "divisionIds",
                List.of(finance),
                "employeeIds",
                List.of(UUID.randomUUID().toString()),
                "introsPerEmployee",
                1)),
        400,
        "validation-failed");
    assertProblem(
        api.post("hana", "api/cohorts", json("name", "neither", "introsPerEmployee", 1)),
        400,
        "validation-failed");
    assertProblem(
        api.post(
            "hana",
            "api/cohorts",
            json("name", "zero", "divisionIds", List.of(finance), "introsPerEmployee", 0)),
        400,
        "validation-failed");
    assertProblem(
        api.post(
            "hana",
            "api/cohorts",
            json(
                "name",
                "unknown",
                "divisionIds",
                List.of(UUID.randomUUID().toString()),
                "introsPerEmployee",
                1)),
        400,
        "validation-failed");
    assertProblem(
        api.post(
            "hana",
            "api/cohorts",
            json(
                "name",
                "ghosts",
                "employeeIds",
                List.of(UUID.randomUUID().toString()),
                "introsPerEmployee",
                1)),
        400,
        "validation-failed");
    assertProblem(api.get("hana", "api/cohorts/" + UUID.randomUUID()), 404, "not-found");
    assertProblem(
        api.get("hana", "api/cohorts/" + UUID.randomUUID() + "/matches"), 404, "not-found");
  }

  @Test
  void aRoundWhoseInstanceWentSilentIsTakenOverAndItsHalfResultReplaced() throws SQLException {
    UUID round = UUID.randomUUID();
    List<String> employees =
        api
            .get("hana", "api/people?divisionId=" + divisions.get("Operations") + "&limit=30")
            .items()
            .stream()
            .map(JsonObject.class::cast)
            .filter(p -> !p.getBoolean("leader"))
            .map(p -> p.getString("id"))
            .limit(10)
            .toList();
    String someLeader =
        api.get("hana", "api/people?leadersOnly=true&divisionId=" + divisions.get("Sales"))
            .items()
            .getJsonObject(0)
            .getString("id");
    String hana = api.get("hana", "api/me").json().getString("id");
    try (Connection db = database()) {
      Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofMinutes(10)));
      update(
          db,
          "insert into cohort_round (id, name, intros_per_employee, status, progress_done,"
              + " progress_total, matched, unmatched, total_score, greedy_score, created_by, created_at,"
              + " started_at, heartbeat_at, claimed_by, attempt, version) values (?, 'Interrupted', 1,"
              + " 'RUNNING', 7, 30, 0, 0, 0, 0, ?, ?, ?, ?, 'an instance that died', 1, 3)",
          round,
          UUID.fromString(hana),
          longAgo,
          longAgo,
          longAgo);
      for (String e : employees) {
        update(
            db,
            "insert into cohort_member (round_id, employee_id) values (?, ?)",
            round,
            UUID.fromString(e));
      }
      // What the dead attempt may have left half written.
      update(
          db,
          "insert into cohort_match (round_id, employee_id, leader_id, score, reasons)"
              + " values (?, ?, ?, 999999, 'left over')",
          round,
          UUID.fromString(employees.get(0)),
          UUID.fromString(someLeader));
    }
    JsonObject done = awaitDone(round.toString());
    assertThat(done.getJsonObject("progress").getInt("total")).isEqualTo(30);
    List<JsonObject> matches =
        api.get("hana", "api/cohorts/" + round + "/matches").items().stream()
            .map(JsonObject.class::cast)
            .toList();
    assertThat(matches).hasSize(done.getInt("matched")).isNotEmpty();
    assertThat(
            api.get("hana", "api/cohorts/" + round + "/outcome")
                .json()
                .getJsonObject("scores")
                .getInt("max"))
        .isLessThan(999999);
    assertThat(matches).extracting(m -> m.getString("employeeId")).allMatch(employees::contains);
    try (Connection db = database();
        PreparedStatement select =
            db.prepareStatement("select attempt, claimed_by from cohort_round where id = ?")) {
      select.setObject(1, round);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        assertThat(row.getInt(1)).isEqualTo(2);
        assertThat(row.getString(2)).isNotEqualTo("an instance that died");
      }
    }
  }

  @Test
  void theMatchesOfARoundThatHasNotFinishedAreNotShownYet() throws SQLException {
    UUID round = UUID.randomUUID();
    String hana = api.get("hana", "api/me").json().getString("id");
    try (Connection db = database()) {
      update(
          db,
          "insert into cohort_round (id, name, intros_per_employee, status, progress_done,"
              + " progress_total, matched, unmatched, total_score, greedy_score, created_by, created_at,"
              + " attempt, version) values (?, 'Waiting', 1, 'RUNNING', 0, 3, 0, 0, 0, 0, ?, ?, 1, 0)",
          round,
          UUID.fromString(hana),
          Timestamp.from(Instant.now()));
    }
    assertProblem(api.get("hana", "api/cohorts/" + round + "/matches"), 409, "cohort-not-done");
    try (Connection db = database()) {
      update(db, "update cohort_round set status = 'FAILED' where id = ?", round);
    }
  }

  /** The round once it is done; fails at once if it ends any other way. */
  JsonObject awaitDone(String id) {
    return await("round " + id + " done")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              JsonObject round = api.get("hana", "api/cohorts/" + id).json();
              assertThat(round.getString("status"))
                  .as(round.toString())
                  .isIn("QUEUED", "RUNNING", "DONE");
              return round;
            },
            round -> round.getString("status").equals("DONE"));
  }

  static Connection database() throws SQLException {
    return DriverManager.getConnection(
        System.getProperty(TestEnvironment.URL_PROPERTY), "postgres", "postgres");
  }

  static void update(Connection db, String sql, Object... values) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }
}
