package io.crossroads.it;

import static io.crossroads.it.Api.json;
import static io.crossroads.it.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signing in as an attacker would try it: guessing passwords through HTTP Basic and the sign-in
 * form, telling real user names from their answer times, riding a browser's credentials with a
 * cross-site form, and reading the session cookie off a connection that left HTTPS at the proxy. On
 * a PostgreSQL database of its own, with small sign-in limits and the test's own address as the
 * trusted proxy, so each attack can speak for a client address of its own through {@code
 * X-Forwarded-For}.
 */
class SignInIT {

  static final String DATABASE = "sign_in";
  static final int PER_ACCOUNT = 5;
  static final int PER_ADDRESS = 10;
  static final Duration WINDOW = Duration.ofSeconds(20);

  static PayaraMicroProcess payara;
  static Api api;
  static String url;
  static HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** Active people of the demo, the contract's well-known five left to the other tests. */
  static final List<String> people = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    url = TestEnvironment.freshDatabase(DATABASE);
    int port = PayaraMicroProcess.freePort();
    api = new Api(URI.create("http://127.0.0.1:" + port + "/"));
    Map<String, String> settings = new HashMap<>();
    settings.put("crossroads.db.url", url);
    settings.put("crossroads.demo.enabled", "true");
    settings.put("crossroads.demo.size", "60");
    settings.put("crossroads.http.trusted-proxies", "127.0.0.1");
    settings.put("crossroads.rate.sign-in.per-account", Integer.toString(PER_ACCOUNT));
    settings.put("crossroads.rate.sign-in.per-address", Integer.toString(PER_ADDRESS));
    settings.put("crossroads.rate.sign-in.window", WINDOW.toString());
    payara =
        PayaraMicroProcess.start(
            Path.of(System.getProperty("crossroads.it.work"), "sign-in"),
            port,
            "sign-in",
            settings);
    payara.awaitReady(api, Duration.ofMinutes(5));
    try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
        Statement s = db.createStatement();
        ResultSet r =
            s.executeQuery(
                "select p.username from person p join credential c on c.person_id = p.id"
                    + " where p.active and p.username not in ('ava', 'ben', 'leo', 'mia', 'hana')"
                    + " order by p.username")) {
      while (r.next()) {
        people.add(r.getString(1));
      }
    }
    assertThat(people).hasSizeGreaterThanOrEqualTo(30);
  }

  @AfterAll
  static void stop() throws Exception {
    if (payara != null) {
      payara.close();
    }
  }

  // --- Password guessing -------------------------------------------------------------------------

  @Test
  void guessingOnePersonsPasswordStopsAfterTheLimitForEveryoneUntilTheWindowEnds() {
    String victim = people.get(0);
    String attacker = "10.1.0.1";
    awaitFreshWindow();
    // Basic and the form share one count.
    for (int i = 0; i < PER_ACCOUNT; i++) {
      if (i % 2 == 0) {
        assertProblem(basic(victim, "guess-" + i, attacker), 401, "unauthenticated");
      } else {
        HttpResponse<String> failed = form(victim, "guess-" + i, attacker, false);
        assertThat(failed.statusCode()).isEqualTo(302);
        assertThat(failed.headers().firstValue("Location"))
            .hasValueSatisfying(location -> assertThat(location).endsWith("login.html?failed"));
      }
    }

    Api.Reply guess = basic(victim, "guess-" + PER_ACCOUNT, attacker);
    assertThrottled(guess);
    assertThrottled(basic(victim, Api.PASSWORD, attacker));
    assertThat(basic(victim, Api.PASSWORD, "10.1.0.2").status())
        .as("the right password from anywhere else: the name is what is guarded")
        .isEqualTo(429);
    HttpResponse<String> byForm = form(victim, Api.PASSWORD, "10.1.0.3", false);
    assertThat(byForm.statusCode()).isEqualTo(429);
    assertThat(byForm.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(byForm.headers().firstValue("Retry-After")).isPresent();
    assertThat(byForm.headers().allValues("Set-Cookie")).as("no session").isEmpty();

    assertThat(basic(people.get(1), Api.PASSWORD, attacker).status())
        .as("another person, even from the attacker's address")
        .isEqualTo(200);

    // The lock lasts until the window ends, no longer; the password never changed.
    long retryAfter = Long.parseLong(guess.header("Retry-After").orElseThrow());
    await("the window ends")
        .atMost(Duration.ofSeconds(retryAfter + 10))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> basic(victim, Api.PASSWORD, "10.1.0.4").status() == 200);
  }

  @Test
  void oneAddressTryingManyNamesStopsAfterTheLimitWhileOtherAddressesSignIn() {
    String attacker = "10.2.0.1";
    awaitFreshWindow();
    for (int i = 0; i < PER_ADDRESS; i++) {
      // One guess per name: only the address's count can stop this.
      assertProblem(basic("nobody-" + i, "guess", attacker), 401, "unauthenticated");
    }
    assertThrottled(basic("nobody-x", "guess", attacker));
    assertThrottled(basic(people.get(2), Api.PASSWORD, attacker));

    assertThat(basic(people.get(2), Api.PASSWORD, "10.2.0.2").status())
        .as("the same person from another address")
        .isEqualTo(200);
    assertThat(basic("nobody-0", "guess", "10.2.0.3").status())
        .as("another address is counted on its own")
        .isEqualTo(401);
  }

  @Test
  void anUnknownUserNameTakesAsLongAsAWrongPassword() {
    int tries = 20;
    List<Long> wrong = new ArrayList<>();
    List<Long> unknown = new ArrayList<>();
    // Warm-up, then the two kinds interleaved so that whatever else the machine does hits both.
    for (int i = 0; i < tries + 3; i++) {
      String known = people.get(5 + i);
      String client = Integer.toString(i);
      long w = timed(() -> basic(known, "not-the-password", "10.3.1." + client));
      long u = timed(() -> basic("nobody-" + known, "not-the-password", "10.3.2." + client));
      if (i >= 3) {
        wrong.add(w);
        unknown.add(u);
      }
    }
    double ratio = (double) median(unknown) / median(wrong);
    System.out.printf(
        "sign-in timing: median wrong password %.1f ms, unknown user %.1f ms, ratio %.2f%n",
        median(wrong) / 1e6, median(unknown) / 1e6, ratio);
    assertThat(ratio).as("unknown user / wrong password, medians").isBetween(0.5, 2.0);
  }

  // --- Cross-site requests -----------------------------------------------------------------------

  @Test
  void aCrossSiteFormRidingBasicCredentialsChangesNothing() throws SQLException {
    String leo = api.get("leo", "api/me").string("id");
    Slots open = new Slots(api, "ava", leo, Instant.now().plus(Duration.ofDays(2)));
    List<String> slots =
        List.of(open.next().toString(), open.next().toString(), open.next().toString());
    Api.Reply sent =
        api.post(
            "ava",
            "api/requests",
            json(
                "leaderId",
                leo,
                "length",
                20,
                "format",
                "VIDEO",
                "intro",
                "I am Ava, an analyst in Finance.",
                "learn",
                "How a platform team decides what to build next",
                "whyYou",
                "Your talk on internal platforms",
                "proposedSlots",
                slots));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    String request = "api/requests/" + sent.string("id");
    String before = api.get("ava", request).body();
    long jobs = count("select count(*) from directory_job");
    long rounds = count("select count(*) from cohort_round");

    for (String type :
        List.of(
            "application/x-www-form-urlencoded",
            "text/plain",
            "text/plain;charset=UTF-8",
            "multipart/form-data; boundary=x")) {
      Map<String, String> forged = Map.of("User-Agent", "Mozilla/5.0");
      assertProblem(
          api.send("leo", "POST", request + "/accept", "start=" + slots.get(0), type, forged),
          415,
          "unsupported-media-type");
      assertProblem(
          api.send("ava", "POST", request + "/withdraw", "reason=x", type, forged),
          415,
          "unsupported-media-type");
      assertProblem(
          api.send("leo", "POST", request + "/decline", "", type, forged),
          415,
          "unsupported-media-type");
      assertProblem(
          api.send("hana", "POST", "api/directory/sync", "", type, forged),
          415,
          "unsupported-media-type");
      assertProblem(
          api.send("hana", "POST", "api/cohorts", "{\"name\":\"x\"}", type, forged),
          415,
          "unsupported-media-type");
      assertProblem(
          api.send("ava", "PUT", "api/me/interests", "{}", type, forged),
          415,
          "unsupported-media-type");
    }

    assertThat(api.get("ava", request).body()).as("the request").isEqualTo(before);
    assertThat(count("select count(*) from directory_job")).as("directory jobs").isEqualTo(jobs);
    assertThat(count("select count(*) from cohort_round")).as("cohort rounds").isEqualTo(rounds);

    // The same calls as the API takes them still work: no body, or JSON.
    assertProblem(
        api.send("hana", "POST", "api/directory/sync", null, null, Map.of()),
        409,
        "sync-not-configured");
    Api.Reply withdrawn = api.post("ava", request + "/withdraw", "{}");
    assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
    assertThat(withdrawn.string("status")).isEqualTo("WITHDRAWN");
  }

  @Test
  void aBrowserIsNeverChallengedForBasicCredentialsWhileScriptsAre() {
    for (Map<String, String> browser :
        List.of(
            Map.of("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/128.0"),
            Map.of("Sec-Fetch-Mode", "navigate", "Sec-Fetch-Site", "cross-site"),
            Map.of("Accept", "text/html,application/xhtml+xml"),
            Map.of("X-Requested-With", "fetch"))) {
      Api.Reply anonymous = api.send(null, "GET", "api/me", null, null, browser);
      assertProblem(anonymous, 401, "unauthenticated");
      assertThat(anonymous.header("WWW-Authenticate")).as(browser.toString()).isEmpty();
      Map<String, String> wrong = new HashMap<>(browser);
      wrong.put("Authorization", Api.basic(people.get(4), "not-demo"));
      wrong.put("X-Forwarded-For", "10.5.0.1");
      Api.Reply refused = api.send(null, "GET", "api/me", null, null, wrong);
      assertProblem(refused, 401, "unauthenticated");
      assertThat(refused.header("WWW-Authenticate")).as(browser.toString()).isEmpty();
    }

    Map<String, String> curl = Map.of("User-Agent", "curl/8.5.0", "Accept", "*/*");
    Api.Reply challenge = api.send(null, "GET", "api/me", null, null, curl);
    assertProblem(challenge, 401, "unauthenticated");
    assertThat(challenge.header("WWW-Authenticate")).hasValue("Basic realm=\"Crossroads\"");
    Map<String, String> curlWithUser = new HashMap<>(curl);
    curlWithUser.put("Authorization", Api.basic("ava", Api.PASSWORD));
    Api.Reply me = api.send(null, "GET", "api/me", null, null, curlWithUser);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.string("username")).isEqualTo("ava");
  }

  // --- The session cookie
  // -------------------------------------------------------------------------

  @Test
  void theSessionCookieIsSecureWhenTheTrustedProxySaysTheClientUsedHttps() {
    HttpResponse<String> overHttps = form("mia", Api.PASSWORD, "10.6.0.1", true);
    assertThat(overHttps.statusCode()).isEqualTo(303);
    assertThat(sessionCookie(overHttps))
        .contains("HttpOnly")
        .satisfies(cookie -> assertThat(attributes(cookie)).contains("secure"));
    assertThat(overHttps.headers().firstValue("Strict-Transport-Security")).isPresent();

    HttpResponse<String> plain = form("mia", Api.PASSWORD, "10.6.0.2", false);
    assertThat(plain.statusCode()).isEqualTo(303);
    assertThat(attributes(sessionCookie(plain)))
        .as("plain HTTP from the proxy: a cookie over HTTPS only would never come back")
        .doesNotContain("secure");
  }

  @Test
  void forwardedHeadersFromAnAddressThatIsNotATrustedProxyAreNotBelieved() {
    Optional<InetAddress> own = nonLoopbackAddress();
    Assumptions.assumeTrue(own.isPresent(), "this machine has no address but loopback");
    String viaLan = api.base().toString().replace("127.0.0.1", own.get().getHostAddress());
    HttpResponse<String> spoofed =
        send(
            HttpRequest.newBuilder(URI.create(viaLan + "login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-Proto", "https")
                .POST(HttpRequest.BodyPublishers.ofString("username=mia&password=demo"))
                .build());
    assertThat(spoofed.statusCode()).isEqualTo(303);
    assertThat(attributes(sessionCookie(spoofed))).doesNotContain("secure");
    assertThat(spoofed.headers().firstValue("Strict-Transport-Security")).isEmpty();

    awaitFreshWindow();
    // Each guess claims another client address; untrusted, they all count for the real one.
    for (int i = 0; i < PER_ADDRESS; i++) {
      assertProblem(
          api.send(
              null,
              "GET",
              viaLan + "api/me",
              null,
              null,
              Map.of(
                  "Authorization",
                  Api.basic("lan-nobody-" + i, "guess"),
                  "X-Forwarded-For",
                  "10.4.0." + i)),
          401,
          "unauthenticated");
    }
    assertThrottled(
        api.send(
            null,
            "GET",
            viaLan + "api/me",
            null,
            null,
            Map.of(
                "Authorization",
                Api.basic(people.get(3), Api.PASSWORD),
                "X-Forwarded-For",
                "10.4.0.99")));
  }

  // --- helpers -----------------------------------------------------------------------------------

  static Api.Reply basic(String user, String password, String clientAddress) {
    return api.send(
        null,
        "GET",
        "api/me",
        null,
        null,
        Map.of(
            "Authorization",
            Api.basic(user, password),
            "X-Forwarded-For",
            clientAddress,
            "User-Agent",
            "curl/8.5.0"));
  }

  static HttpResponse<String> form(
      String user, String password, String clientAddress, boolean https) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(api.base().resolve("login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Forwarded-For", clientAddress)
            .POST(
                HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password));
    if (https) {
      request.header("X-Forwarded-Proto", "https");
    }
    return send(request.build());
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void assertThrottled(Api.Reply reply) {
    assertProblem(reply, 429, "rate-limited");
    assertThat(reply.header("Retry-After"))
        .hasValueSatisfying(
            seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, WINDOW.toSeconds()));
    assertThat(reply.json().getString("detail")).doesNotContain("Exception");
  }

  /** Waits for a window with time enough left for a whole attack, so none spans two windows. */
  static void awaitFreshWindow() {
    await("a fresh sign-in window")
        .atMost(WINDOW)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> System.currentTimeMillis() % WINDOW.toMillis() < WINDOW.toMillis() / 3);
  }

  static String sessionCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith("JSESSIONID="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie: " + response.headers()));
  }

  static List<String> attributes(String cookie) {
    return java.util.Arrays.stream(cookie.split(";"))
        .skip(1)
        .map(attribute -> attribute.trim().toLowerCase(java.util.Locale.ROOT))
        .toList();
  }

  static long timed(Runnable call) {
    long start = System.nanoTime();
    call.run();
    return System.nanoTime() - start;
  }

  static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  static long count(String sql) throws SQLException {
    try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
        Statement s = db.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  /** An address of this machine other than loopback, which is not the trusted proxy. */
  static Optional<InetAddress> nonLoopbackAddress() {
    try {
      return NetworkInterface.networkInterfaces()
          .filter(
              nic -> {
                try {
                  return nic.isUp() && !nic.isLoopback();
                } catch (java.net.SocketException e) {
                  return false;
                }
              })
          .flatMap(NetworkInterface::inetAddresses)
          .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
          .findFirst();
    } catch (java.net.SocketException e) {
      return Optional.empty();
    }
  }
}
