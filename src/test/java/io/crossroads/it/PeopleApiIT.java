package io.crossroads.it;

import static io.crossroads.it.ApiAssertions.assertProblem;
import static io.crossroads.it.RequestBodies.profile;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Directory, leader profiles, sign-in, errors and operations endpoints, over HTTP. */
@ExtendWith(ArquillianExtension.class)
class PeopleApiIT {

  @ArquillianResource URL base;
  Api api;

  @BeforeEach
  void connect() {
    api = new Api(base);
  }

  @Test
  void meDescribesTheSignedInPersonWithRoles() {
    JsonObject ava = api.get("ava", "api/me").json();
    assertThat(ava.getString("username")).isEqualTo("ava");
    assertThat(ava.getString("displayName")).isEqualTo("Ava Thompson");
    assertThat(ava.getString("divisionName")).isEqualTo("Finance");
    assertThat(ava.getString("timeZone")).isEqualTo("America/New_York");
    assertThat(ava.getJsonArray("roles").getValuesAs(JsonValue::toString))
        .containsExactly("\"EMPLOYEE\"");

    assertThat(roles("leo")).containsExactly("EMPLOYEE", "LEADER");
    assertThat(roles("hana")).containsExactly("EMPLOYEE", "HR");
  }

  List<String> roles(String user) {
    return api.get(user, "api/me")
        .json()
        .getJsonArray("roles")
        .getValuesAs(v -> ((jakarta.json.JsonString) v).getString());
  }

  @Test
  void withoutValidCredentialsEveryApiCallIsAnUnauthenticatedProblem() {
    Api.Reply anonymous = api.get(null, "api/me");
    assertProblem(anonymous, 401, "unauthenticated");
    assertThat(anonymous.header("WWW-Authenticate")).hasValue("Basic realm=\"Crossroads\"");

    Api.Reply wrong =
        api.send(
            null,
            "GET",
            "api/divisions",
            null,
            null,
            Map.of("Authorization", Api.basic("ava", "not-demo")));
    assertProblem(wrong, 401, "unauthenticated");
    assertThat(wrong.body()).doesNotContain("Exception", "<html");

    assertProblem(
        api.send(null, "GET", "api/me", null, null, Map.of("Authorization", "Basic %%%")),
        401,
        "unauthenticated");
  }

  @Test
  void divisionsListAllEightWithHeadcountsThatAddUpToTheOrganisation() {
    JsonArray divisions = api.get("ava", "api/divisions").array();
    assertThat(divisions).hasSize(8);
    int people = divisions.stream().mapToInt(d -> d.asJsonObject().getInt("headcount")).sum();
    assertThat(people).isEqualTo(api.get("ava", "api/people?limit=1").json().getInt("total"));
    assertThat(people).isEqualTo(Deployments.DEMO_EMPLOYED);
  }

  @Test
  void theDirectoryFindsLeadersByNameAndFiltersByDivision() {
    Api.Reply found = api.get("ava", "api/people?q=Martins&leadersOnly=true");
    assertThat(found.json().getInt("total")).isGreaterThanOrEqualTo(1);
    JsonObject leo =
        found.items().stream()
            .map(JsonObject.class::cast)
            .filter(p -> p.getString("username").equals("leo"))
            .findFirst()
            .orElseThrow();
    assertThat(leo.getBoolean("leader")).isTrue();
    assertThat(leo.containsKey("email")).isFalse();

    String engineering = leo.getString("divisionId");
    Api.Reply division = api.get("ava", "api/people?limit=500&divisionId=" + engineering);
    assertThat(division.items())
        .isNotEmpty()
        .allSatisfy(
            p -> assertThat(p.asJsonObject().getString("divisionId")).isEqualTo(engineering));

    Api.Reply page = api.get("ava", "api/people?limit=7&offset=7");
    assertThat(page.items()).hasSize(7);
    assertThat(page.json().getInt("total")).isEqualTo(Deployments.DEMO_EMPLOYED);
    assertThat(api.get("ava", "api/people?q=%25").json().getInt("total")).isZero();
  }

  @Test
  void aLeadersPublicProfileCarriesTheLeaderProfile() {
    String leo = api.get("leo", "api/me").string("id");
    JsonObject person = api.get("ava", "api/people/" + leo).json();
    assertThat(person.getJsonObject("leaderProfile").getInt("monthlyCap")).isPositive();

    String ava = api.get("ava", "api/me").string("id");
    assertThat(api.get("leo", "api/people/" + ava).json().get("leaderProfile")).isNull();
    assertProblem(api.get("leo", "api/leaders/" + ava + "/profile"), 404, "not-found");
    assertProblem(
        api.get("leo", "api/people/00000000-0000-0000-0000-000000000000"), 404, "not-found");
    assertProblem(api.get("leo", "api/people/not-an-id"), 404, "not-found");
  }

  @Test
  void aLeaderChangesTheirProfileAndEveryoneSeesIt() {
    String mia = api.get("mia", "api/me").string("id");
    Api.Reply updated =
        api.put("mia", "api/leaders/" + mia + "/profile", profile(true, 6, List.of(20, 30)));
    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);

    JsonObject seen = api.get("ben", "api/leaders/" + mia + "/profile").json();
    assertThat(seen.getInt("monthlyCap")).isEqualTo(6);
    assertThat(seen.getJsonArray("topics").getString(0)).isEqualTo("architecture");
    assertThat(seen.getJsonArray("lengths")).hasSize(2);
    api.put("mia", "api/leaders/" + mia + "/profile", profile(true, 4, List.of(15, 20, 30)));
  }

  @Test
  void onlyTheLeaderOrHrMayChangeALeaderProfile() {
    String leo = api.get("leo", "api/me").string("id");
    assertProblem(
        api.put("ava", "api/leaders/" + leo + "/profile", profile(true, 5, List.of(20))),
        403,
        "forbidden");
    assertProblem(
        api.put("mia", "api/leaders/" + leo + "/profile", profile(true, 5, List.of(20))),
        403,
        "forbidden");
    Api.Reply byHr =
        api.put("hana", "api/leaders/" + leo + "/profile", profile(true, 4, List.of(15, 20, 30)));
    assertThat(byHr.status()).as(byHr.toString()).isEqualTo(200);
  }

  @Test
  void anInvalidProfileIsRefusedFieldByFieldAndNothingChanges() {
    String leo = api.get("leo", "api/me").string("id");
    int before = api.get("leo", "api/leaders/" + leo + "/profile").json().getInt("monthlyCap");

    Api.Reply tooMany =
        api.put("leo", "api/leaders/" + leo + "/profile", profile(true, 41, List.of(20)));
    assertProblem(tooMany, 400, "validation-failed");
    assertThat(tooMany.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("monthlyCap");

    Api.Reply badLength =
        api.put("leo", "api/leaders/" + leo + "/profile", profile(true, 4, List.of(45)));
    assertProblem(badLength, 400, "validation-failed");
    assertProblem(
        api.put("leo", "api/leaders/" + leo + "/profile", "{}"), 400, "validation-failed");
    assertThat(api.get("leo", "api/leaders/" + leo + "/profile").json().getInt("monthlyCap"))
        .isEqualTo(before);
  }

  @Test
  void unknownPathsAndMethodsAreProblemsToo() {
    assertProblem(api.get("ava", "api/nowhere"), 404, "not-found");
    Api.Reply delete = api.send("ava", "DELETE", "api/me", null, null, Map.of());
    assertProblem(delete, 405, "method-not-allowed");
    assertThat(delete.header("Allow")).isPresent();
    Api.Reply page = api.get(null, "no-such-page.html");
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.contentType()).startsWith("application/problem+json");
  }

  @Test
  void thePortalSignsInWithAFormAndThenUsesTheSessionCookie() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    URI root = api.base();
    assertThat(
            browser
                .send(
                    HttpRequest.newBuilder(root.resolve("login.html")).build(),
                    HttpResponse.BodyHandlers.ofString())
                .body())
        .contains("<form");

    HttpResponse<String> failed =
        browser.send(form(root, "ava", "nope"), HttpResponse.BodyHandlers.ofString());
    assertThat(failed.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("failed"));

    HttpResponse<String> signedIn =
        browser.send(form(root, "ava", "demo"), HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).isEqualTo(303);
    HttpResponse<String> me =
        browser.send(
            HttpRequest.newBuilder(root.resolve("api/me")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("\"username\":\"ava\"");

    HttpRequest forged =
        HttpRequest.newBuilder(root.resolve("api/requests"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    assertThat(browser.send(forged, HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(403);

    browser.send(
        HttpRequest.newBuilder(root.resolve("logout"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(
            browser
                .send(
                    HttpRequest.newBuilder(root.resolve("api/me")).build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(401);
  }

  static HttpRequest form(URI root, String user, String password) {
    return HttpRequest.newBuilder(root.resolve("login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password))
        .build();
  }

  @Test
  void healthReportsTheDatabaseAndMetricsAndOpenApiAreServed() {
    Api.Reply ready = api.get(null, api.server().resolve("health/ready").toString());
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().getString("status")).isEqualTo("UP");
    assertThat(ready.body()).contains("\"database\"", "PostgreSQL");
    // The paths the Kubernetes probes ask (deploy/kubernetes/base/deployment.yaml).
    for (String probe : List.of("health/started", "health/live")) {
      Api.Reply up = api.get(null, api.server().resolve(probe).toString());
      assertThat(up.status()).as(probe).isEqualTo(200);
      assertThat(up.json().getString("status")).as(probe).isEqualTo("UP");
    }

    Api.Reply metrics = api.metrics();
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("# TYPE");

    Api.Reply openApi = api.get(null, api.server().resolve("openapi").toString());
    assertThat(openApi.status()).isEqualTo(200);
    assertThat(openApi.body())
        .contains(
            "/api/requests/{id}/accept:",
            "/api/leaders/{id}/profile:",
            "/api/me:",
            "application/problem+json",
            "Problem");
  }

  @Test
  void everyResponseCarriesTheSecurityHeadersErrorsIncluded() {
    for (Api.Reply reply :
        List.of(
            api.get("ava", "api/me"),
            api.get(null, "api/me"),
            api.get("ava", "api/people/not-a-uuid"),
            api.get(null, "index.html"),
            api.get(null, "login.html"),
            api.get(null, ECHARTS))) {
      assertThat(reply.header("Content-Security-Policy"))
          .as(reply.toString())
          .hasValueSatisfying(
              csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
      assertThat(reply.header("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(reply.header("X-Frame-Options")).hasValue("DENY");
      assertThat(reply.header("Referrer-Policy")).hasValue("no-referrer");
    }
    assertThat(api.get("ava", "api/me").header("Cache-Control")).hasValue("no-store");
  }

  /** The Reports page's charting library, served from its webjar in the WAR (pom.xml). */
  static final String ECHARTS = "webjars/echarts/5.3.1/dist/echarts.min.js";

  @Test
  void theChartingLibraryIsServedFromTheWar() {
    Api.Reply echarts = api.get(null, ECHARTS);
    assertThat(echarts.status()).isEqualTo(200);
    assertThat(echarts.header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
    assertThat(echarts.body()).contains("echarts");
  }
}
