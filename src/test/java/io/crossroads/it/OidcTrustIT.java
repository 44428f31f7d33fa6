package io.crossroads.it;

import static io.crossroads.it.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a company can trust in OIDC mode, against a real Keycloak with the realm of {@code
 * config/keycloak} imported exactly as it ships (no sample users, no password grant): people cannot
 * edit what Crossroads reads about them or guess passwords; a person is their Keycloak account, not
 * a user name; and Keycloak's word reaches a signed-in session within the re-check interval. The
 * tests' people are made through the admin API; tokens come from the code flow, as in a browser.
 * Short intervals are configured so the bounds can be watched: re-check every 3 s, bearer tokens at
 * most 15 s old, sessions at most 40 s long, the realm's keys fetched again every 2 s. Keycloak is
 * reached through a line a test can cut.
 */
class OidcTrustIT {

  static final Duration RECHECK = Duration.ofSeconds(3);
  static final Duration TOKEN_MAX_AGE = Duration.ofSeconds(15);
  static final Duration SESSION_LIFETIME = Duration.ofSeconds(40);
  static final Duration KEYS_REFRESH = Duration.ofSeconds(2);
  static final String PASSWORD = OidcIT.secret();

  static KeycloakServer keycloak;
  static PayaraMicroProcess payara;
  static Api api;
  static String url;
  static String portalSecret = OidcIT.secret();
  static String callback;
  static CompletableFuture<Used> busy;

  @BeforeAll
  static void start() throws Exception {
    Path work = Path.of(System.getProperty("crossroads.it.work"), "oidc-trust");
    int port = PayaraMicroProcess.freePort();
    String syncSecret = OidcIT.secret();
    callback = "http://127.0.0.1:" + port + "/oidc/callback";
    keycloak =
        KeycloakServer.start(
            work,
            Map.of(
                "CROSSROADS_API_SECRET",
                OidcIT.secret(),
                "CROSSROADS_PORTAL_SECRET",
                portalSecret,
                "CROSSROADS_PORTAL_URL",
                "http://127.0.0.1:" + port,
                "CROSSROADS_SYNC_SECRET",
                syncSecret),
            false);
    // HR, there before the first sync, so that someone can start the later ones.
    create("t.people", "/People", "EMPLOYEE", "HR");
    url = TestEnvironment.freshDatabase("oidc_trust");
    api = new Api(URI.create("http://127.0.0.1:" + port + "/"));
    Map<String, String> settings = new HashMap<>();
    settings.put("crossroads.db.url", url);
    settings.put("crossroads.oidc.issuer", keycloak.issuer("crossroads"));
    settings.put("crossroads.oidc.client-secret", portalSecret);
    settings.put("crossroads.oidc.clock-skew", "PT1S");
    settings.put("crossroads.oidc.recheck-interval", RECHECK.toString());
    settings.put("crossroads.oidc.token-max-age", TOKEN_MAX_AGE.toString());
    settings.put("crossroads.session.max-lifetime", SESSION_LIFETIME.toString());
    settings.put("crossroads.oidc.keys-refresh", KEYS_REFRESH.toString());
    settings.put("crossroads.keycloak.url", keycloak.url());
    settings.put("crossroads.keycloak.client-secret", syncSecret);
    settings.put("crossroads.jobs.recovery-interval", "PT3S");
    payara = PayaraMicroProcess.start(work, port, "oidc-trust", settings);
    payara.awaitReady(api, Duration.ofMinutes(5));
    await("the first sync let HR in")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> withToken(token("t.people"), "GET", "api/me", null).status() == 200);
    // Its absolute lifetime is watched while the other tests run, rather than waited for alone.
    create("t.busy", "/Finance", "EMPLOYEE");
    sync();
    busy = useEverySecondUntilItEnds("t.busy");
  }

  @AfterAll
  static void stop() throws Exception {
    if (payara != null) {
      payara.close();
    }
    if (keycloak != null) {
      keycloak.close();
    }
  }

  // --- The realm as it ships ---

  @Test
  void theRealmShipsWithoutUsers() throws Exception {
    List<String> usernames = new ArrayList<>();
    for (JsonObject user : array(keycloak.admin("GET", "/users?max=1000", null).body())) {
      usernames.add(user.getString("username"));
    }
    // Everyone here was made by these tests (t.*), but the sync client's service account.
    assertThat(usernames)
        .filteredOn(u -> !u.startsWith("t.") && !u.startsWith("service-account-"))
        .isEmpty();
    assertThat(usernames).contains("t.people");
  }

  @Test
  void thePasswordGrantIsOffForTheScriptClient() throws Exception {
    HttpResponse<String> refused =
        keycloak.password("crossroads", "crossroads-cli", "t.people", PASSWORD);
    assertThat(refused.statusCode()).as(refused.body()).isIn(400, 401);
    assertThat(refused.body()).contains("unauthorized_client").doesNotContain("access_token");
  }

  @Test
  void peopleCannotChangeWhatCrossroadsReadsAboutThemThroughTheAccountApi() throws Exception {
    String id = create("t.self", "/Finance", "EMPLOYEE");
    String token =
        keycloak
            .codeFlow(
                "account-console",
                null,
                keycloak.issuer("crossroads") + "/account/",
                "t.self",
                PASSWORD)
            .getString("access_token");
    HttpResponse<String> mine = account(token, "GET", null);
    assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
    JsonObject self = Json.createReader(new StringReader(mine.body())).readObject();
    String promoted =
        Json.createObjectBuilder(self)
            .add(
                "attributes",
                Json.createObjectBuilder()
                    .add("level", Json.createArrayBuilder().add("15"))
                    .add("manager", Json.createArrayBuilder().add("t.self"))
                    .add("title", Json.createArrayBuilder().add("Chief Everything"))
                    .add("hiredOn", Json.createArrayBuilder().add("1990-01-01")))
            .build()
            .toString();
    HttpResponse<String> update = account(token, "POST", promoted);
    // Refused outright, or the attributes a user may not edit left out of the update.
    assertThat(update.statusCode()).as(update.body()).isIn(400, 204);

    JsonObject attributes = user(id).getJsonObject("attributes");
    assertThat(first(attributes, "level")).isEqualTo("4");
    assertThat(first(attributes, "manager")).isEqualTo("t.people");
    assertThat(first(attributes, "title")).isEqualTo("Analyst");
    assertThat(first(attributes, "hiredOn")).isEqualTo("2021-03-01");
  }

  @Test
  void repeatedWrongPasswordsLockTheAccountForAWhile() throws Exception {
    String id = create("t.guessed", "/Finance", "EMPLOYEE");
    String authorize =
        keycloak.issuer("crossroads")
            + "/protocol/openid-connect/auth?response_type=code&scope=openid"
            + "&client_id=crossroads-portal&code_challenge_method=S256"
            + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&redirect_uri="
            + java.net.URLEncoder.encode(callback, java.nio.charset.StandardCharsets.UTF_8);
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> wrong = new Browser().signIn(authorize, "t.guessed", "guess-" + i);
      assertThat(wrong.statusCode()).isEqualTo(200);
    }
    // Locked: now even the right password does not get in.
    HttpResponse<String> right = new Browser().signIn(authorize, "t.guessed", PASSWORD);
    assertThat(right.statusCode()).isEqualTo(200);
    assertThat(right.headers().firstValue("Location")).isEmpty();
    JsonObject detected =
        Json.createReader(
                new StringReader(
                    keycloak
                        .admin("GET", "/attack-detection/brute-force/users/" + id, null)
                        .body()))
            .readObject();
    assertThat(detected.getBoolean("disabled")).as(detected.toString()).isTrue();
    // For a while only: the account itself stays enabled.
    assertThat(user(id).getBoolean("enabled")).isTrue();
  }

  // --- A person is their account ---

  @Test
  void aUserNameGivenToANewAccountDoesNotReachThePersonWhoHadIt() throws Exception {
    String before = create("t.reused", "/Finance", "EMPLOYEE");
    sync();
    String first = token("t.reused");
    Api.Reply me = withToken(first, "GET", "api/me", null);
    assertThat(me.status()).isEqualTo(200);
    String earlier = me.string("id");
    Api.Reply kept =
        withToken(
            first,
            "PUT",
            "api/me/interests",
            "{\"targetDivisionIds\":[],\"topics\":[],\"goals\":\"leave Finance quietly\"}");
    assertThat(kept.status()).as(kept.toString()).isEqualTo(200);

    // Gone from Keycloak; someone else gets the same user name.
    assertThat(keycloak.admin("DELETE", "/users/" + before, null).statusCode()).isEqualTo(204);
    String after = create("t.reused", "/Finance", "EMPLOYEE");
    assertThat(after).isNotEqualTo(before);
    String second = token("t.reused");

    assertProblem(withToken(second, "GET", "api/me", null), 403, "not-in-directory");
    assertProblem(withToken(second, "GET", "api/me/interests", null), 403, "not-in-directory");
    assertProblem(
        withToken(
            second,
            "PUT",
            "api/me/interests",
            "{\"targetDivisionIds\":[],\"topics\":[],\"goals\":\"overwritten\"}"),
        403,
        "not-in-directory");
    assertThat(person(earlier)).containsExactly("t.reused", true, before);
    assertThat(goals(earlier)).isEqualTo("leave Finance quietly");

    // The sync tells them apart: the one who had the name leaves, the new account is someone new.
    sync();
    Api.Reply newcomer = withToken(token("t.reused"), "GET", "api/me", null);
    assertThat(newcomer.status()).isEqualTo(200);
    assertThat(newcomer.string("id")).isNotEqualTo(earlier);
    assertThat(linked(after)).containsExactly(newcomer.string("id"), "t.reused");
    Api.Reply theirs = withToken(token("t.reused"), "GET", "api/me/interests", null);
    assertThat(theirs.status()).isEqualTo(200);
    assertThat(theirs.toString()).doesNotContain("leave Finance quietly");
    assertThat(person(earlier)).containsExactly("t.reused~" + earlier, false, before);
    assertThat(goals(earlier)).isEqualTo("leave Finance quietly");
  }

  // --- Keycloak's word reaches sessions and tokens in bounded time ---

  @Test
  void someoneDisabledInKeycloakLosesTheirSessionAndTokensWithinTheBounds() throws Exception {
    String id = create("t.disabled", "/Finance", "EMPLOYEE");
    sync();
    Browser browser = new Browser();
    browser.signInToPortal(api.base(), "t.disabled", PASSWORD);
    assertThat(browser.get(api.base().resolve("api/me").toString()).statusCode()).isEqualTo(200);
    String token = token("t.disabled");
    assertThat(withToken(token, "GET", "api/me", null).status()).isEqualTo(200);

    Instant disabled = Instant.now();
    JsonObject user = user(id);
    HttpResponse<String> updated =
        keycloak.admin(
            "PUT",
            "/users/" + id,
            Json.createObjectBuilder(user).add("enabled", false).build().toString());
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);

    Api.Reply ended =
        await("the session ended")
            .atMost(RECHECK.plusSeconds(10))
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> new Api.Reply(browser.get(api.base().resolve("api/me").toString())),
                reply -> reply.status() != 200);
    assertProblem(ended, 401, "unauthenticated");
    // Still active in the directory: no sync was needed.
    assertThat(activeInDirectory("t.disabled")).isTrue();

    Api.Reply refused =
        await("the token expired")
            .atMost(TOKEN_MAX_AGE.plusSeconds(10))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> withToken(token, "GET", "api/me", null), reply -> reply.status() != 200);
    assertProblem(refused, 401, "unauthenticated");
    assertThat(Duration.between(disabled, Instant.now())).isLessThan(TOKEN_MAX_AGE.plusSeconds(10));
    // And no new token for them.
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> token("t.disabled")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRoleRemovedInKeycloakIsGoneFromTheSessionWithinTheRecheckInterval() throws Exception {
    String id = create("t.hr", "/People", "EMPLOYEE", "HR");
    sync();
    Browser browser = new Browser();
    browser.signInToPortal(api.base(), "t.hr", PASSWORD);
    assertThat(browser.get(api.base().resolve("api/cohorts").toString()).statusCode())
        .isEqualTo(200);

    JsonObject hr =
        Json.createReader(new StringReader(keycloak.admin("GET", "/roles/HR", null).body()))
            .readObject();
    HttpResponse<String> removed =
        keycloak.admin(
            "DELETE",
            "/users/" + id + "/role-mappings/realm",
            Json.createArrayBuilder().add(hr).build().toString());
    assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);

    Api.Reply refused =
        await("the role is gone")
            .atMost(RECHECK.plusSeconds(10))
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> new Api.Reply(browser.get(api.base().resolve("api/cohorts").toString())),
                reply -> reply.status() != 200);
    assertProblem(refused, 403, "forbidden");
    Api.Reply me = new Api.Reply(browser.get(api.base().resolve("api/me").toString()));
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().getJsonArray("roles").getValuesAs(JsonString::getString))
        .containsExactly("EMPLOYEE");
  }

  @Test
  void aSessionEndsAfterItsAbsoluteLifetimeHoweverBusy() throws Exception {
    Used used = busy.get(SESSION_LIFETIME.plusSeconds(60).toSeconds(), TimeUnit.SECONDS);
    assertThat(used.answers()).as("the session was used every second until it ended").contains(200);
    assertProblem(used.ended(), 401, "unauthenticated");
    assertThat(used.lasted())
        .isBetween(SESSION_LIFETIME.minusSeconds(1), SESSION_LIFETIME.plusSeconds(10));
  }

  /** A portal session used every second until it ends, while the other tests run. */
  record Used(List<Integer> answers, Api.Reply ended, Duration lasted) {}

  private static CompletableFuture<Used> useEverySecondUntilItEnds(String username) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            Browser browser = new Browser();
            Instant signedIn = Instant.now();
            browser.signInToPortal(api.base(), username, PASSWORD);
            List<Integer> answers = new ArrayList<>();
            Api.Reply ended =
                await("the session ended")
                    .atMost(SESSION_LIFETIME.plusSeconds(20))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(
                        () -> new Api.Reply(browser.get(api.base().resolve("api/me").toString())),
                        reply -> {
                          // Keycloak away (another test) pauses a session with 503, not ends it.
                          boolean goesOn = reply.status() == 200 || reply.status() == 503;
                          if (goesOn) {
                            answers.add(reply.status());
                          }
                          return !goesOn;
                        });
            return new Used(answers, ended, Duration.between(signedIn, Instant.now()));
          } catch (Exception e) {
            throw new java.util.concurrent.CompletionException(e);
          }
        },
        // Its own thread: the common pool, which other tests' races use, is not blocked.
        java.util.concurrent.Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "busy-session");
              thread.setDaemon(true);
              return thread;
            }));
  }

  // --- Keycloak away ---

  @Test
  void whileKeycloakIsAwayIssuedTokensHoldUntilTheyExpireAndSigningInSaysItIsUnavailable()
      throws Exception {
    create("t.away", "/Finance", "EMPLOYEE");
    sync();
    Browser portal = new Browser();
    portal.signInToPortal(api.base(), "t.away", PASSWORD);
    Instant signedIn = Instant.now();
    String token = token("t.away");
    assertThat(withToken(token, "GET", "api/me", null).status()).isEqualTo(200);
    // A sign-in begun while Keycloak was there, to come back after it went.
    Browser midway = new Browser();
    String authorize =
        midway
            .get(api.base().resolve("oidc/login").toString())
            .headers()
            .firstValue("Location")
            .orElseThrow();
    java.util.regex.Matcher state =
        java.util.regex.Pattern.compile("[?&]state=([^&]+)").matcher(authorize);
    assertThat(state.find()).isTrue();

    keycloak.line().cut();
    try {
      // Signing in says why it cannot, on the portal's own page: nobody is sent to a dead address.
      HttpResponse<String> start = new Browser().get(api.base().resolve("oidc/login").toString());
      assertThat(start.statusCode()).isEqualTo(302);
      assertThat(start.headers().firstValue("Location"))
          .hasValueSatisfying(l -> assertThat(l).endsWith("/login.html?unavailable"));
      HttpResponse<String> back =
          midway.get(
              api.base()
                  .resolve("oidc/callback?code=granted-before&state=" + state.group(1))
                  .toString());
      assertThat(back.statusCode()).isEqualTo(302);
      assertThat(back.headers().firstValue("Location"))
          .hasValueSatisfying(l -> assertThat(l).endsWith("/login.html?unavailable"));
      HttpResponse<String> page =
          new Browser().get(api.base().resolve("login.html?unavailable").toString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .contains("id=\"unavailable\"", "cannot be reached", "href=\"oidc/login\"");

      // The token keeps working after the realm's keys were due to be fetched again, twice over.
      await("the token accepted while Keycloak is away")
          .during(KEYS_REFRESH.multipliedBy(2))
          .atMost(KEYS_REFRESH.multipliedBy(4))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> withToken(token, "GET", "api/me", null).status() == 200);
      // The session, past its re-check, goes on as long as its last token would.
      assertThat(Duration.between(signedIn, Instant.now())).isGreaterThan(RECHECK);
      assertThat(portal.get(api.base().resolve("api/me").toString()).statusCode()).isEqualTo(200);

      Api.Reply paused =
          await("the session's token expired")
              .atMost(TOKEN_MAX_AGE.plusSeconds(10))
              .pollInterval(Duration.ofMillis(250))
              .until(
                  () -> new Api.Reply(portal.get(api.base().resolve("api/me").toString())),
                  reply -> reply.status() != 200);
      assertThat(Duration.between(signedIn, Instant.now()))
          .isGreaterThan(TOKEN_MAX_AGE.minusSeconds(2));
      assertProblem(paused, 503, "identity-provider-unavailable");
      assertThat(paused.header("Retry-After"))
          .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
      // The bearer token ends as it would have anyway: expired, not unavailable.
      Api.Reply expired =
          await("the token expired")
              .atMost(Duration.ofSeconds(10))
              .pollInterval(Duration.ofMillis(250))
              .until(() -> withToken(token, "GET", "api/me", null), r -> r.status() != 200);
      assertProblem(expired, 401, "unauthenticated");
    } finally {
      keycloak.line().restore();
    }
    // Keycloak back: the session kept goes on.
    await("the session back")
        .atMost(RECHECK.plusSeconds(10))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> portal.get(api.base().resolve("api/me").toString()).statusCode() == 200);
  }

  // --- helpers ---

  /** A Keycloak user as an admin makes one, with the attributes the sync reads; its id. */
  static String create(String username, String group, String... roles) throws Exception {
    jakarta.json.JsonObjectBuilder attributes =
        Json.createObjectBuilder()
            .add("level", Json.createArrayBuilder().add("4"))
            .add("timeZone", Json.createArrayBuilder().add("Europe/Berlin"))
            .add("title", Json.createArrayBuilder().add("Analyst"))
            .add("hiredOn", Json.createArrayBuilder().add("2021-03-01"));
    if (!username.equals("t.people")) {
      attributes.add("manager", Json.createArrayBuilder().add("t.people"));
    }
    JsonObject user =
        Json.createObjectBuilder()
            .add("username", username)
            .add("enabled", true)
            .add("email", username + "@crossroads.example")
            .add("emailVerified", true)
            .add("firstName", "Test")
            .add("lastName", username.substring(2))
            .add("attributes", attributes)
            .add("groups", Json.createArrayBuilder().add(group))
            .add("realmRoles", Json.createArrayBuilder(List.of(roles)))
            .build();
    HttpResponse<String> imported =
        keycloak.admin(
            "POST",
            "/partialImport",
            Json.createObjectBuilder()
                .add("ifResourceExists", "FAIL")
                .add("users", Json.createArrayBuilder().add(user))
                .build()
                .toString());
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    String id =
        array(keycloak.admin("GET", "/users?exact=true&username=" + username, null).body())
            .get(0)
            .getString("id");
    HttpResponse<String> password =
        keycloak.admin(
            "PUT",
            "/users/" + id + "/reset-password",
            Json.createObjectBuilder()
                .add("type", "password")
                .add("value", PASSWORD)
                .add("temporary", false)
                .build()
                .toString());
    assertThat(password.statusCode()).as(password.body()).isEqualTo(204);
    // An import grants only the roles listed; an admin's new user also has the realm's defaults
    // (among them managing one's own account).
    HttpResponse<String> defaults =
        keycloak.admin(
            "POST",
            "/users/" + id + "/role-mappings/realm",
            Json.createArrayBuilder()
                .add(
                    Json.createReader(
                            new StringReader(
                                keycloak
                                    .admin("GET", "/roles/default-roles-crossroads", null)
                                    .body()))
                        .readObject())
                .build()
                .toString());
    assertThat(defaults.statusCode()).as(defaults.body()).isEqualTo(204);
    return id;
  }

  static JsonObject user(String id) throws Exception {
    return Json.createReader(new StringReader(keycloak.admin("GET", "/users/" + id, null).body()))
        .readObject();
  }

  static String first(JsonObject attributes, String name) {
    return attributes.getJsonArray(name).getString(0);
  }

  static List<JsonObject> array(String json) {
    JsonArray array = Json.createReader(new StringReader(json)).readArray();
    return array.getValuesAs(JsonObject.class);
  }

  /** A fresh access token for the API, by the portal's code flow. */
  static String token(String username) throws Exception {
    return keycloak
        .codeFlow("crossroads-portal", portalSecret, callback, username, PASSWORD)
        .getString("access_token");
  }

  static Api.Reply withToken(String token, String method, String path, String json) {
    return api.send(
        null, method, path, json, "application/json", Map.of("Authorization", "Bearer " + token));
  }

  static HttpResponse<String> account(String token, String method, String json) throws Exception {
    return KeycloakServer.HTTP.send(
        HttpRequest.newBuilder(URI.create(keycloak.issuer("crossroads") + "/account/"))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonObject sync() throws Exception {
    Api.Reply accepted = withToken(token("t.people"), "POST", "api/directory/sync", null);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    JsonObject done =
        await("the sync finished")
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () ->
                    withToken(
                            token("t.people"), "GET", "api/jobs/" + accepted.string("jobId"), null)
                        .json(),
                job -> !List.of("QUEUED", "RUNNING").contains(job.getString("status")));
    assertThat(done.getString("status")).as(done.toString()).isEqualTo("DONE");
    return done;
  }

  /** A person's user name, whether active, and the account they are linked to. */
  static List<Object> person(String id) throws Exception {
    try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
        PreparedStatement select =
            db.prepareStatement(
                "select username, active, oidc_subject from person where id = cast(? as uuid)")) {
      select.setString(1, id);
      try (ResultSet r = select.executeQuery()) {
        assertThat(r.next()).isTrue();
        List<Object> row = new ArrayList<>();
        row.add(r.getString(1));
        row.add(r.getBoolean(2));
        row.add(r.getString(3));
        return row;
      }
    }
  }

  static boolean activeInDirectory(String username) throws Exception {
    try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
        PreparedStatement select =
            db.prepareStatement("select active from person where username = ?")) {
      select.setString(1, username);
      try (ResultSet r = select.executeQuery()) {
        return r.next() && r.getBoolean(1);
      }
    }
  }

  static String goals(String personId) throws Exception {
    try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
        PreparedStatement select =
            db.prepareStatement("select goals from interest where person_id = cast(? as uuid)")) {
      select.setString(1, personId);
      try (ResultSet r = select.executeQuery()) {
        assertThat(r.next()).as("interests of " + personId).isTrue();
        return r.getString(1);
      }
    }
  }

  /** The active person linked to a Keycloak account, if any: their id and user name. */
  static List<String> linked(String subject) throws Exception {
    try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
        PreparedStatement select =
            db.prepareStatement(
                "select id, username from person where oidc_subject = ? and active")) {
      select.setString(1, subject);
      try (ResultSet r = select.executeQuery()) {
        return r.next() ? List.of(r.getString(1), r.getString(2)) : List.of();
      }
    }
  }
}
