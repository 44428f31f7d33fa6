package io.crossroads.it;

import static io.crossroads.it.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OIDC mode against a real Keycloak with the realm of {@code config/keycloak}: bearer tokens,
 * roles, the portal's code flow, and the directory synced from Keycloak. On a database of its own.
 * The sync reaches Keycloak through a relay that a test can cut, so Keycloak itself stays up for
 * every test.
 */
class OidcIT {

  static final String DATABASE = "oidc";
  static final String PASSWORD = secret();
  static KeycloakServer keycloak;
  static TcpRelay syncLine;
  static PayaraMicroProcess payara;
  static Api api;
  static String url;
  static String portalSecret = secret();

  static String secret() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @BeforeAll
  static void start() throws Exception {
    Path work = Path.of(System.getProperty("crossroads.it.work"), "oidc");
    int port = PayaraMicroProcess.freePort();
    String syncSecret = secret();
    keycloak =
        KeycloakServer.start(
            work,
            Map.of(
                "CROSSROADS_API_SECRET",
                secret(),
                "CROSSROADS_PORTAL_SECRET",
                portalSecret,
                "CROSSROADS_PORTAL_URL",
                "http://127.0.0.1:" + port,
                "CROSSROADS_SAMPLE_PASSWORD",
                PASSWORD,
                "CROSSROADS_SYNC_SECRET",
                syncSecret),
            true);
    // The realm ships with the password grant off; these tests use it for their tokens.
    keycloak.allowPasswordGrant("crossroads-cli");
    url = TestEnvironment.freshDatabase(DATABASE);
    api = new Api(URI.create("http://127.0.0.1:" + port + "/"));
    Map<String, String> settings = new HashMap<>();
    settings.put("crossroads.db.url", url);
    settings.put("crossroads.oidc.issuer", keycloak.issuer("crossroads"));
    settings.put("crossroads.oidc.client-id", "crossroads-portal");
    settings.put("crossroads.oidc.client-secret", portalSecret);
    settings.put("crossroads.oidc.audience", "crossroads-api");
    settings.put("crossroads.oidc.clock-skew", "PT1S");
    syncLine = TcpRelay.to(keycloak.port);
    settings.put("crossroads.keycloak.url", "http://127.0.0.1:" + syncLine.port());
    settings.put("crossroads.keycloak.realm", "crossroads");
    settings.put("crossroads.keycloak.client-id", "crossroads-sync");
    settings.put("crossroads.keycloak.client-secret", syncSecret);
    settings.put("crossroads.jobs.recovery-interval", "PT3S");
    payara = PayaraMicroProcess.start(work, port, "oidc", settings);
    payara.awaitReady(api, Duration.ofMinutes(5));
    // The directory starts empty; the first sync is the system's own.
    await("the first sync let hana in")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> bearer("hana", "api/me").status() == 200);
  }

  @AfterAll
  static void stop() throws Exception {
    if (payara != null) {
      payara.close();
    }
    if (syncLine != null) {
      syncLine.close();
    }
    if (keycloak != null) {
      keycloak.close();
    }
  }

  static Api.Reply bearer(String user, String path) throws Exception {
    return withToken(
        keycloak.accessToken("crossroads", "crossroads-cli", user, PASSWORD), "GET", path, null);
  }

  static Api.Reply withToken(String token, String method, String path, String json) {
    return api.send(
        null, method, path, json, "application/json", Map.of("Authorization", "Bearer " + token));
  }

  static List<String> roles(Api.Reply me) {
    return me.json().getJsonArray("roles").getValuesAs(JsonString::getString);
  }

  @Test
  void aKeycloakTokenSignsInWithTheRealmRolesItGrants() throws Exception {
    Api.Reply hana = bearer("hana", "api/me");
    assertThat(hana.status()).isEqualTo(200);
    assertThat(roles(hana)).containsExactlyInAnyOrder("EMPLOYEE", "HR");
    assertThat(roles(bearer("leo", "api/me"))).containsExactlyInAnyOrder("EMPLOYEE", "LEADER");
    Api.Reply ava = bearer("ava", "api/me");
    assertThat(roles(ava)).containsExactly("EMPLOYEE");
    assertThat(ava.json().getString("divisionName")).isEqualTo("Finance");
    assertThat(ava.json().getString("timeZone")).isEqualTo("America/New_York");
    assertProblem(bearer("ava", "api/cohorts"), 403, "forbidden");
    assertThat(bearer("hana", "api/cohorts").status()).isEqualTo(200);
  }

  @Test
  void demoUsersAndHttpBasicDoNotExist() throws Exception {
    Api.Reply basic = api.get("ava", "api/me");
    assertProblem(basic, 401, "unauthenticated");
    assertThat(basic.header("WWW-Authenticate")).hasValue("Bearer realm=\"Crossroads\"");
    HttpResponse<String> form =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(api.base().resolve("login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=ava&password=demo"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(form.statusCode()).isEqualTo(302);
    assertThat(form.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/oidc/login"));
  }

  @Test
  void forgedExpiredWrongIssuerAndWrongAudienceTokensAreRefused() throws Exception {
    String good = keycloak.accessToken("crossroads", "crossroads-cli", "ava", PASSWORD);
    String[] parts = good.split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"preferred_username\":\"ava\"", "\"preferred_username\":\"hana\"");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertProblem(withToken(forged, "GET", "api/me", null), 401, "unauthenticated");

    String otherAudience = keycloak.accessToken("crossroads", "admin-cli", "ava", PASSWORD);
    Api.Reply wrongAudience = withToken(otherAudience, "GET", "api/me", null);
    assertProblem(wrongAudience, 401, "unauthenticated");
    // Why, in the token library's words, stays in the log.
    assertThat(wrongAudience.json().getString("detail"))
        .isEqualTo(
            "The access token is not valid. Sign in again at the company's identity provider.");

    String master = keycloak.accessToken("master", "admin-cli", "admin", keycloak.adminPassword);
    assertProblem(withToken(master, "GET", "api/me", null), 401, "unauthenticated");

    JsonObject cli = client("crossroads-cli");
    String id = cli.getString("id");
    String shortLived =
        Json.createObjectBuilder(cli)
            .add(
                "attributes",
                Json.createObjectBuilder(cli.getJsonObject("attributes"))
                    .add("access.token.lifespan", "1"))
            .build()
            .toString();
    assertThat(keycloak.admin("PUT", "/clients/" + id, shortLived).statusCode()).isEqualTo(204);
    try {
      String expiring = keycloak.accessToken("crossroads", "crossroads-cli", "ava", PASSWORD);
      // It lives one second, and the API allows one second of clock skew.
      await("the token expired")
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                Api.Reply expired = withToken(expiring, "GET", "api/me", null);
                assertProblem(expired, 401, "unauthenticated");
                assertThat(expired.json().getString("detail"))
                    .doesNotContainIgnoringCase("expired")
                    .startsWith("The access token is not valid.");
              });
    } finally {
      // Keycloak merges client attributes: the lifespan is set back explicitly (the realm's 5
      // minutes).
      keycloak.admin(
          "PUT",
          "/clients/" + id,
          Json.createObjectBuilder(cli)
              .add(
                  "attributes",
                  Json.createObjectBuilder(cli.getJsonObject("attributes"))
                      .add("access.token.lifespan", "300"))
              .build()
              .toString());
    }
    assertThat(
            withToken(
                    keycloak.accessToken("crossroads", "crossroads-cli", "ava", PASSWORD),
                    "GET",
                    "api/me",
                    null)
                .status())
        .isEqualTo(200);
  }

  static JsonObject client(String clientId) throws Exception {
    HttpResponse<String> found = keycloak.admin("GET", "/clients?clientId=" + clientId, null);
    return Json.createReader(new StringReader(found.body())).readArray().getJsonObject(0);
  }

  @Test
  void theDirectorySyncsAThousandUsersAndRecordsAMoveBetweenGroups() throws Exception {
    JsonArrayBuilder users = Json.createArrayBuilder();
    List<String> divisions =
        List.of("Engineering", "Finance", "Marketing", "Sales", "Operations", "Product");
    for (int i = 0; i < 1000; i++) {
      users.add(
          Json.createObjectBuilder()
              .add("username", String.format("synced.user%04d", i))
              .add("enabled", true)
              .add("email", String.format("synced.user%04d@crossroads.example", i))
              .add("firstName", "Synced")
              .add("lastName", "User " + i)
              .add(
                  "attributes",
                  Json.createObjectBuilder()
                      .add("level", Json.createArrayBuilder().add(String.valueOf(2 + i % 6)))
                      .add("timeZone", Json.createArrayBuilder().add("Europe/Berlin"))
                      .add("title", Json.createArrayBuilder().add("Analyst")))
              .add(
                  "groups",
                  Json.createArrayBuilder().add("/" + divisions.get(i % divisions.size())))
              .add(
                  "realmRoles",
                  Json.createArrayBuilder()
                      .add("EMPLOYEE")
                      .add(i % 10 == 0 ? "LEADER" : "EMPLOYEE")));
    }
    HttpResponse<String> imported =
        keycloak.admin(
            "POST",
            "/partialImport",
            Json.createObjectBuilder()
                .add("ifResourceExists", "SKIP")
                .add("users", users)
                .build()
                .toString());
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

    JsonObject first = sync();
    assertThat(first.getString("status")).as(first.toString()).isEqualTo("DONE");
    assertThat(first.getString("summary"))
        .startsWith("1000 created, 0 updated, 0 moved division, 0 deactivated");
    assertThat(first.getJsonObject("progress").getInt("done"))
        .isEqualTo(first.getJsonObject("progress").getInt("total"));

    JsonObject again = sync();
    assertThat(again.getString("summary"))
        .startsWith("0 created, 0 updated, 0 moved division, 0 deactivated");

    String user = id("/users?username=synced.user0006&exact=true"); // in Engineering (6 % 6)
    assertThat(
            keycloak
                .admin(
                    "DELETE",
                    "/users/" + user + "/groups/" + id("/groups?search=Engineering&exact=true"),
                    null)
                .statusCode())
        .isEqualTo(204);
    assertThat(
            keycloak
                .admin(
                    "PUT",
                    "/users/" + user + "/groups/" + id("/groups?search=Sales&exact=true"),
                    null)
                .statusCode())
        .isEqualTo(204);
    JsonObject moved = sync();
    assertThat(moved.getString("summary"))
        .startsWith("0 created, 1 updated, 1 moved division, 0 deactivated");
    try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
        PreparedStatement select =
            db.prepareStatement(
                "select f.name, t.name from internal_move m"
                    + " join person p on p.id = m.person_id join division f on f.id = m.from_division"
                    + " join division t on t.id = m.to_division where p.username = 'synced.user0006'");
        ResultSet r = select.executeQuery()) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1) + " → " + r.getString(2)).isEqualTo("Engineering → Sales");
      assertThat(r.next()).isFalse();
    }
  }

  @Test
  void hiringAndLeavingDaysComeFromKeycloaksUserAttributes() throws Exception {
    // The realm's sample users carry a hiring day, read by the first sync.
    assertThat(dates("ava")).containsExactly(true, LocalDate.of(2019, 4, 1), null);
    JsonArrayBuilder users = Json.createArrayBuilder();
    users.add(keycloakUser("dated.gone", true, "2020-02-03", "2026-01-15"));
    users.add(keycloakUser("dated.disabled", false, "2021-07-01", null));
    users.add(keycloakUser("dated.here", true, "2022-09-12", null));
    HttpResponse<String> imported =
        keycloak.admin(
            "POST",
            "/partialImport",
            Json.createObjectBuilder()
                .add("ifResourceExists", "SKIP")
                .add("users", users)
                .build()
                .toString());
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

    JsonObject synced = sync();
    assertThat(synced.getString("status")).as(synced.toString()).isEqualTo("DONE");
    assertThat(dates("dated.gone"))
        .containsExactly(false, LocalDate.of(2020, 2, 3), LocalDate.of(2026, 1, 15));
    assertThat(dates("dated.here")).containsExactly(true, LocalDate.of(2022, 9, 12), null);
    // Disabled in Keycloak before this directory ever had them: no leaving day is made up.
    assertThat(dates("dated.disabled")).containsExactly(false, LocalDate.of(2021, 7, 1), null);

    // Disabled now, without a leaving day: they left on the day of the sync.
    String here = id("/users?username=dated.here&exact=true");
    JsonObject user =
        Json.createReader(new StringReader(keycloak.admin("GET", "/users/" + here, null).body()))
            .readObject();
    String disabled = Json.createObjectBuilder(user).add("enabled", false).build().toString();
    HttpResponse<String> updated = keycloak.admin("PUT", "/users/" + here, disabled);
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
    assertThat(sync().getString("status")).isEqualTo("DONE");
    assertThat(dates("dated.here"))
        .containsExactly(false, LocalDate.of(2022, 9, 12), LocalDate.now(ZoneOffset.UTC));
  }

  static JsonObject keycloakUser(String username, boolean enabled, String hiredOn, String leftOn) {
    JsonObjectBuilder attributes =
        Json.createObjectBuilder()
            .add("level", Json.createArrayBuilder().add("4"))
            .add("timeZone", Json.createArrayBuilder().add("Europe/Berlin"))
            .add("title", Json.createArrayBuilder().add("Analyst"))
            .add("hiredOn", Json.createArrayBuilder().add(hiredOn));
    if (leftOn != null) {
      attributes.add("leftOn", Json.createArrayBuilder().add(leftOn));
    }
    return Json.createObjectBuilder()
        .add("username", username)
        .add("enabled", enabled)
        .add("email", username + "@crossroads.example")
        .add("firstName", "Dated")
        .add("lastName", username.substring(username.indexOf('.') + 1))
        .add("attributes", attributes)
        .add("groups", Json.createArrayBuilder().add("/Finance"))
        .add("realmRoles", Json.createArrayBuilder().add("EMPLOYEE"))
        .build();
  }

  /** Whether the person is active, their hiring day and their leaving day. */
  static List<Object> dates(String username) throws Exception {
    try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
        PreparedStatement select =
            db.prepareStatement(
                "select active, hired_on, left_on from person where username = ?")) {
      select.setString(1, username);
      try (ResultSet r = select.executeQuery()) {
        assertThat(r.next()).as(username).isTrue();
        List<Object> dates = new java.util.ArrayList<>();
        dates.add(r.getBoolean(1));
        dates.add(r.getObject(2, LocalDate.class));
        dates.add(r.getObject(3, LocalDate.class));
        return dates;
      }
    }
  }

  static String id(String path) throws Exception {
    JsonArray found =
        Json.createReader(new StringReader(keycloak.admin("GET", path, null).body())).readArray();
    return found.getJsonObject(0).getString("id");
  }

  static JsonObject sync() throws Exception {
    String token = keycloak.accessToken("crossroads", "crossroads-cli", "hana", PASSWORD);
    Api.Reply accepted = withToken(token, "POST", "api/directory/sync", null);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    return await("the sync finished")
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () ->
                withToken(
                        keycloak.accessToken("crossroads", "crossroads-cli", "hana", PASSWORD),
                        "GET",
                        "api/jobs/" + accepted.string("jobId"),
                        null)
                    .json(),
            job -> !List.of("QUEUED", "RUNNING").contains(job.getString("status")));
  }

  @Test
  void thePortalSignsInThroughKeycloakAndSignsOutThereToo() throws Exception {
    Browser browser = new Browser();
    HttpResponse<String> start = browser.get(api.base().resolve("oidc/login").toString());
    assertThat(start.statusCode()).isEqualTo(302);
    String authorize = start.headers().firstValue("Location").orElseThrow();
    assertThat(authorize)
        .startsWith(keycloak.issuer("crossroads") + "/protocol/openid-connect/auth?")
        .contains("code_challenge_method=S256", "state=", "nonce=");
    HttpResponse<String> signedIn = browser.signIn(authorize, "ava", PASSWORD);
    assertThat(signedIn.statusCode()).isEqualTo(302);
    String callback = signedIn.headers().firstValue("Location").orElseThrow();
    assertThat(callback).startsWith(api.base().resolve("oidc/callback").toString());
    HttpResponse<String> home = browser.get(callback);
    assertThat(home.statusCode()).isEqualTo(302);
    HttpResponse<String> me = browser.get(api.base().resolve("api/me").toString());
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("\"username\":\"ava\"");

    // The portal's forms may continue at Keycloak (sign-out redirects there).
    assertThat(api.get(null, "index.html").header("Content-Security-Policy"))
        .hasValueSatisfying(
            csp -> assertThat(csp).contains("form-action 'self' " + keycloak.url()));
    HttpResponse<String> out = browser.post(api.base().resolve("logout").toString(), "");
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(out.headers().firstValue("Location"))
        .hasValueSatisfying(
            l ->
                assertThat(l)
                    .startsWith(
                        keycloak.issuer("crossroads")
                            + "/protocol/openid-connect/logout?id_token_hint="));
    assertThat(browser.get(api.base().resolve("api/me").toString()).statusCode()).isEqualTo(401);
  }

  @Test
  void whenKeycloakCannotBeReachedTheSyncFailsClearlyAndChangesNothing() throws Exception {
    String token = keycloak.accessToken("crossroads", "crossroads-cli", "hana", PASSWORD);
    int before = count();
    syncLine.cut();
    JsonObject job;
    try {
      Api.Reply accepted = withToken(token, "POST", "api/directory/sync", null);
      assertThat(accepted.status()).isEqualTo(202);
      job =
          await("the sync ended")
              .atMost(Duration.ofSeconds(60))
              .pollInterval(Duration.ofMillis(500))
              .until(
                  () -> {
                    Api.Reply reply =
                        withToken(token, "GET", "api/jobs/" + accepted.string("jobId"), null);
                    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
                    return reply.json();
                  },
                  ended -> List.of("FAILED", "DONE").contains(ended.getString("status")));
    } finally {
      syncLine.restore();
    }
    assertThat(job.getString("status")).isEqualTo("FAILED");
    assertThat(job.getString("error")).contains("could not be reached", "Nothing was changed");
    assertThat(count()).isEqualTo(before);
  }

  static int count() throws Exception {
    try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
        Statement s = db.createStatement();
        ResultSet r = s.executeQuery("select count(*) from person where active")) {
      r.next();
      return r.getInt(1);
    }
  }
}
