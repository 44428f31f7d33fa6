package io.crossroads.it;

import static io.crossroads.it.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every endpoint, called as each party: the employee who owns the request or interview, the leader
 * on the other side, an unrelated employee, an unrelated leader, the employee's own manager, and
 * HR. The table states the exact status each one gets.
 */
@ExtendWith(ArquillianExtension.class)
class AuthorizationMatrixIT {

  enum Party {
    OWNER,
    LEADER,
    STRANGER,
    OTHER_LEADER,
    MANAGER,
    HR
  }

  @ArquillianResource URL base;

  Api api;
  DemoPeople people;
  Slots slots;
  Slots interviewSlots;
  Slots colleagueSlots;
  String leader;
  String leaderId;
  String interviewLeader;
  String interviewLeaderId;
  String colleagueId;
  final Map<Party, String> users = new EnumMap<>(Party.class);

  /**
   * One endpoint: how to call it on a fixture and what each party gets. A refused call changes
   * nothing, so refusals share one fixture; a call that succeeds and {@code writes} gets a fresh
   * one.
   */
  record Row(
      String name,
      boolean writes,
      Function<Fixture, Call> call,
      int owner,
      int leader,
      int stranger,
      int otherLeader,
      int manager,
      int hr) {
    int expected(Party party) {
      return switch (party) {
        case OWNER -> owner;
        case LEADER -> leader;
        case STRANGER -> stranger;
        case OTHER_LEADER -> otherLeader;
        case MANAGER -> manager;
        case HR -> hr;
      };
    }
  }

  record Call(String method, String path, String body, String contentType) {
    static Call get(String path) {
      return new Call("GET", path, null, "application/json");
    }

    static Call post(String path, String body) {
      return new Call("POST", path, body, "application/json");
    }

    static Call put(String path, String body) {
      return new Call("PUT", path, body, "application/json");
    }
  }

  /**
   * An owner's pending request to the leader and scheduled interview with a second leader. The
   * program never lets one employee have both with the same leader (no second request to someone
   * they are about to meet), so each has its own leader, and the leader's party is whichever of the
   * two the endpoint concerns.
   */
  record Fixture(
      String owner,
      String ownerId,
      String manager,
      String requestId,
      String interviewId,
      Instant open,
      Instant openForMove) {}

  /** The leader on the other side of what {@code call} concerns. */
  String leaderOf(Call call) {
    return call.path().startsWith("api/interviews/") ? interviewLeader : leader;
  }

  @TestFactory
  Stream<DynamicTest> everyEndpointAnswersEachPartyExactly() {
    api = new Api(base);
    setUp();
    List<DynamicTest> tests = new ArrayList<>();
    for (Row row : rows()) {
      for (Party party : Party.values()) {
        int expected = row.expected(party);
        tests.add(
            DynamicTest.dynamicTest(
                row.name() + " as " + party + " → " + expected,
                () -> {
                  Fixture fixture = row.writes() && expected < 300 ? fixture() : shared();
                  Call call = row.call().apply(fixture);
                  String user =
                      switch (party) {
                        case OWNER -> fixture.owner();
                        case MANAGER -> fixture.manager();
                        case LEADER -> leaderOf(call);
                        default -> users.get(party);
                      };
                  Api.Reply reply =
                      api.send(
                          user,
                          call.method(),
                          call.path(),
                          call.body(),
                          call.contentType(),
                          Map.of());
                  assertThat(reply.status()).as(reply.toString()).isEqualTo(expected);
                  if (expected >= 400) {
                    assertThat(reply.contentType()).startsWith("application/problem+json");
                  }
                }));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> listsAndAgendasShowEachPartyOnlyTheirOwnRequestsAndInterviews() {
    api = new Api(base);
    setUp();
    Fixture f = fixture();
    // New times from the leader: the request now waits on the owner, and their agenda says so.
    Api.Reply countered =
        api.post(
            leader,
            "api/requests/" + f.requestId() + "/counter",
            json("proposedSlots", List.of(f.open().toString()), "note", ""));
    assertThat(countered.status()).as(countered.toString()).isEqualTo(200);
    List<DynamicTest> tests = new ArrayList<>();
    for (Party party : Party.values()) {
      String user =
          party == Party.OWNER
              ? f.owner()
              : party == Party.MANAGER ? f.manager() : users.get(party);
      boolean involved = party == Party.OWNER || party == Party.LEADER;
      // The leader's party is the request's leader for requests, the interview's for interviews.
      String requestsOf = party == Party.LEADER ? leader : user;
      String interviewsOf = party == Party.LEADER ? interviewLeader : user;
      tests.add(
          DynamicTest.dynamicTest(
              "the lists of "
                  + party
                  + (involved ? " show" : " do not show")
                  + " the request and the interview",
              () -> {
                List<String> requests = new ArrayList<>();
                for (String side : List.of("requester", "leader")) {
                  api.get(requestsOf, "api/requests?limit=500&as=" + side)
                      .items()
                      .forEach(r -> requests.add(((JsonObject) r).getString("id")));
                }
                List<String> interviews = new ArrayList<>();
                for (String side : List.of("employee", "leader")) {
                  api.get(interviewsOf, "api/interviews?limit=500&as=" + side)
                      .items()
                      .forEach(i -> interviews.add(((JsonObject) i).getString("id")));
                }
                if (involved) {
                  assertThat(requests).contains(f.requestId());
                  assertThat(interviews).contains(f.interviewId());
                } else {
                  assertThat(requests).doesNotContain(f.requestId());
                  assertThat(interviews).doesNotContain(f.interviewId());
                }
              }));
      // The agenda is the caller's own, as the employee: the leader's shows none of it either.
      tests.add(
          DynamicTest.dynamicTest(
              "the agenda of "
                  + party
                  + (party == Party.OWNER ? " shows" : " does not show")
                  + " the new times to answer and the next interview",
              () -> {
                Api.Reply agenda = api.get(party == Party.LEADER ? leader : user, "api/me/agenda");
                assertThat(agenda.status()).as(agenda.toString()).isEqualTo(200);
                if (party == Party.OWNER) {
                  assertThat(
                          agenda
                              .json()
                              .getJsonObject("counterProposals")
                              .getJsonArray("items")
                              .getJsonObject(0)
                              .getString("requestId"))
                      .isEqualTo(f.requestId());
                  assertThat(agenda.json().getJsonObject("nextInterview").getString("interviewId"))
                      .isEqualTo(f.interviewId());
                } else {
                  assertThat(agenda.body())
                      .doesNotContain(f.requestId())
                      .doesNotContain(f.interviewId())
                      .doesNotContain(f.ownerId());
                }
                if (party == Party.LEADER) {
                  assertThat(api.get(interviewLeader, "api/me/agenda").body())
                      .doesNotContain(f.interviewId())
                      .doesNotContain(f.ownerId());
                }
              }));
    }
    return tests.stream();
  }

  void setUp() {
    List<JsonObject> operations =
        api
            .get(
                "hana",
                "api/people?leadersOnly=true&limit=100&divisionId=" + division("Operations"))
            .items()
            .stream()
            .map(JsonObject.class::cast)
            // Generated leaders any owner (level 4 and up) may ask: at most three levels above.
            .filter(p -> p.getString("username").contains(".") && p.getInt("level") <= 7)
            .limit(3)
            .toList();
    assertThat(operations).hasSize(3);
    leader = operations.get(0).getString("username");
    leaderId = operations.get(0).getString("id");
    interviewLeader = operations.get(1).getString("username");
    interviewLeaderId = operations.get(1).getString("id");
    colleagueId = operations.get(2).getString("id");
    for (JsonObject someLeader : operations) {
      String username = someLeader.getString("username");
      String id = someLeader.getString("id");
      assertThat(
              api.put(
                      username,
                      "api/leaders/" + id + "/profile",
                      RequestBodies.profile("logistics", 40, true))
                  .status())
          .isEqualTo(200);
      assertThat(
              api.put(
                      username,
                      "api/leaders/" + id + "/availability",
                      RequestBodies.standardHours(90))
                  .status())
          .isEqualTo(200);
    }
    slots = new Slots(api, "hana", leaderId, Instant.now().plus(Duration.ofDays(35)));
    interviewSlots =
        new Slots(api, "hana", interviewLeaderId, Instant.now().plus(Duration.ofDays(35)));
    colleagueSlots = new Slots(api, "hana", colleagueId, Instant.now().plus(Duration.ofDays(35)));
    people = new DemoPeople(api, "Operations", "Marketing", "Engineering");
    users.put(Party.LEADER, leader);
    users.put(Party.STRANGER, people.take());
    users.put(Party.OTHER_LEADER, "mia");
    users.put(Party.HR, "hana");
  }

  Fixture shared;

  Fixture shared() {
    if (shared == null) {
      shared = fixture();
    }
    return shared;
  }

  String division(String name) {
    return api.get("hana", "api/divisions").array().stream()
        .map(JsonObject.class::cast)
        .filter(d -> d.getString("name").equals(name))
        .findFirst()
        .orElseThrow()
        .getString("id");
  }

  /** A new owner (limits untouched) with a pending request and a scheduled interview. */
  Fixture fixture() {
    String owner = people.take();
    Api.Reply pending =
        api.post(
            owner,
            "api/requests",
            RequestBodies.body(leaderId, List.of(slots.next(), slots.next())));
    assertThat(pending.status()).as(pending.toString()).isEqualTo(201);
    Instant start = interviewSlots.next();
    Api.Reply toAccept =
        api.post(
            owner,
            "api/requests",
            RequestBodies.body(interviewLeaderId, List.of(start, interviewSlots.next())));
    assertThat(toAccept.status()).as(toAccept.toString()).isEqualTo(201);
    Api.Reply accepted =
        api.post(
            interviewLeader,
            "api/requests/" + toAccept.string("id") + "/accept",
            json("start", start.toString()));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    String ownerId = api.get(owner, "api/me").string("id");
    String managerId = api.get(owner, "api/people/" + ownerId).json().getString("managerId");
    String manager = api.get("hana", "api/people/" + managerId).json().getString("username");
    return new Fixture(
        owner,
        ownerId,
        manager,
        pending.string("id"),
        accepted.string("interviewId"),
        slots.next(),
        interviewSlots.next());
  }

  List<Row> rows() {
    String profile = RequestBodies.profile("logistics", 40, true);
    String interests =
        json("targetDivisionIds", List.of(), "topics", List.of("logistics"), "goals", "");
    String cohort =
        json("name", "matrix", "divisionIds", List.of(division("People")), "introsPerEmployee", 1);
    // No dot in the user name: other tests take generated people by dotted names.
    String csv =
        "username,displayName,email,division,level,timeZone\nmatrix"
            + UUID.randomUUID().toString().substring(0, 8)
            + ",Matrix Person,matrix@example.com,Finance,3,UTC\n";
    return List.of(
        new Row("GET /api/me", false, f -> Call.get("api/me"), 200, 200, 200, 200, 200, 200),
        new Row(
            "GET /api/divisions",
            false,
            f -> Call.get("api/divisions"),
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "GET /api/people",
            false,
            f -> Call.get("api/people?q=a"),
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "GET /api/people/{id}",
            false,
            f -> Call.get("api/people/" + f.ownerId()),
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "GET /api/leaders/{id}/profile",
            false,
            f -> Call.get("api/leaders/" + leaderId + "/profile"),
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "PUT /api/leaders/{id}/profile",
            false,
            f -> Call.put("api/leaders/" + leaderId + "/profile", profile),
            403,
            200,
            403,
            403,
            403,
            200),
        new Row(
            "GET /api/leaders/{id}/availability",
            false,
            f -> Call.get("api/leaders/" + leaderId + "/availability"),
            403,
            200,
            403,
            403,
            403,
            403),
        new Row(
            "PUT /api/leaders/{id}/availability",
            false,
            f ->
                Call.put(
                    "api/leaders/" + leaderId + "/availability", RequestBodies.standardHours(90)),
            403,
            200,
            403,
            403,
            403,
            403),
        new Row(
            "GET /api/leaders/{id}/slots",
            false,
            f ->
                Call.get(
                    "api/leaders/"
                        + leaderId
                        + "/slots?length=20&from="
                        + f.open()
                        + "&to="
                        + f.open().plus(Duration.ofDays(1))),
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "GET /api/me/interests",
            false,
            f -> Call.get("api/me/interests"),
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "PUT /api/me/interests",
            false,
            f -> Call.put("api/me/interests", interests),
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "GET /api/me/recommendations",
            false,
            f -> Call.get("api/me/recommendations?limit=3"),
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "GET /api/topics", false, f -> Call.get("api/topics"), 200, 200, 200, 200, 200, 200),
        new Row(
            "GET /api/me/introductions",
            false,
            f -> Call.get("api/me/introductions"),
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "GET /api/requests",
            false,
            f -> Call.get("api/requests?as=requester"),
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "POST /api/requests",
            true,
            f ->
                Call.post(
                    "api/requests",
                    RequestBodies.body(
                        colleagueId, List.of(colleagueSlots.next(), colleagueSlots.next()))),
            201,
            409,
            201,
            201,
            201,
            201),
        new Row(
            "POST /api/requests/coaching",
            false,
            f ->
                Call.post(
                    "api/requests/coaching",
                    json("leaderId", leaderId, "learn", "Your job", "whyYou", "")),
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "POST /api/requests/coaching citing a suggestion nobody was given",
            false,
            f ->
                Call.post(
                    "api/requests/coaching",
                    json("leaderId", leaderId, "referralId", UUID.randomUUID().toString())),
            400,
            400,
            400,
            400,
            400,
            400),
        new Row(
            "GET /api/requests/{id}",
            false,
            f -> Call.get("api/requests/" + f.requestId()),
            200,
            200,
            404,
            404,
            404,
            404),
        new Row(
            "POST /api/requests/{id}/accept",
            true,
            f ->
                Call.post(
                    "api/requests/" + f.requestId() + "/accept",
                    json("start", "2030-01-01T10:00:00Z")),
            403,
            409,
            404,
            404,
            404,
            404),
        new Row(
            "POST /api/requests/{id}/counter",
            true,
            f ->
                Call.post(
                    "api/requests/" + f.requestId() + "/counter",
                    json("proposedSlots", List.of(f.open().toString()), "note", "")),
            403,
            200,
            404,
            404,
            404,
            404),
        new Row(
            "POST /api/requests/{id}/decline",
            true,
            f -> Call.post("api/requests/" + f.requestId() + "/decline", json("reason", "busy")),
            403,
            200,
            404,
            404,
            404,
            404),
        new Row(
            "POST /api/requests/{id}/redirect",
            true,
            f ->
                Call.post(
                    "api/requests/" + f.requestId() + "/redirect",
                    json("leaderId", colleagueId, "note", "")),
            403,
            200,
            404,
            404,
            404,
            404),
        // A leader's own search: the role first (403), then the request's parties (404).
        new Row(
            "GET /api/requests/{id}/colleagues",
            false,
            f -> Call.get("api/requests/" + f.requestId() + "/colleagues?q=a"),
            403,
            200,
            403,
            404,
            404,
            403),
        new Row(
            "POST /api/requests/{id}/follow-up",
            true,
            f ->
                Call.post("api/requests/" + f.requestId() + "/follow-up", json("message", "hello")),
            409,
            403,
            404,
            404,
            404,
            404),
        new Row(
            "POST /api/requests/{id}/withdraw",
            true,
            f -> Call.post("api/requests/" + f.requestId() + "/withdraw", json("reason", "")),
            200,
            403,
            404,
            404,
            404,
            404),
        new Row(
            "GET /api/interviews",
            false,
            f -> Call.get("api/interviews"),
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "GET /api/interviews/{id}",
            false,
            f -> Call.get("api/interviews/" + f.interviewId()),
            200,
            200,
            404,
            404,
            404,
            404),
        new Row(
            "GET /api/interviews/{id}/calendar.ics",
            false,
            f -> Call.get("api/interviews/" + f.interviewId() + "/calendar.ics"),
            200,
            200,
            404,
            404,
            404,
            404),
        new Row(
            "POST /api/interviews/{id}/reschedule",
            true,
            f ->
                Call.post(
                    "api/interviews/" + f.interviewId() + "/reschedule",
                    json("start", f.openForMove().toString(), "reason", "")),
            200,
            200,
            404,
            404,
            404,
            404),
        new Row(
            "POST /api/interviews/{id}/cancel",
            true,
            f -> Call.post("api/interviews/" + f.interviewId() + "/cancel", json("reason", "ill")),
            200,
            200,
            404,
            404,
            404,
            404),
        new Row(
            "POST /api/interviews/{id}/outcome",
            true,
            f -> Call.post("api/interviews/" + f.interviewId() + "/outcome", json("held", true)),
            409,
            409,
            404,
            404,
            404,
            404),
        new Row(
            "POST /api/cohorts",
            false,
            f -> Call.post("api/cohorts", cohort),
            403,
            403,
            403,
            403,
            403,
            202),
        new Row(
            "GET /api/cohorts", false, f -> Call.get("api/cohorts"), 403, 403, 403, 403, 403, 200),
        new Row(
            "GET /api/cohorts/{id}",
            false,
            f -> Call.get("api/cohorts/" + UUID.randomUUID()),
            403,
            403,
            403,
            403,
            403,
            404),
        new Row(
            "GET /api/cohorts/{id}/matches",
            false,
            f -> Call.get("api/cohorts/" + UUID.randomUUID() + "/matches"),
            403,
            403,
            403,
            403,
            403,
            404),
        new Row(
            "GET /api/cohorts/{id}/outcome",
            false,
            f -> Call.get("api/cohorts/" + UUID.randomUUID() + "/outcome"),
            403,
            403,
            403,
            403,
            403,
            404),
        new Row(
            "POST /api/directory/import",
            false,
            f -> new Call("POST", "api/directory/import", csv, "text/csv"),
            403,
            403,
            403,
            403,
            403,
            202),
        // After the interview: the fixture's interview is still ahead, so what needs it held
        // refuses the parties with 409 and everyone else cannot see it (404).
        new Row(
            "GET /api/interviews/{id}/meeting",
            false,
            f -> Call.get("api/interviews/" + f.interviewId() + "/meeting"),
            200,
            200,
            404,
            404,
            404,
            404),
        new Row(
            "POST /api/interviews/{id}/thank-you",
            false,
            f ->
                Call.post(
                    "api/interviews/" + f.interviewId() + "/thank-you", json("message", "Thanks")),
            409,
            403,
            404,
            404,
            404,
            404),
        new Row(
            "POST /api/interviews/{id}/referrals",
            false,
            f ->
                Call.post(
                    "api/interviews/" + f.interviewId() + "/referrals",
                    "[" + json("personId", colleagueId, "mayUseName", true, "note", "") + "]"),
            403,
            409,
            404,
            404,
            404,
            404),
        new Row(
            "POST /api/interviews/{id}/feedback",
            false,
            f ->
                Call.post(
                    "api/interviews/" + f.interviewId() + "/feedback",
                    json(
                        "talentPool",
                        false,
                        "strengths",
                        List.of(),
                        "note",
                        "",
                        "offerMentoring",
                        false)),
            403,
            409,
            404,
            404,
            404,
            404),
        new Row(
            "GET /api/interviews/{id}/notes",
            false,
            f -> Call.get("api/interviews/" + f.interviewId() + "/notes"),
            200,
            403,
            404,
            404,
            404,
            404),
        new Row(
            "PUT /api/interviews/{id}/notes",
            true,
            f -> Call.put("api/interviews/" + f.interviewId() + "/notes", json("text", "mine")),
            200,
            403,
            404,
            404,
            404,
            404),
        new Row(
            "GET /api/me/agenda",
            false,
            f -> Call.get("api/me/agenda"),
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "GET /api/me/referrals",
            false,
            f -> Call.get("api/me/referrals"),
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "GET /api/me/contacts",
            false,
            f -> Call.get("api/me/contacts"),
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "POST /api/me/contacts/{personId}/touches",
            false,
            // Nobody has met the fixture's owner: they are no one's contact.
            f -> Call.post("api/me/contacts/" + f.ownerId() + "/touches", json("note", "hi")),
            404,
            404,
            404,
            404,
            404,
            404),
        new Row(
            "PUT /api/me/contacts/{personId}",
            false,
            f ->
                Call.put(
                    "api/me/contacts/" + f.ownerId(), json("cadenceDays", 30, "stopped", false)),
            404,
            404,
            404,
            404,
            404,
            404),
        new Row(
            "GET /api/me/contacts/digest",
            false,
            f -> Call.get("api/me/contacts/digest"),
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "PUT /api/me/contacts/digest",
            false,
            f -> Call.put("api/me/contacts/digest", json("weekly", true)),
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "GET /api/me/talent",
            false,
            f -> Call.get("api/me/talent"),
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "PUT /api/me/talent-pool-consent",
            false,
            f -> Call.put("api/me/talent-pool-consent", json("visibleToHr", false)),
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "PUT /api/me/mentoring-offers/{interviewId}",
            false,
            // No offer was made for the fixture's interview: there is nothing to answer.
            f -> Call.put("api/me/mentoring-offers/" + f.interviewId(), json("accepted", true)),
            404,
            404,
            404,
            404,
            404,
            404),
        new Row(
            "GET /api/me/export",
            false,
            f -> Call.get("api/me/export"),
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "GET /api/program", false, f -> Call.get("api/program"), 200, 200, 200, 200, 200, 200),
        new Row(
            "PUT /api/program",
            false,
            // The rules as they are, from the version now stored: only HR may save them.
            f ->
                Call.put(
                    "api/program",
                    RequestBodies.program(
                        api.get("hana", "api/program").json().getJsonNumber("version").longValue(),
                        3,
                        6)),
            403,
            403,
            403,
            403,
            403,
            200),
        new Row(
            "GET /api/reports/pipeline",
            false,
            f -> Call.get("api/reports/pipeline"),
            403,
            403,
            403,
            403,
            403,
            200),
        new Row(
            "GET /api/reports/flows",
            false,
            f -> Call.get("api/reports/flows"),
            403,
            403,
            403,
            403,
            403,
            200),
        new Row(
            "GET /api/reports/leaders",
            false,
            f -> Call.get("api/reports/leaders"),
            403,
            403,
            403,
            403,
            403,
            200),
        new Row(
            "GET /api/reports/mobility",
            false,
            f -> Call.get("api/reports/mobility"),
            403,
            403,
            403,
            403,
            403,
            200),
        new Row(
            "GET /api/reports/talent-pool",
            false,
            f -> Call.get("api/reports/talent-pool"),
            403,
            403,
            403,
            403,
            403,
            200),
        new Row(
            "GET /api/reports/audit",
            false,
            f -> Call.get("api/reports/audit"),
            403,
            403,
            403,
            403,
            403,
            200),
        new Row(
            "GET /api/reports/monthly",
            false,
            f ->
                Call.get(
                    "api/reports/monthly?month="
                        + java.time.YearMonth.now(java.time.ZoneOffset.UTC).minusMonths(1)),
            403,
            403,
            403,
            403,
            403,
            200),
        // No Keycloak is configured here: HR is let through and told there is nothing to sync.
        new Row(
            "POST /api/directory/sync",
            false,
            f -> new Call("POST", "api/directory/sync", null, null),
            403,
            403,
            403,
            403,
            403,
            409),
        new Row(
            "GET /api/jobs",
            false,
            f -> Call.get("api/jobs?kind=IMPORT&limit=5"),
            403,
            403,
            403,
            403,
            403,
            200),
        new Row(
            "GET /api/jobs/{id}",
            false,
            f -> Call.get("api/jobs/" + UUID.randomUUID()),
            403,
            403,
            403,
            403,
            403,
            404));
  }
}
