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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After the interview, over HTTP on PostgreSQL with mail through GreenMail: thanks and the one
 * reminder, two more names and where they lead, contacts and the weekly mail, feedback and consent,
 * private notes that are stored only as ciphertext, the meeting view and the export.
 */
@ExtendWith(ArquillianExtension.class)
class NetworkIT {

  @ArquillianResource URL base;
  static DemoPeople employees;
  static Map<String, Slots> open = new java.util.concurrent.ConcurrentHashMap<>();
  Api api;

  /** Two leaders of Product, a division no other test class books: ids, user names, names. */
  static String leo;

  static String mia;
  static String leoUser;
  static String miaUser;
  static String leoName;
  static String miaName;

  @BeforeEach
  void connect() {
    api = new Api(base);
    synchronized (NetworkIT.class) {
      if (employees == null) {
        String product =
            api.get("hana", "api/divisions").array().getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("name").equals("Product"))
                .findFirst()
                .orElseThrow()
                .getString("id");
        List<JsonObject> leaders =
            api
                .get("hana", "api/people?leadersOnly=true&limit=100&divisionId=" + product)
                .items()
                .getValuesAs(JsonObject.class)
                .stream()
                // Generated leaders every employee handed out (level 4 and up) may ask.
                .filter(p -> p.getString("username").contains(".") && p.getInt("level") <= 7)
                .limit(2)
                .toList();
        assertThat(leaders).hasSize(2);
        leo = leaders.get(0).getString("id");
        leoUser = leaders.get(0).getString("username");
        leoName = leaders.get(0).getString("displayName");
        mia = leaders.get(1).getString("id");
        miaUser = leaders.get(1).getString("username");
        miaName = leaders.get(1).getString("displayName");
        for (JsonObject leader : leaders) {
          String user = leader.getString("username");
          String id = leader.getString("id");
          assertThat(
                  api.put(
                          user,
                          "api/leaders/" + id + "/profile",
                          RequestBodies.profile("product", 40, true))
                      .status())
              .isEqualTo(200);
          assertThat(
                  api.put(
                          user,
                          "api/leaders/" + id + "/availability",
                          RequestBodies.standardHours(120))
                      .status())
              .isEqualTo(200);
        }
        employees = new DemoPeople(api, "Product");
      }
    }
  }

  String idOf(String username) {
    return api.get(username, "api/me").string("id");
  }

  Slots slotsOf(String leaderId) {
    return open.computeIfAbsent(
        leaderId, id -> new Slots(api, "ava", id, Instant.now().plus(Duration.ofDays(50))));
  }

  /** The employee asks the leader (citing a referral, or not); the new request's id. */
  String ask(String employee, String leaderId, String referralId) {
    Slots slots = slotsOf(leaderId);
    JsonObject body =
        jakarta.json.Json.createReader(
                new java.io.StringReader(
                    RequestBodies.body(leaderId, List.of(slots.next(), slots.next()))))
            .readObject();
    String json =
        referralId == null
            ? body.toString()
            : jakarta.json.Json.createObjectBuilder(body)
                .add("referralId", referralId)
                .build()
                .toString();
    Api.Reply sent = api.post(employee, "api/requests", json);
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    return sent.string("id");
  }

  /** A scheduled interview between them, accepted by the leader. */
  String scheduled(String employee, String leaderUser, String referralId) {
    String leaderId = idOf(leaderUser);
    String request = ask(employee, leaderId, referralId);
    String start =
        api.get(employee, "api/requests/" + request)
            .json()
            .getJsonArray("proposedSlots")
            .getString(0);
    Api.Reply accepted =
        api.post(leaderUser, "api/requests/" + request + "/accept", json("start", start));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    return accepted.string("interviewId");
  }

  /** An interview that took place {@code endedAgo} ago, recorded as held by the employee. */
  String held(String employee, String leaderUser, Duration endedAgo, String referralId)
      throws SQLException {
    return held(employee, scheduled(employee, leaderUser, referralId), endedAgo);
  }

  /** The scheduled interview took place {@code endedAgo} ago, as the employee records. */
  String held(String employee, String interview, Duration endedAgo) throws SQLException {
    TimeTravel.interviewEnded(interview, endedAgo);
    Api.Reply marked =
        api.post(employee, "api/interviews/" + interview + "/outcome", json("held", true));
    assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
    return interview;
  }

  /** Whether a field is missing or null: JSON-B leaves nulls out. */
  static boolean absent(JsonObject object, String name) {
    return !object.containsKey(name) || object.isNull(name);
  }

  static String named(String personId, boolean mayUseName, String note) {
    return json("personId", personId, "mayUseName", mayUseName, "note", note);
  }

  /** A generated leader the employee may be put together with, other than {@code except}. */
  String anotherLeader(String employee, List<String> except) {
    JsonObject me = api.get(employee, "api/me").json();
    return api.get("ava", "api/people?leadersOnly=true&limit=500").items().stream()
        .map(JsonObject.class::cast)
        .filter(p -> p.getString("username").contains("."))
        .filter(p -> !p.getString("divisionId").equals(me.getString("divisionId")))
        .filter(p -> p.getInt("level") <= me.getInt("level") + 3)
        .map(p -> p.getString("id"))
        .filter(id -> !except.contains(id))
        .findFirst()
        .orElseThrow();
  }

  /** The employee's agenda, read as they read it. */
  JsonObject agenda(String employee) {
    Api.Reply reply = api.get(employee, "api/me/agenda");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  static int total(JsonObject agenda, String list) {
    return agenda.getJsonObject(list).getInt("total");
  }

  static JsonObject first(JsonObject agenda, String list) {
    return agenda.getJsonObject(list).getJsonArray("items").getJsonObject(0);
  }

  @Test
  void anEmployeesAgendaListsWhatNeedsThemUntilEachIsDoneAndShowsItToNobodyElse() throws Exception {
    String employee = employees.take();
    String employeeId = idOf(employee);
    JsonObject nothing = agenda(employee);
    for (String list : List.of("counterProposals", "followUpsDue", "thankYous", "contactsDue")) {
      assertThat(total(nothing, list)).as(list).isZero();
    }
    assertThat(absent(nothing, "nextInterview")).isTrue();

    String met = held(employee, leoUser, Duration.ofHours(2), null);
    TimeTravel.contactsDue(employeeId);
    String request = ask(employee, mia, null);
    Instant newTime = slotsOf(mia).next();
    Api.Reply countered =
        api.post(
            miaUser,
            "api/requests/" + request + "/counter",
            json("proposedSlots", List.of(newTime.toString()), "note", "That week is full"));
    assertThat(countered.status()).as(countered.toString()).isEqualTo(200);

    JsonObject agenda = agenda(employee);
    assertThat(total(agenda, "counterProposals")).isEqualTo(1);
    JsonObject counter = first(agenda, "counterProposals");
    assertThat(counter.getString("requestId")).isEqualTo(request);
    assertThat(counter.getJsonObject("leader").getString("id")).isEqualTo(mia);
    assertThat(counter.getJsonArray("proposedSlots").getString(0)).isEqualTo(newTime.toString());
    assertThat(Instant.parse(counter.getString("answerBy"))).isAfter(Instant.now());
    assertThat(total(agenda, "thankYous")).isEqualTo(1);
    JsonObject thanks = first(agenda, "thankYous");
    assertThat(thanks.getString("interviewId")).isEqualTo(met);
    assertThat(thanks.getJsonObject("leader").getString("id")).isEqualTo(leo);
    assertThat(Instant.parse(thanks.getString("onTimeUntil")))
        .isEqualTo(Instant.parse(thanks.getString("endedAt")).plus(Duration.ofHours(48)));
    assertThat(total(agenda, "contactsDue")).isEqualTo(1);
    assertThat(first(agenda, "contactsDue").getJsonObject("person").getString("id")).isEqualTo(leo);
    assertThat(total(agenda, "followUpsDue")).isZero();
    assertThat(absent(agenda, "nextInterview")).isTrue();

    // The leaders, the employee's manager, HR and a colleague see nothing of it on theirs.
    String managerId = api.get(employee, "api/people/" + employeeId).json().getString("managerId");
    String manager = api.get("hana", "api/people/" + managerId).json().getString("username");
    for (String other : List.of(leoUser, miaUser, manager, "hana", employees.take())) {
      assertThat(api.get(other, "api/me/agenda").body())
          .as(other)
          .doesNotContain(request)
          .doesNotContain(met)
          .doesNotContain(employeeId);
    }

    // Each goes once it is done.
    assertThat(
            api.post(employee, "api/interviews/" + met + "/thank-you", json("message", "Thanks!"))
                .status())
        .isEqualTo(200);
    assertThat(total(agenda(employee), "thankYous")).isZero();
    assertThat(
            api.post(
                    employee,
                    "api/me/contacts/" + leo + "/touches",
                    json("note", "Sent an article"))
                .status())
        .isEqualTo(201);
    assertThat(total(agenda(employee), "contactsDue")).isZero();
    Api.Reply accepted =
        api.post(
            employee, "api/requests/" + request + "/accept", json("start", newTime.toString()));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    agenda = agenda(employee);
    assertThat(total(agenda, "counterProposals")).isZero();
    JsonObject next = agenda.getJsonObject("nextInterview");
    assertThat(next.getString("interviewId")).isEqualTo(accepted.string("interviewId"));
    assertThat(next.getJsonObject("leader").getString("id")).isEqualTo(mia);
    assertThat(Instant.parse(next.getString("start"))).isEqualTo(newTime);
  }

  @Test
  void aFollowUpIsDueFiveBusinessDaysAfterTheLastAttemptAndThanksAreAskedForAWeek()
      throws Exception {
    String employee = employees.take();
    String request = ask(employee, leo, null);
    assertThat(total(agenda(employee), "followUpsDue")).isZero();

    TimeTravel.lastAttempt(request, Duration.ofDays(8));
    JsonObject due = first(agenda(employee), "followUpsDue");
    assertThat(due.getString("requestId")).isEqualTo(request);
    assertThat(due.getInt("followUpsLeft")).isEqualTo(2);
    assertThat(
            api.post(
                    employee,
                    "api/requests/" + request + "/follow-up",
                    json("message", "Just checking whether one of my times could work"))
                .status())
        .isEqualTo(200);
    assertThat(total(agenda(employee), "followUpsDue")).isZero();

    String late = employees.take();
    held(late, miaUser, Duration.ofDays(8), null);
    assertThat(total(agenda(late), "thankYous")).isZero();
  }

  @Test
  void theEmployeeThanksOnceAfterTheInterviewAndTheLeaderHearsOfIt() throws Exception {
    String employee = employees.take();
    String planned = scheduled(employee, leoUser, null);
    assertProblem(
        api.post(employee, "api/interviews/" + planned + "/thank-you", json("message", "Thanks")),
        409,
        "not-yet-held");

    String interview = held(employee, planned, Duration.ofHours(1));
    Api.Reply thanked =
        api.post(
            employee,
            "api/interviews/" + interview + "/thank-you",
            json("message", "Thank you for the pricing stories"));

    assertThat(thanked.status()).as(thanked.toString()).isEqualTo(200);
    assertThat(thanked.json().getBoolean("onTime")).isTrue();
    assertThat(
            api.get(leoUser, "api/interviews/" + interview + "/meeting")
                .json()
                .getJsonObject("thankYou")
                .getBoolean("onTime"))
        .isTrue();
    assertProblem(
        api.post(employee, "api/interviews/" + interview + "/thank-you", json("message", "Again")),
        409,
        "already-thanked");
    assertProblem(
        api.post(leoUser, "api/interviews/" + interview + "/thank-you", json("message", "Me too")),
        403,
        "forbidden");
    assertProblem(
        api.post(
            employees.take(), "api/interviews/" + interview + "/thank-you", json("message", "?")),
        404,
        "not-found");
    String name = api.get(employee, "api/me").string("displayName");
    await()
        .atMost(Mailbox.DELIVERY)
        .untilAsserted(
            () ->
                assertThat(Mailbox.to(leoUser))
                    .anySatisfy(
                        m ->
                            assertThat(Mailbox.text(m))
                                .contains(name + " thanks you", "the pricing stories")));
  }

  @Test
  void anEmployeeWhoHasNotThankedADayLaterIsRemindedOnceAndOnlyThen() throws Exception {
    String remindee = employees.take();
    String thankful = employees.take();
    held(remindee, leoUser, Duration.ofHours(25), null);
    String thanked = held(thankful, miaUser, Duration.ofHours(25), null);
    api.post(thankful, "api/interviews/" + thanked + "/thank-you", json("message", "Thanks!"));
    String recent = employees.take();
    held(recent, miaUser, Duration.ofHours(2), null);

    await()
        .atMost(Mailbox.DELIVERY)
        .until(() -> Mailbox.to(remindee).stream().anyMatch(NetworkIT::isThankYouReminder));
    ScheduledJobs.awaitFullRun("thank-you-reminders");
    Mailbox.awaitOutboxDrained(remindee);
    assertThat(Mailbox.to(remindee))
        .filteredOn(NetworkIT::isThankYouReminder)
        .singleElement()
        .satisfies(
            m -> assertThat(m.getSubject()).isEqualTo("A word of thanks to " + leoName + "?"));
    assertThat(Mailbox.to(thankful)).noneMatch(NetworkIT::isThankYouReminder);
    assertThat(Mailbox.to(recent)).noneMatch(NetworkIT::isThankYouReminder);
  }

  @Test
  void aLeaderNamesPeopleTheEmployeeMayAskWhoSeeWhoSuggestedThemAsAllowedAndTheChainGrows()
      throws Exception {
    String employee = employees.take();
    String interview = held(employee, leoUser, Duration.ofHours(1), null);
    String quiet = anotherLeader(employee, List.of(leo, mia));
    String referrals = "api/interviews/" + interview + "/referrals";

    // Refusals first: nothing of them is stored.
    assertProblem(
        api.post(employee, referrals, "[" + named(mia, true, "") + "]"), 403, "forbidden");
    assertProblem(
        api.post(employees.take(), referrals, "[" + named(mia, true, "") + "]"), 404, "not-found");
    String ownDivision =
        api.get(
                "ava",
                "api/people?leadersOnly=true&limit=1&divisionId="
                    + api.get(employee, "api/me").string("divisionId"))
            .items()
            .getJsonObject(0)
            .getString("id");
    Api.Reply sameDivision =
        api.post(
            leoUser,
            referrals,
            "[" + named(mia, true, "") + "," + named(ownDivision, true, "") + "]");
    assertProblem(sameDivision, 409, "same-division");
    assertThat(sameDivision.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("referrals[1].personId");
    assertProblem(
        api.post(
            leoUser,
            referrals,
            "[" + String.join(",", java.util.Collections.nCopies(4, named(mia, true, ""))) + "]"),
        400,
        "validation-failed");
    assertThat(api.get(employee, "api/me/referrals").array()).isEmpty();

    Api.Reply given =
        api.post(
            leoUser,
            referrals,
            "[" + named(mia, true, "Ask her about brand") + "," + named(quiet, false, "") + "]");
    assertThat(given.status()).as(given.toString()).isEqualTo(200);
    assertProblem(
        api.post(leoUser, referrals, "[" + named(mia, true, "") + "]"), 409, "referrals-given");
    assertThat(
            api.get(leoUser, "api/interviews/" + interview + "/meeting")
                .json()
                .getJsonArray("referrals"))
        .hasSize(2);

    List<JsonObject> mine =
        api.get(employee, "api/me/referrals").array().getValuesAs(JsonObject.class);
    assertThat(mine)
        .hasSize(2)
        .allSatisfy(
            r -> {
              assertThat(r.getString("outcome")).isEqualTo("NOT_ASKED");
              assertThat(r.getInt("depth")).isEqualTo(1);
              assertThat(r.getJsonObject("referredBy").getString("id")).isEqualTo(leo);
            });
    String toMia = idOfReferral(mine, mia);
    String toQuiet = idOfReferral(mine, quiet);

    // Recommendations rank the leaders named up, saying who named them.
    assertThat(
            api.get(employee, "api/me/recommendations?limit=20")
                .array()
                .getValuesAs(JsonObject.class))
        .filteredOn(r -> r.getJsonObject("leader").getString("id").equals(mia))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.getJsonArray("reasons").toString())
                    .contains("referred by " + leoName));

    // A citation must be one's own, for that leader.
    Slots miaSlots = slotsOf(mia);
    String citingOther =
        jakarta.json.Json.createObjectBuilder(
                jakarta.json.Json.createReader(
                        new java.io.StringReader(
                            RequestBodies.body(quiet, List.of(miaSlots.next(), miaSlots.next()))))
                    .readObject())
            .add("referralId", toMia)
            .build()
            .toString();
    assertProblem(api.post(employee, "api/requests", citingOther), 400, "validation-failed");

    // Mia sees who suggested her; the quiet leader sees nothing of the name.
    String toMiaRequest = ask(employee, mia, toMia);
    JsonObject asMiaSees = api.get(miaUser, "api/requests/" + toMiaRequest).json();
    assertThat(asMiaSees.getJsonObject("suggestion").getString("by")).isEqualTo(leoName);
    String quietUser = api.get("hana", "api/people/" + quiet).json().getString("username");
    String toQuietRequest = ask(employee, quiet, toQuiet);
    JsonObject asQuietSees = api.get(quietUser, "api/requests/" + toQuietRequest).json();
    assertThat(absent(asQuietSees.getJsonObject("suggestion"), "by")).isTrue();
    assertThat(asQuietSees.toString()).doesNotContain(leoName);
    assertThat(outcomes(employee)).containsEntry(toMia, "REQUESTED");

    // Mia meets the employee, and names someone further: the chain's second link.
    api.post(employee, "api/requests/" + toMiaRequest + "/withdraw", "{}");
    String withMia = held(employee, miaUser, Duration.ofHours(1), toMia);
    String next = anotherLeader(employee, List.of(leo, mia, quiet));
    assertThat(
            api.post(
                    miaUser,
                    "api/interviews/" + withMia + "/referrals",
                    "[" + named(next, true, "") + "]")
                .status())
        .isEqualTo(200);
    List<JsonObject> now =
        api.get(employee, "api/me/referrals").array().getValuesAs(JsonObject.class);
    assertThat(now)
        .filteredOn(r -> r.getJsonObject("person").getString("id").equals(next))
        .singleElement()
        .satisfies(r -> assertThat(r.getInt("depth")).isEqualTo(2));
    assertThat(outcomes(employee)).containsEntry(toMia, "HELD");
  }

  @Test
  void aRequestRedirectedToAColleagueDoesNotCiteTheReferralThatNamedTheFirstLeader()
      throws Exception {
    String employee = employees.take();
    String interview = held(employee, leoUser, Duration.ofHours(1), null);
    assertThat(
            api.post(
                    leoUser,
                    "api/interviews/" + interview + "/referrals",
                    "[" + named(mia, true, "") + "]")
                .status())
        .isEqualTo(200);
    String toMia =
        idOfReferral(
            api.get(employee, "api/me/referrals").array().getValuesAs(JsonObject.class), mia);
    String request = ask(employee, mia, toMia);
    assertThat(
            api.get(miaUser, "api/requests/" + request)
                .json()
                .getJsonObject("suggestion")
                .getString("by"))
        .isEqualTo(leoName);
    // A generated colleague (who can sign in) the redirect accepts.
    String colleague =
        api
            .get(miaUser, "api/requests/" + request + "/colleagues?limit=20")
            .array()
            .getValuesAs(JsonObject.class)
            .stream()
            .map(c -> c.getString("id"))
            .filter(id -> !id.equals(leo))
            .filter(id -> api.get("hana", "api/people/" + id).string("username").contains("."))
            .findFirst()
            .orElseThrow();
    String colleagueUser = api.get("hana", "api/people/" + colleague).string("username");

    Api.Reply redirected =
        api.post(
            miaUser,
            "api/requests/" + request + "/redirect",
            json("leaderId", colleague, "note", "She knows more"));

    assertThat(redirected.status()).as(redirected.toString()).isEqualTo(200);
    String forwarded =
        api.get(employee, "api/requests?as=requester&status=PENDING").items().stream()
            .map(JsonObject.class::cast)
            .filter(r -> request.equals(r.getString("redirectedFrom", null)))
            .findFirst()
            .orElseThrow()
            .getString("id");
    for (String reader : List.of(colleagueUser, employee)) {
      JsonObject seen = api.get(reader, "api/requests/" + forwarded).json();
      assertThat(absent(seen, "referralId")).as(reader).isTrue();
      assertThat(absent(seen, "suggestion")).as(reader).isTrue();
      assertThat(seen.getString("referredBy")).isEqualTo(mia);
      assertThat(seen.toString()).doesNotContain(leoName);
    }
    assertThat(api.get(employee, "api/requests/" + request).string("referralId")).isEqualTo(toMia);
  }

  static String idOfReferral(List<JsonObject> referrals, String personId) {
    return referrals.stream()
        .filter(r -> r.getJsonObject("person").getString("id").equals(personId))
        .findFirst()
        .orElseThrow()
        .getString("id");
  }

  Map<String, String> outcomes(String employee) {
    Map<String, String> outcomes = new java.util.HashMap<>();
    api.get(employee, "api/me/referrals")
        .array()
        .getValuesAs(JsonObject.class)
        .forEach(r -> outcomes.put(r.getString("id"), r.getString("outcome")));
    return outcomes;
  }

  @Test
  void everyoneMetBecomesAContactToKeepInTouchWith() throws Exception {
    String employee = employees.take();
    held(employee, leoUser, Duration.ofHours(1), null);

    JsonObject contact = api.get(employee, "api/me/contacts").array().getJsonObject(0);
    assertThat(contact.getJsonObject("person").getString("id")).isEqualTo(leo);
    assertThat(contact.getInt("cadenceDays")).isEqualTo(30);
    assertThat(contact.getBoolean("due")).isFalse();

    Api.Reply touched =
        api.post(employee, "api/me/contacts/" + leo + "/touches", json("note", "Sent my plan"));
    assertThat(touched.status()).as(touched.toString()).isEqualTo(201);
    assertThat(touched.json().getBoolean("onTime")).isTrue();
    Api.Reply changed =
        api.put(employee, "api/me/contacts/" + leo, json("cadenceDays", 14, "stopped", false));
    assertThat(changed.json().getInt("cadenceDays")).isEqualTo(14);
    assertThat(changed.json().getInt("touchesOnTime")).isEqualTo(1);
    assertProblem(
        api.put(employee, "api/me/contacts/" + leo, json("cadenceDays", 3, "stopped", false)),
        400,
        "validation-failed");
    assertProblem(
        api.post(employee, "api/me/contacts/" + mia + "/touches", "{}"), 404, "not-a-contact");
    assertThat(api.get(employees.take(), "api/me/contacts").array()).isEmpty();
  }

  @Test
  void theWeeklyMailListsContactsDueOnceAndNeverReachesThoseWhoTurnedItOff() throws Exception {
    String employee = employees.take();
    String unsubscribed = employees.take();
    held(employee, leoUser, Duration.ofHours(1), null);
    held(unsubscribed, miaUser, Duration.ofHours(1), null);
    assertThat(
            api.put(unsubscribed, "api/me/contacts/digest", json("weekly", false))
                .json()
                .getBoolean("weekly"))
        .isFalse();
    TimeTravel.contactsDue(idOf(employee));
    TimeTravel.contactsDue(idOf(unsubscribed));

    await()
        .atMost(Mailbox.DELIVERY)
        .until(() -> Mailbox.to(employee).stream().anyMatch(NetworkIT::isDigest));
    MimeMessage digest =
        Mailbox.to(employee).stream().filter(NetworkIT::isDigest).findFirst().orElseThrow();
    assertThat(Mailbox.text(digest)).contains(leoName);
    ScheduledJobs.awaitFullRun("contact-digest");
    Mailbox.awaitOutboxDrained(employee);
    assertThat(Mailbox.to(employee))
        .filteredOn(m -> subject(m).contains("keep in touch"))
        .hasSize(1);
    assertThat(Mailbox.to(unsubscribed))
        .noneSatisfy(m -> assertThat(subject(m)).contains("keep in touch"));
  }

  static boolean isThankYouReminder(MimeMessage message) {
    return subject(message).startsWith("A word of thanks");
  }

  static boolean isDigest(MimeMessage message) {
    return subject(message).contains("to keep in touch with this week");
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aLeaderFlagsTheEmployeeWhoDecidesWhetherHrMaySeeItAndMayTakeAMentor() throws Exception {
    String employee = employees.take();
    String planned = scheduled(employee, miaUser, null);
    String feedback =
        json(
            "talentPool",
            true,
            "strengths",
            List.of("clear thinking", "curiosity"),
            "note",
            "Great questions",
            "offerMentoring",
            true);
    assertProblem(
        api.post(miaUser, "api/interviews/" + planned + "/feedback", feedback),
        409,
        "not-yet-held");

    String interview = held(employee, planned, Duration.ofHours(1));
    assertProblem(
        api.post(employee, "api/interviews/" + interview + "/feedback", feedback),
        403,
        "forbidden");
    Api.Reply given = api.post(miaUser, "api/interviews/" + interview + "/feedback", feedback);
    assertThat(given.status()).as(given.toString()).isEqualTo(200);
    assertProblem(
        api.post(miaUser, "api/interviews/" + interview + "/feedback", feedback),
        409,
        "feedback-given");

    JsonObject talent = api.get(employee, "api/me/talent").json();
    assertThat(talent.getJsonObject("consent").getBoolean("visibleToHr")).isFalse();
    assertThat(
            talent.getJsonArray("feedback").getJsonObject(0).getJsonArray("strengths").toString())
        .contains("clear thinking", "curiosity");
    assertThat(
            api.put(employee, "api/me/talent-pool-consent", json("visibleToHr", true))
                .json()
                .getBoolean("visibleToHr"))
        .isTrue();
    assertThat(
            api.put(employee, "api/me/talent-pool-consent", json("visibleToHr", false))
                .json()
                .getBoolean("visibleToHr"))
        .isFalse();
    assertThat(visibleToHr(employee)).isFalse();

    assertThat(
            api.put(employee, "api/me/mentoring-offers/" + interview, json("accepted", true))
                .json()
                .getString("answer"))
        .isEqualTo("ACCEPTED");
    assertProblem(
        api.put(employee, "api/me/mentoring-offers/" + interview, json("accepted", false)),
        409,
        "mentoring-answered");
    assertProblem(
        api.put(miaUser, "api/me/mentoring-offers/" + interview, json("accepted", true)),
        404,
        "not-found");
    await()
        .atMost(Mailbox.DELIVERY)
        .until(
            () ->
                Mailbox.to(employee).stream()
                    .anyMatch(m -> subject(m).equals(miaName + " noticed your strengths")));
  }

  @Test
  void anEmployeeWhoWithdrawsConsentLeavesTheTalentPoolInJsonAndCsv() throws Exception {
    String employee = employees.take();
    String employeeId = idOf(employee);
    String employeeName = api.get(employee, "api/me").string("displayName");
    // A strength nobody else is given names the employee's line in the CSV.
    String strength = "consent " + UUID.randomUUID().toString().substring(0, 8);
    String interview = held(employee, miaUser, Duration.ofHours(1), null);
    Api.Reply given =
        api.post(
            miaUser,
            "api/interviews/" + interview + "/feedback",
            json("talentPool", true, "strengths", List.of(strength), "note", "Sharp"));
    assertThat(given.status()).as(given.toString()).isEqualTo(200);
    assertThat(
            api.put(employee, "api/me/talent-pool-consent", json("visibleToHr", true))
                .json()
                .getBoolean("visibleToHr"))
        .isTrue();

    JsonObject consented = talentPool();
    assertThat(poolIds(consented)).contains(employeeId);
    List<String> consentedCsv = talentPoolCsv();
    assertThat(consentedCsv)
        .filteredOn(line -> line.contains(strength))
        .singleElement()
        .satisfies(
            line -> assertThat(line).startsWith("\"" + employeeName + "\",").contains(miaName));

    assertThat(
            api.put(employee, "api/me/talent-pool-consent", json("visibleToHr", false))
                .json()
                .getBoolean("visibleToHr"))
        .isFalse();

    JsonObject withdrawn = talentPool();
    assertThat(poolIds(withdrawn)).doesNotContain(employeeId);
    assertThat(withdrawn.toString()).doesNotContain(employeeId, strength);
    assertThat(withdrawn.getInt("total")).isEqualTo(consented.getInt("total") - 1);
    List<String> withdrawnCsv = talentPoolCsv();
    assertThat(withdrawnCsv).noneSatisfy(line -> assertThat(line).contains(strength));
    assertThat(withdrawnCsv).hasSize(consentedCsv.size() - 1);
  }

  /** The whole talent pool as HR reads it, on one page: never suppressed without a division. */
  JsonObject talentPool() {
    JsonObject pool = api.get("hana", "api/reports/talent-pool?limit=500").json();
    assertThat(pool.getBoolean("allSuppressed")).isFalse();
    assertThat(pool.getJsonArray("employees")).hasSize(pool.getInt("total"));
    return pool;
  }

  static List<String> poolIds(JsonObject pool) {
    return pool.getJsonArray("employees").stream()
        .map(e -> e.asJsonObject().getJsonObject("employee").getString("id"))
        .toList();
  }

  /** The talent pool's CSV: a header and a line per flag. */
  List<String> talentPoolCsv() {
    Api.Reply csv =
        api.send(
            "hana", "GET", "api/reports/talent-pool", null, null, Map.of("Accept", "text/csv"));
    assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    return csv.body().lines().toList();
  }

  @Test
  void hrAboveTheEmployeeInTheirManagementChainDoesNotFindThemInTheTalentPool() throws Exception {
    String employee = employees.take();
    String strength = "steadiness " + UUID.randomUUID().toString().substring(0, 8);
    String interview = held(employee, scheduled(employee, miaUser, null), Duration.ofHours(1));
    Api.Reply given =
        api.post(
            miaUser,
            "api/interviews/" + interview + "/feedback",
            json("talentPool", true, "strengths", List.of(strength)));
    assertThat(given.status()).as(given.toString()).isEqualTo(200);
    assertThat(api.put(employee, "api/me/talent-pool-consent", json("visibleToHr", true)).status())
        .isEqualTo(200);
    String id = api.get(employee, "api/me").string("id");
    String name = api.get(employee, "api/me").string("displayName");
    String pool =
        "api/reports/talent-pool?topic="
            + java.net.URLEncoder.encode(strength, java.nio.charset.StandardCharsets.UTF_8);
    JsonObject seen = api.get("hana", pool).json();
    assertThat(seen.getJsonNumber("total").longValue()).isEqualTo(1);
    assertThat(seen.getJsonArray("employees").toString()).contains(id);

    // The manager of the employee's manager is made an HR person: two levels up, still their chain.
    UUID manager = managerOf(UUID.fromString(id));
    UUID above = managerOf(manager);
    assertThat(above).as("the employee's manager has a manager").isNotNull();
    String aboveUser = usernameOf(above);
    setHr(above, true);
    try {
      Api.Reply asAbove = api.get(aboveUser, pool);
      assertThat(asAbove.status()).as(asAbove.toString()).isEqualTo(200);
      assertThat(asAbove.json().getJsonNumber("total").longValue()).isZero();
      assertThat(asAbove.json().getJsonArray("employees")).isEmpty();
      assertThat(asAbove.body()).doesNotContain(id).doesNotContain(name);
      Api.Reply csv = api.send(aboveUser, "GET", pool, null, null, Map.of("Accept", "text/csv"));
      assertThat(csv.contentType()).startsWith("text/csv");
      assertThat(csv.body()).doesNotContain(id).doesNotContain(name);
      assertThat(api.send("hana", "GET", pool, null, null, Map.of("Accept", "text/csv")).body())
          .contains(name);
      // HR outside the employee's chain still reads them.
      assertThat(api.get("hana", pool).body()).contains(id);
    } finally {
      setHr(above, false);
    }
  }

  static UUID managerOf(UUID person) throws SQLException {
    try (Connection db = TestEnvironment.database();
        PreparedStatement select =
            db.prepareStatement("select manager_id from person where id = ?")) {
      select.setObject(1, person);
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).isTrue();
        return row.getObject(1, UUID.class);
      }
    }
  }

  static String usernameOf(UUID person) throws SQLException {
    try (Connection db = TestEnvironment.database();
        PreparedStatement select =
            db.prepareStatement("select username from person where id = ?")) {
      select.setObject(1, person);
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).isTrue();
        return row.getString(1);
      }
    }
  }

  static void setHr(UUID person, boolean hr) throws SQLException {
    try (Connection db = TestEnvironment.database();
        PreparedStatement update = db.prepareStatement("update person set hr = ? where id = ?")) {
      update.setBoolean(1, hr);
      update.setObject(2, person);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }

  static boolean visibleToHr(String username) throws SQLException {
    try (Connection db = TestEnvironment.database();
        PreparedStatement consent =
            db.prepareStatement(
                "select c.visible_to_hr from talent_consent c join person p on p.id = c.employee_id"
                    + " where p.username = ?")) {
      consent.setString(1, username);
      try (ResultSet row = consent.executeQuery()) {
        assertThat(row.next()).isTrue();
        return row.getBoolean(1);
      }
    }
  }

  @Test
  void privateNotesAreTheEmployeesAloneAndStoredOnlyAsCiphertext() throws Exception {
    String employee = employees.take();
    String interview = scheduled(employee, leoUser, null);
    String secret = "Considering a move to Leo's team " + UUID.randomUUID();
    String notes = "api/interviews/" + interview + "/notes";

    assertThat(api.put(employee, notes, json("text", secret)).status()).isEqualTo(200);
    assertThat(api.get(employee, notes).string("text")).isEqualTo(secret);
    assertProblem(api.get(leoUser, notes), 403, "forbidden");
    assertProblem(api.put(leoUser, notes, json("text", "mine")), 403, "forbidden");
    assertProblem(api.get(employees.take(), notes), 404, "not-found");
    assertProblem(
        api.put(employee, notes, json("text", "x".repeat(20_001))), 400, "validation-failed");
    assertThat(api.get(employee, notes).string("text")).isEqualTo(secret);

    assertThat(
            api.get(employee, "api/interviews/" + interview + "/meeting")
                .json()
                .getJsonObject("notes")
                .getString("text"))
        .isEqualTo(secret);
    JsonObject asLeoSees = api.get(leoUser, "api/interviews/" + interview + "/meeting").json();
    assertThat(absent(asLeoSees, "notes")).isTrue();
    assertThat(asLeoSees.toString()).doesNotContain(secret);
    assertThat(api.get(leoUser, "api/me/export").body()).doesNotContain(secret);
    assertThat(api.get(employee, "api/me/export").body()).contains(secret);

    try (Connection db = TestEnvironment.database();
        PreparedStatement row =
            db.prepareStatement("select * from private_note where interview_id = ?")) {
      row.setObject(1, UUID.fromString(interview));
      try (ResultSet stored = row.executeQuery()) {
        assertThat(stored.next()).isTrue();
        assertThat(stored.getString("key_id")).isEqualTo("it");
        for (int column = 1; column <= stored.getMetaData().getColumnCount(); column++) {
          String value = stored.getString(column);
          assertThat(value == null ? "" : value).doesNotContain("Considering", "Leo's team");
        }
      }
    }
    try (Connection db = TestEnvironment.database();
        PreparedStatement mail =
            db.prepareStatement("select count(*) from outbox_message where body like ?")) {
      mail.setString(1, "%Considering a move%");
      try (ResultSet count = mail.executeQuery()) {
        count.next();
        assertThat(count.getInt(1)).isZero();
      }
    }
  }

  @Test
  void theMeetingViewShowsBothPartiesWhyTheyMeetAndNobodyElseAnything() {
    String employee = employees.take();
    String interview = scheduled(employee, leoUser, null);

    JsonObject meeting = api.get(employee, "api/interviews/" + interview + "/meeting").json();
    assertThat(meeting.getString("learn")).isNotBlank();
    assertThat(meeting.getJsonArray("questions")).hasSizeGreaterThan(3);
    assertThat(Instant.parse(meeting.getString("plannedEnd")))
        .isAfter(Instant.parse(meeting.getString("start")));
    assertThat(api.get(leoUser, "api/interviews/" + interview + "/meeting").status())
        .isEqualTo(200);
    assertProblem(api.get(miaUser, "api/interviews/" + interview + "/meeting"), 404, "not-found");
  }

  @Test
  void theExportHoldsEveryPartOfWhatCrossroadsKeepsAboutTheCaller() throws Exception {
    String employee = employees.take();
    String interview = held(employee, leoUser, Duration.ofHours(1), null);
    api.post(
        employee, "api/interviews/" + interview + "/thank-you", json("message", "Thanks, Leo"));

    Api.Reply export = api.get(employee, "api/me/export");

    assertThat(export.header("Content-Disposition"))
        .hasValueSatisfying(h -> assertThat(h).contains("attachment"));
    JsonObject all = export.json();
    assertThat(all.keySet())
        .contains("person", "requests", "interviews", "matching", "network", "messages");
    assertThat(all.getJsonObject("person").getString("id")).isEqualTo(idOf(employee));
    assertThat(all.getJsonArray("requests")).hasSize(1);
    assertThat(all.getJsonArray("interviews")).hasSize(1);
    assertThat(
            all.getJsonObject("network")
                .getJsonArray("thankYous")
                .getJsonObject(0)
                .getString("message"))
        .isEqualTo("Thanks, Leo");
    assertThat(all.getJsonObject("network").getJsonArray("contacts")).hasSize(1);
  }
}
