package io.crossroads.it;

import static io.crossroads.it.Api.json;
import static io.crossroads.it.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The program's rulebook over HTTP: the rules HR edits, who may be asked on every path (a redirect
 * above all, which must never reach the employee's own manager), and persistence that ends in
 * expiry, with the expiry job running on its own schedule.
 */
@ExtendWith(ArquillianExtension.class)
class RulebookIT {

  @ArquillianResource URL base;
  static DemoPeople employees;
  static Slots leoSlots;
  Api api;
  String leo;
  String mia;

  @BeforeEach
  void connect() {
    api = new Api(base);
    leo = idOf("leo");
    mia = idOf("mia");
    synchronized (RulebookIT.class) {
      if (employees == null) {
        // Employees outside Engineering and Marketing: Leo and Mia are in other divisions.
        employees = new DemoPeople(api, "Engineering", "Marketing");
        assertThat(
                api.put(
                        "leo",
                        "api/leaders/" + leo + "/profile",
                        RequestBodies.profile("architecture", 40, true))
                    .status())
            .isEqualTo(200);
        leoSlots = new Slots(api, "ava", leo, Instant.now().plus(Duration.ofDays(2)));
      }
    }
  }

  String idOf(String username) {
    return api.get(username, "api/me").string("id");
  }

  /** The employee asks the leader, proposing two of the leader's open times. */
  Api.Reply ask(String employee, String leaderId) {
    Slots open =
        leaderId.equals(leo)
            ? leoSlots
            : new Slots(api, employee, leaderId, Instant.now().plus(Duration.ofDays(2)));
    return api.post(
        employee, "api/requests", RequestBodies.body(leaderId, List.of(open.next(), open.next())));
  }

  String send(String employee, String leaderId) {
    Api.Reply sent = ask(employee, leaderId);
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    return sent.string("id");
  }

  static void execute(String sql, Object... parameters) throws SQLException {
    try (Connection db = TestEnvironment.database();
        PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      assertThat(statement.executeUpdate()).isEqualTo(1);
    }
  }

  /** Moves the request's last attempt back, as if that much time had passed since. */
  static void ageLastAttempt(String requestId, Duration by) throws SQLException {
    execute(
        "update interview_request set last_attempt_at = last_attempt_at - ?::interval,"
            + " created_at = created_at - ?::interval where id = ?",
        by.toSeconds() + " seconds",
        by.toSeconds() + " seconds",
        UUID.fromString(requestId));
  }

  String status(String employee, String requestId) {
    return api.get(employee, "api/requests/" + requestId).string("status");
  }

  // ---- The program's rules -------------------------------------------------------------------

  @Test
  void everyoneReadsTheRulesAndOnlyHrChangesThemFromTheCurrentVersion() {
    JsonObject rules = api.get("ava", "api/program").json();
    assertThat(rules.getJsonArray("lengths").toString()).isEqualTo("[15,20,30]");
    long version = rules.getJsonNumber("version").longValue();

    String change = RequestBodies.program(version, 3, 6);
    assertProblem(api.put("ava", "api/program", change), 403, "forbidden");
    assertProblem(api.put("leo", "api/program", change), 403, "forbidden");

    Api.Reply changed = api.put("hana", "api/program", RequestBodies.program(version, 2, 6));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    try {
      assertThat(changed.json().getJsonNumber("version").longValue()).isEqualTo(version + 1);
      assertThat(api.get("ben", "api/program").json().getInt("maxOpenRequests")).isEqualTo(2);

      // Made from the version before: someone else's change would be lost.
      assertProblem(
          api.put("hana", "api/program", RequestBodies.program(version, 5, 6)),
          409,
          "concurrent-update");
      assertThat(api.get("ava", "api/program").json().getInt("maxOpenRequests")).isEqualTo(2);
    } finally {
      restoreRules();
    }
  }

  @Test
  void invalidRulesAreRefusedFieldByFieldAndNothingChanges() {
    long version = api.get("hana", "api/program").json().getJsonNumber("version").longValue();
    String invalid =
        RequestBodies.program(version, 0, 6)
            .replace("\"lengths\":[15,20,30]", "\"lengths\":[22]")
            .replace("\"maxLevelGap\":3", "\"maxLevelGap\":-1");

    Api.Reply refused = api.put("hana", "api/program", invalid);

    assertProblem(refused, 400, "validation-failed");
    assertThat(refused.json().getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("field"))
        .containsExactlyInAnyOrder("lengths", "maxOpenRequests", "maxLevelGap");
    assertProblem(
        api.put("hana", "api/program", "{\"version\":" + version + "}"), 400, "validation-failed");
    assertProblem(api.put("hana", "api/program", "{"), 400, "malformed-request");
    assertThat(api.get("hana", "api/program").json().getJsonNumber("version").longValue())
        .isEqualTo(version);
  }

  @Test
  void aLimitHrLowersHoldsForTheVeryNextRequest() {
    String employee = employees.take();
    long version = api.get("hana", "api/program").json().getJsonNumber("version").longValue();
    assertThat(api.put("hana", "api/program", RequestBodies.program(version, 1, 6)).status())
        .isEqualTo(200);
    try {
      send(employee, leo);
      assertProblem(ask(employee, mia), 409, "open-request-limit");
    } finally {
      restoreRules();
    }
  }

  void restoreRules() {
    long version = api.get("hana", "api/program").json().getJsonNumber("version").longValue();
    assertThat(api.put("hana", "api/program", RequestBodies.program(version, 3, 6)).status())
        .isEqualTo(200);
  }

  // ---- Who may be asked, on every path ------------------------------------------------------

  /**
   * Leo redirects the employee's request to {@code colleague}; the refusal gives Leo no reason
   * (which could give away whom the employee asked or met lately) and leaves all as it was.
   */
  void assertRedirectRefused(String employee, String colleague) {
    String id = send(employee, leo);
    JsonObject before = api.get(employee, "api/requests/" + id).json();

    Api.Reply refused =
        api.post("leo", "api/requests/" + id + "/redirect", json("leaderId", colleague));
    assertProblem(refused, 409, "redirect-invalid");
    assertThat(refused.string("detail"))
        .endsWith("cannot take this request; suggest another colleague.");

    JsonObject after = api.get(employee, "api/requests/" + id).json();
    assertThat(after.getString("status")).isEqualTo("PENDING");
    assertThat(after.getJsonArray("history")).isEqualTo(before.getJsonArray("history"));
    assertThat(
            api.get(employee, "api/requests?status=PENDING").items().stream()
                .map(JsonObject.class::cast)
                .map(r -> r.getJsonObject("leader").getString("id")))
        .doesNotContain(colleague);
    api.post(employee, "api/requests/" + id + "/withdraw", "{}");
  }

  @Test
  void aRedirectNeverReachesTheEmployeesOwnManagerAndNoOtherPathDoesEither() throws Exception {
    String employee = employees.take();
    String asked = send(employee, mia);
    String proposed =
        api.get(employee, "api/requests/" + asked)
            .json()
            .getJsonArray("proposedSlots")
            .getString(0);
    // Mia, in Marketing, now manages this employee from another division.
    execute(
        "update person set manager_id = ? where id = ?",
        UUID.fromString(mia),
        UUID.fromString(idOf(employee)));

    // The request sent before the change can no longer become a meeting with the manager.
    assertProblem(
        api.post("mia", "api/requests/" + asked + "/accept", json("start", proposed)),
        409,
        "own-management-chain");
    api.post(employee, "api/requests/" + asked + "/withdraw", "{}");
    assertRedirectRefused(employee, mia);
    assertProblem(ask(employee, mia), 409, "own-management-chain");
    assertThat(
            api.get(employee, "api/me/recommendations?limit=50")
                .array()
                .getValuesAs(JsonObject.class))
        .extracting(r -> r.getJsonObject("leader").getString("id"))
        .doesNotContain(mia);
  }

  @Test
  void aRedirectIsRefusedToALeaderOfTheEmployeesOwnDivision() {
    String employee = employees.take();
    String division = api.get(employee, "api/me").string("divisionId");
    String colleague =
        api
            .get("ava", "api/people?leadersOnly=true&limit=50&divisionId=" + division)
            .items()
            .stream()
            .map(JsonObject.class::cast)
            .map(p -> p.getString("id"))
            .findFirst()
            .orElseThrow();

    assertRedirectRefused(employee, colleague);
  }

  @Test
  void aRedirectIsRefusedToALeaderAboveTheLevelBand() {
    String employee = employees.take();
    JsonObject me = api.get(employee, "api/me").json();
    String far =
        api.get("ava", "api/people?leadersOnly=true&limit=500").items().stream()
            .map(JsonObject.class::cast)
            .filter(p -> !p.getString("divisionId").equals(me.getString("divisionId")))
            .filter(p -> p.getInt("level") > me.getInt("level") + 3)
            .map(p -> p.getString("id"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no leader above the band of " + me));

    assertRedirectRefused(employee, far);
  }

  @Test
  void aRedirectIsRefusedToALeaderWhoPausedRequestsOrHasNoPlaceLeft() {
    String employee = employees.take();
    String profile = "api/leaders/" + mia + "/profile";
    String asSheHad = api.get("mia", profile).body();
    assertThat(api.put("mia", profile, RequestBodies.profile("brand", 4, false)).status())
        .isEqualTo(200);
    try {
      assertRedirectRefused(employee, mia);
      assertThat(api.put("mia", profile, RequestBodies.profile("brand", 0, true)).status())
          .isEqualTo(200);
      assertRedirectRefused(employee, mia);
    } finally {
      assertThat(api.put("mia", profile, asSheHad).status()).isEqualTo(200);
    }
  }

  @Test
  void aRedirectToAnEligibleColleagueForwardsTheRequest() {
    String employee = employees.take();
    String id = send(employee, leo);

    Api.Reply redirected =
        api.post(
            "leo", "api/requests/" + id + "/redirect", json("leaderId", mia, "note", "Ask Mia"));

    assertThat(redirected.status()).as(redirected.toString()).isEqualTo(200);
    assertThat(redirected.string("status")).isEqualTo("REDIRECTED");
    // The employee now waits on Mia: asking her again directly is refused.
    assertProblem(ask(employee, mia), 409, "already-requested");
  }

  /** The ids of the colleagues Leo is offered for redirecting the request, by name or title. */
  List<String> colleagues(String requestId, String q) {
    Api.Reply offered =
        api.get(
            "leo",
            "api/requests/"
                + requestId
                + "/colleagues?limit=20&q="
                + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(offered.status()).as(offered.toString()).isEqualTo(200);
    return offered.array().getValuesAs(JsonObject.class).stream()
        .map(c -> c.getString("id"))
        .toList();
  }

  @Test
  void everyColleagueOfferedForARedirectIsOneTheRedirectAcceptsAndNeverTheEmployeesManager()
      throws Exception {
    String employee = employees.take();
    JsonObject me = api.get(employee, "api/me").json();
    String first = send(employee, leo);
    assertThat(colleagues(first, "Mia Chen")).containsExactly(mia);

    // Mia, in Marketing, now manages this employee from another division.
    execute(
        "update person set manager_id = ? where id = ?",
        UUID.fromString(mia),
        UUID.fromString(me.getString("id")));
    assertThat(colleagues(first, "Mia Chen")).isEmpty();

    Api.Reply offered = api.get("leo", "api/requests/" + first + "/colleagues?limit=20");
    assertThat(offered.status()).as(offered.toString()).isEqualTo(200);
    List<JsonObject> colleagues = offered.array().getValuesAs(JsonObject.class);
    assertThat(colleagues).hasSizeBetween(3, 20);
    for (JsonObject colleague : colleagues) {
      // What anyone reads in the directory, nothing about the employee.
      assertThat(colleague.keySet())
          .containsExactlyInAnyOrder(
              "id", "displayName", "title", "divisionId", "divisionName", "topics");
      JsonObject person = api.get("hana", "api/people/" + colleague.getString("id")).json();
      assertThat(person.getString("divisionId")).isNotEqualTo(me.getString("divisionId"));
      assertThat(person.getInt("level")).isLessThanOrEqualTo(me.getInt("level") + 3);
      assertThat(person.getBoolean("leader")).isTrue();
    }
    assertThat(colleagues)
        .extracting(c -> c.getString("id"))
        .doesNotContain(mia, leo, me.getString("id"));
    assertThat(offered.body()).doesNotContain(me.getString("id")).doesNotContain(employee);

    // A leader of the employee's own division, and one above the band, are never offered.
    List<JsonObject> leaders =
        api.get("ava", "api/people?leadersOnly=true&limit=500").items().stream()
            .map(JsonObject.class::cast)
            .toList();
    JsonObject sameDivision =
        leaders.stream()
            .filter(p -> p.getString("divisionId").equals(me.getString("divisionId")))
            .findFirst()
            .orElseThrow();
    JsonObject aboveBand =
        leaders.stream()
            .filter(p -> !p.getString("divisionId").equals(me.getString("divisionId")))
            .filter(p -> p.getInt("level") > me.getInt("level") + 3)
            .findFirst()
            .orElseThrow();
    for (JsonObject ineligible : List.of(sameDivision, aboveBand)) {
      assertThat(colleagues(first, ineligible.getString("displayName")))
          .doesNotContain(ineligible.getString("id"));
    }

    assertProblem(
        api.get("leo", "api/requests/" + first + "/colleagues?limit=0"), 400, "validation-failed");
    assertProblem(
        api.get("leo", "api/requests/" + first + "/colleagues?limit=21"), 400, "validation-failed");
    assertProblem(
        api.get("leo", "api/requests/" + UUID.randomUUID() + "/colleagues"), 404, "not-found");
    // One request of the employee's to Leo at a time: this one goes before the next are sent.
    assertThat(api.post(employee, "api/requests/" + first + "/withdraw", "{}").status())
        .isEqualTo(200);

    // Each colleague offered, taken in turn, is accepted by the redirect.
    for (int i = 0; i < 3; i++) {
      String request = send(employee, leo);
      String colleague = colleagues(request, "").get(i);
      Api.Reply redirected =
          api.post("leo", "api/requests/" + request + "/redirect", json("leaderId", colleague));
      assertThat(redirected.status()).as(redirected.toString()).isEqualTo(200);
      String forwarded =
          api.get(employee, "api/requests?status=PENDING").items().stream()
              .map(JsonObject.class::cast)
              .filter(r -> request.equals(r.getString("redirectedFrom", null)))
              .findFirst()
              .orElseThrow()
              .getString("id");
      assertThat(api.post(employee, "api/requests/" + forwarded + "/withdraw", "{}").status())
          .isEqualTo(200);
      // A request passed on has nobody left to offer.
      assertProblem(
          api.get("leo", "api/requests/" + request + "/colleagues"), 409, "request-closed");
    }
  }

  // ---- Persistence, then expiry ---------------------------------------------------------------

  @Test
  void aRequestFollowedUpTwiceExpiresAfterTheThirdAttemptsWindowAndNotBefore() throws Exception {
    String employee = employees.take();
    String id = send(employee, leo);

    // Eight calendar days always hold five business days: each follow-up is then allowed.
    ageLastAttempt(id, Duration.ofDays(8));
    assertThat(
            api.post(employee, "api/requests/" + id + "/follow-up", json("message", "Hello again"))
                .status())
        .isEqualTo(200);
    ageLastAttempt(id, Duration.ofDays(8));
    assertThat(
            api.post(employee, "api/requests/" + id + "/follow-up", json("message", "Last try"))
                .status())
        .isEqualTo(200);
    assertProblem(
        api.post(employee, "api/requests/" + id + "/follow-up", json("message", "?")),
        409,
        "follow-up-limit");

    // Three days after the third attempt: fewer than five business days, the request stays.
    ageLastAttempt(id, Duration.ofDays(3));
    ScheduledJobs.awaitFullRun("request-expiry");
    assertThat(status(employee, id)).isEqualTo("PENDING");

    // Eight days after it: the window is over and the job expires it on its next run.
    ageLastAttempt(id, Duration.ofDays(5));
    await().atMost(Duration.ofSeconds(60)).until(() -> status(employee, id).equals("EXPIRED"));

    MimeMessage told =
        Mailbox.awaitMessages(employee, 1).stream()
            .filter(
                m -> {
                  try {
                    return m.getContent().toString().contains("expired");
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                })
            .findFirst()
            .orElseThrow();
    assertThat(told.getSubject()).contains("Leo Martins");
    assertThat(told.getContent().toString())
        .contains("Other leaders would be glad to hear from you, for instance")
        .doesNotContain("Leo Martins (");
  }

  @Test
  void anUnansweredRequestWaitsOutTheFollowUpWindowBeforeItExpires() throws Exception {
    String employee = employees.take();
    String id = send(employee, leo);

    // A follow-up has been allowed for a few days: the employee may still send it.
    ageLastAttempt(id, Duration.ofDays(8));
    ScheduledJobs.awaitFullRun("request-expiry");
    assertThat(status(employee, id)).isEqualTo("PENDING");

    // Sixteen calendar days hold ten business days: the window passed without a follow-up.
    ageLastAttempt(id, Duration.ofDays(8));
    await().atMost(Duration.ofSeconds(60)).until(() -> status(employee, id).equals("EXPIRED"));
    assertProblem(
        api.post(employee, "api/requests/" + id + "/follow-up", json("message", "Too late")),
        409,
        "request-closed");
  }
}
