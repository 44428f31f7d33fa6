package io.crossroads.it;

import static io.crossroads.it.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Attacks on the running WAR with bad and oversized input, each shown to be refused with the right
 * problem, promptly, and with nothing changed. A second instance, deployed at the root context as
 * in production, runs in OIDC mode with operations restricted and its database behind a line that
 * can be cut; its issuer's published keys are the test's own, so the test signs its tokens.
 */
@ExtendWith(ArquillianExtension.class)
class AbuseIT {

  private static final long MIB = 1024 * 1024;

  @ArquillianResource URL base;
  Api api;

  static PayaraMicroProcess rooted;
  static TcpRelay databaseLine;
  static Api root;

  /** The root instance's database, reached directly rather than through the line. */
  static String rootDatabase;

  /** The root instance's identity provider: the realm's published keys, and nothing else. */
  static HttpServer issuer;

  static String issuerUrl;
  static RSAKey signingKey;

  @BeforeAll
  static void startRootInstance() throws Exception {
    Path work = Path.of(System.getProperty("crossroads.it.work"), "abuse");
    int port = PayaraMicroProcess.freePort();
    rootDatabase = TestEnvironment.freshDatabase("abuse");
    URI jdbc = URI.create(rootDatabase.substring("jdbc:".length()));
    databaseLine = TcpRelay.to(jdbc.getPort());
    root = new Api(URI.create("http://127.0.0.1:" + port + "/"));
    signingKey = new RSAKeyGenerator(2048).keyID("abuse").generate();
    byte[] keys = new JWKSet(signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    issuer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    issuer.createContext(
        "/realms/crossroads/protocol/openid-connect/certs",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, keys.length);
          exchange.getResponseBody().write(keys);
          exchange.close();
        });
    issuer.start();
    issuerUrl = "http://127.0.0.1:" + issuer.getAddress().getPort() + "/realms/crossroads";
    Map<String, String> settings = new HashMap<>();
    settings.put(
        "crossroads.db.url",
        rootDatabase.replaceFirst(":" + jdbc.getPort() + "/", ":" + databaseLine.port() + "/"));
    settings.put("crossroads.oidc.issuer", issuerUrl);
    settings.put("crossroads.operations.allowed-clients", "192.0.2.0/24, 2001:db8::/32");
    // The clients under load send and withdraw requests without end.
    settings.put("crossroads.program.max-requests-per-month", "60");
    settings.put("crossroads.rate.requests.limit", "1000");
    settings.put("crossroads.rate.mail.limit", "1000");
    // Background work that meets the database away: the outbox worker (every 5 s) and a job.
    settings.put("crossroads.mail.host", "127.0.0.1");
    settings.put("crossroads.mail.port", System.getProperty(TestEnvironment.SMTP_PORT_PROPERTY));
    settings.put("crossroads.mail.from", "crossroads@crossroads.example");
    settings.put("crossroads.jobs.expiry-interval", "PT2S");
    rooted = PayaraMicroProcess.start(work, port, "abuse", settings);
    rooted.awaitReady(root, Duration.ofMinutes(5));
  }

  @AfterAll
  static void stopRootInstance() throws Exception {
    if (rooted != null) {
      rooted.close();
    }
    if (databaseLine != null) {
      databaseLine.close();
    }
    if (issuer != null) {
      issuer.stop(0);
    }
  }

  @BeforeEach
  void connect() {
    api = new Api(base);
  }

  // --- bodies that never end ------------------------------------------------------------------

  @Test
  void anUnknownPropertyLeftOpenIsRefusedAtOnceAndTheProcessReturnsToIdle() throws Exception {
    String before = api.get("ava", "api/me/interests").body();
    List<String> bodies =
        List.of("{\"zzz\":{", "{\"zzz\":[", "{\"a\":[", "[", "{", "{\"topics\":[\"x\"");
    for (int round = 0; round < 3; round++) {
      for (String body : bodies) {
        long started = System.nanoTime();
        Api.Reply reply = timed("ava", "PUT", "api/me/interests", body, Duration.ofSeconds(5));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertProblem(reply, 400, "malformed-request");
        assertThat(millis).as("answered in ms: " + body).isLessThan(2000);
      }
    }
    assertThat(api.get("ava", "api/me/interests").body()).isEqualTo(before);
    assertThat(timed("ava", "GET", "api/me", null, Duration.ofSeconds(2)).status()).isEqualTo(200);
    awaitIdle();
  }

  @Test
  void everyOperationThatTakesABodyRefusesAnUnfinishedOneWithinASecond() throws Exception {
    List<String[]> operations = operationsWithJsonBodies();
    assertThat(operations).hasSizeGreaterThan(20);
    long slowest = 0;
    for (String[] operation : operations) {
      String path = operation[1].substring(1).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
      Api.Reply refused = null;
      for (String user : List.of("ava", "leo", "hana")) {
        long started = System.nanoTime();
        Api.Reply reply = timed(user, operation[0], path, "{\"zzz\":{", Duration.ofSeconds(5));
        slowest = Math.max(slowest, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        if (reply.status() != 403) {
          refused = reply;
          break;
        }
      }
      assertThat(refused)
          .as(operation[0] + " " + operation[1] + " is open to some role")
          .isNotNull();
      assertProblem(refused, 400, "malformed-request");
    }
    assertThat(slowest).as("slowest answer in ms").isLessThan(1000);
    awaitIdle();
  }

  /**
   * The listener waits for a silent body as long as its transport's read timeout (preboot file).
   */
  @Test
  void aBodyThatStopsArrivingIsTheClientsTimeoutAndChangesNothing() throws Exception {
    String interests = api.get("ava", "api/me/interests").body();
    byte[] start = "{\"topics\":[\"architecture\",".getBytes(StandardCharsets.UTF_8);
    RawHttp.Answer stalled =
        RawHttp.stall(
            api.base(),
            "PUT " + api.base().getPath() + "api/me/interests HTTP/1.1",
            Map.of(
                "Authorization", Api.basic("ava", Api.PASSWORD),
                "Content-Type", "application/json",
                "Content-Length", "200"),
            start);
    assertRawProblem(stalled, 408, "request-timeout");
    assertThat(stalled.body()).contains("after " + start.length + " bytes");
    assertThat(api.get("ava", "api/me/interests").body()).isEqualTo(interests);
  }

  @Test
  void deepNestingIsMalformedInputNotAFailure() {
    for (String body :
        List.of("[".repeat(100_000), "{\"a\":".repeat(50_000), "[".repeat(33) + "]".repeat(33))) {
      Api.Reply reply = timed("ava", "PUT", "api/me/interests", body, Duration.ofSeconds(5));
      assertProblem(reply, 400, "malformed-request");
      assertThat(reply.body()).doesNotContain("Exception", "Overflow");
    }
  }

  // --- what the container refuses before the application ---------------------------------------

  /** Paths the servlet container cannot map, each written into the request line as it stands. */
  static final List<String> UNREADABLE_PATHS =
      List.of(
          "api/people/a%5Cb",
          "api/people/a\\b",
          "api/people/a%00b",
          "api/people/a\u0000b",
          "api/people/a%2Fb",
          "api/people/a%zzb",
          "api/people/a%5",
          "api/../../../etc/passwd",
          "api/%2e%2e/%2e%2e/%2e%2e/x");

  @Test
  void aPathWithABackslashANulAnEncodedSlashOrABadEscapeIsAProblemInEveryDeployment()
      throws Exception {
    for (URI base : List.of(api.base(), root.base())) {
      for (String path : UNREADABLE_PATHS) {
        for (String method : List.of("GET", "PUT", "POST")) {
          RawHttp.Answer answer =
              RawHttp.send(
                  base,
                  method + " " + base.getPath() + path + "?q=1 HTTP/1.1",
                  Map.of(
                      "Authorization",
                      Api.basic("ava", Api.PASSWORD),
                      "Content-Type",
                      "application/json",
                      "Content-Length",
                      "0"));
          assertRawProblem(answer, 400, "unreadable-path");
          // What could not be read is not repeated back.
          assertThat(answer.body()).doesNotContain("people", "passwd", "etc");
        }
      }
      // An ordinary path beside them reaches the application (no such person; in OIDC mode no
      // password sign-in either).
      RawHttp.Answer ordinary =
          RawHttp.send(
              base,
              "GET " + base.getPath() + "api/people/a%20b HTTP/1.1",
              Map.of("Authorization", Api.basic("ava", Api.PASSWORD)));
      assertRawProblem(
          ordinary,
          base.equals(root.base()) ? 401 : 404,
          base.equals(root.base()) ? "unauthenticated" : "not-found");
    }
  }

  @Test
  void overHttp2AnUnreadablePathAndAGetWithABodyAreProblemsToo() throws Exception {
    HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    // The first request upgrades the connection; the others travel as HTTP/2 streams.
    HttpResponse<String> first =
        http2.send(
            HttpRequest.newBuilder(root.base().resolve("health/ready")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(first.statusCode()).isEqualTo(200);
    HttpResponse<String> path =
        http2.send(
            HttpRequest.newBuilder(URI.create(root.base() + "api/people/a%5Cb")).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> body =
        http2.send(
            HttpRequest.newBuilder(root.base().resolve("api/me"))
                .method("GET", HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(path.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertProblem(new Api.Reply(path), 400, "unreadable-path");
    assertThat(body.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertProblem(new Api.Reply(body), 400, "malformed-request");
  }

  @Test
  void aGetOrDeleteWithABodyIsRefusedUnreadBeforeSigningIn() throws Exception {
    String interests = api.get("ava", "api/me/interests").body();
    for (String method : List.of("GET", "DELETE")) {
      Api.Reply declared =
          api.send(
              null, method, "api/me/interests", "{\"topics\":[]}", "application/json", Map.of());
      assertProblem(declared, 400, "malformed-request");
      assertThat(declared.body()).contains(method + " takes no body");
      RawHttp.Answer chunked =
          RawHttp.stream(
              api.base(),
              method + " " + api.base().getPath() + "api/me/interests HTTP/1.1",
              Map.of("Authorization", Api.basic("ava", Api.PASSWORD)),
              "{".getBytes(StandardCharsets.UTF_8),
              (byte) ' ',
              64 * MIB);
      assertRawProblem(chunked, 400, "malformed-request");
      assertThat(chunked.sentBytes()).isLessThan(64 * MIB);
    }
    assertThat(api.get("ava", "api/me/interests").body()).isEqualTo(interests);
  }

  // --- bodies too large -----------------------------------------------------------------------

  @Test
  void aJsonBodyUpToTheLimitIsReadAndOneDeclaredLongerIsRefusedUnread() throws Exception {
    String interests = api.get("ava", "api/me/interests").body();
    String padded = interests + " ".repeat((int) (MIB - 16 - interests.length()));
    assertThat(api.put("ava", "api/me/interests", padded).status()).isEqualTo(200);

    RawHttp.Answer declared =
        RawHttp.send(
            api.base(),
            "PUT " + api.base().getPath() + "api/me/interests HTTP/1.1",
            Map.of(
                "Authorization", Api.basic("ava", Api.PASSWORD),
                "Content-Type", "application/json",
                "Content-Length", Long.toString(MIB + 1)));
    assertRawProblem(declared, 413, "payload-too-large");
    assertThat(api.get("ava", "api/me/interests").body()).isEqualTo(interests);
  }

  @Test
  void twoHundredMebibytesChunkedAreRefusedEarlyWhileTheServiceStaysHealthy() throws Exception {
    double maxHeap = metric("memory_maxHeap_bytes");
    double heapBefore = metric("memory_usedHeap_bytes");
    int jobsBefore = count("select count(*) from directory_job");
    List<Long> baseline = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      long started = System.nanoTime();
      assertThat(api.get("leo", "api/me").status()).isEqualTo(200);
      baseline.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }
    List<Long> latencies = new CopyOnWriteArrayList<>();
    List<Double> heap = new CopyOnWriteArrayList<>();
    AtomicBoolean attacking = new AtomicBoolean(true);
    ExecutorService watchers = Executors.newFixedThreadPool(2);
    Future<?> pinging =
        watchers.submit(
            () -> {
              while (attacking.get()) {
                long started = System.nanoTime();
                Api.Reply me = api.get("leo", "api/me");
                latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                assertThat(me.status()).isEqualTo(200);
              }
              return null;
            });
    Future<?> weighing =
        watchers.submit(
            () -> {
              while (attacking.get()) {
                heap.add(metric("memory_usedHeap_bytes"));
              }
              return null;
            });
    RawHttp.Answer json;
    RawHttp.Answer csv;
    try {
      json =
          RawHttp.stream(
              api.base(),
              "PUT " + api.base().getPath() + "api/me/interests HTTP/1.1",
              Map.of(
                  "Authorization",
                  Api.basic("ava", Api.PASSWORD),
                  "Content-Type",
                  "application/json"),
              "{\"topics\":[\"".getBytes(StandardCharsets.US_ASCII),
              (byte) 'x',
              200 * MIB);
      csv =
          RawHttp.stream(
              api.base(),
              "POST " + api.base().getPath() + "api/directory/import HTTP/1.1",
              Map.of(
                  "Authorization", Api.basic("hana", Api.PASSWORD),
                  "Content-Type", "text/csv",
                  "X-Requested-With", "test"),
              "username,displayName\n".getBytes(StandardCharsets.US_ASCII),
              (byte) 'x',
              200 * MIB);
    } finally {
      attacking.set(false);
      watchers.shutdown();
    }
    pinging.get(60, TimeUnit.SECONDS);
    weighing.get(60, TimeUnit.SECONDS);

    assertRawProblem(json, 413, "payload-too-large");
    assertThat(json.sentBytes()).as("sent when answered").isLessThan(200 * MIB);
    assertRawProblem(csv, 413, "payload-too-large");
    assertThat(csv.sentBytes()).as("sent when answered").isLessThan(200 * MIB);
    assertThat(count("select count(*) from directory_job")).isEqualTo(jobsBefore);
    try (Stream<Path> left = Files.list(Path.of(System.getProperty("crossroads.it.work")))) {
      assertThat(left.map(Path::getFileName).map(Path::toString))
          .noneMatch(name -> name.startsWith("directory-import-"));
    }

    List<Long> sorted = latencies.stream().sorted().toList();
    long p50 = sorted.get(sorted.size() / 2);
    long p95 = sorted.get((int) (sorted.size() * 0.95));
    long max = sorted.get(sorted.size() - 1);
    double heapMax = heap.stream().mapToDouble(Double::doubleValue).max().orElse(heapBefore);
    List<Long> calm = baseline.stream().sorted().toList();
    System.out.printf(
        Locale.ROOT,
        "AbuseIT 200 MiB: json answered after %d MiB sent, csv after %d MiB; GET /api/me before"
            + " x%d p50 %d ms max %d ms; in parallel x%d p50 %d ms p95 %d ms max %d ms; heap before"
            + " %.0f MiB, max during %.0f MiB of %.0f MiB%n",
        json.sentBytes() / MIB,
        csv.sentBytes() / MIB,
        calm.size(),
        calm.get(calm.size() / 2),
        calm.get(calm.size() - 1),
        sorted.size(),
        p50,
        p95,
        max,
        heapBefore / MIB,
        heapMax / MIB,
        maxHeap / MIB);
    assertThat(sorted).hasSizeGreaterThan(5);
    assertThat(p95).as("p95 of GET /api/me in ms").isLessThan(1000);
    assertThat(heapMax).as("heap used during the attack").isLessThan(maxHeap * 0.85);
  }

  @Test
  void anImportFileDeclaredLongerThanTheLimitIsRefusedUnread() throws Exception {
    RawHttp.Answer declared =
        RawHttp.send(
            api.base(),
            "POST " + api.base().getPath() + "api/directory/import HTTP/1.1",
            Map.of(
                "Authorization", Api.basic("hana", Api.PASSWORD),
                "Content-Type", "text/csv",
                "Content-Length", Long.toString(50 * MIB + 1)));
    assertRawProblem(declared, 413, "payload-too-large");
  }

  // --- what errors must not tell ----------------------------------------------------------------

  @Test
  void readinessReportsTheDatabaseDownWithoutItsErrorText() throws Exception {
    try {
      databaseLine.cut();
      Api.Reply[] down = new Api.Reply[1];
      await("readiness down")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                down[0] = root.get(null, "health/ready");
                return down[0].status() == 503;
              });
      JsonObject body = down[0].json();
      assertThat(body.getString("status")).isEqualTo("DOWN");
      assertThat(down[0].body())
          .contains("\"database\"")
          .doesNotContainIgnoringCase("connection")
          .doesNotContainIgnoringCase("refused")
          .doesNotContainIgnoringCase("postgres")
          .doesNotContain("127.0.0.1", "localhost", "Exception", "error");
    } finally {
      databaseLine.restore();
    }
    await("readiness up again")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> root.get(null, "health/ready").status() == 200);
  }

  // --- the database away under load -------------------------------------------------------------

  /** How long the database stays out of reach. */
  static final Duration OUTAGE = Duration.ofSeconds(20);

  /** Every call is answered within this, whatever the database does. */
  static final Duration ANSWERED_WITHIN = Duration.ofSeconds(5);

  /** Once the database is back, every client is served again within this, with no restart. */
  static final Duration RECOVERED_WITHIN = Duration.ofSeconds(10);

  static final int CLIENTS = 4;

  /** A person of the root instance's directory, as its identity provider knows them. */
  record Account(UUID id, String username, String subject, boolean leader) {}

  /** One call a client made: when it started and ended (nanoTime), and what it was answered. */
  record Call(
      int client,
      String what,
      long started,
      long ended,
      int status,
      String contentType,
      String retryAfter,
      String body) {

    Duration took() {
      return Duration.ofNanos(ended - started);
    }

    @Override
    public String toString() {
      return what
          + " -> "
          + status
          + " "
          + contentType
          + " Retry-After "
          + retryAfter
          + " in "
          + took().toMillis()
          + " ms: "
          + abbreviate(body);
    }
  }

  @Test
  void withTheDatabaseAwayUnderLoadEveryCallIsA503ThatSaysWhenToRetryAndTheServiceRecoversAlone()
      throws Exception {
    Instant began = Instant.now().minusSeconds(1);
    Account leader = account("outage.leader", "Platforms", 6, true);
    List<Account> employees = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      employees.add(account("outage.employee" + i, "Planning", 4, false));
    }
    Api.Reply hours =
        bearer(
            leader,
            "PUT",
            "api/leaders/" + leader.id() + "/availability",
            RequestBodies.standardHours(60));
    assertThat(hours.status()).as(hours.toString()).isEqualTo(200);
    Instant from = Instant.now().plus(Duration.ofDays(2));
    Api.Reply open =
        bearer(
            employees.get(0),
            "GET",
            "api/leaders/"
                + leader.id()
                + "/slots?length=20&from="
                + from
                + "&to="
                + from.plus(Duration.ofDays(14)),
            null);
    assertThat(open.status()).as(open.toString()).isEqualTo(200);
    List<Instant> slots =
        open.array().getValuesAs(JsonObject.class).stream()
            .map(slot -> Instant.parse(slot.getString("start")))
            .limit(2)
            .toList();
    assertThat(slots).hasSize(2);
    String request = RequestBodies.body(leader.id().toString(), slots);

    List<Call> calls = new CopyOnWriteArrayList<>();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> load = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      int client = i;
      Account employee = employees.get(i);
      load.add(
          clients.submit(
              () -> {
                while (running.get()) {
                  sendAndWithdraw(client, employee, request, calls);
                  // A person's pace: a tenth of a second between one round and the next.
                  LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                }
                return null;
              }));
    }
    long cut;
    long restored;
    try {
      await("every client served before the outage")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> servedSince(calls, 0, 2));
      databaseLine.cut();
      cut = System.nanoTime();
      try {
        await("readiness down")
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> root.get(null, "health/ready").status() == 503);
        // Held throughout the outage: not ready (no traffic from a load balancer), but alive (no
        // restart by an orchestrator).
        await("not ready, alive, for the rest of the outage")
            .during(OUTAGE.minus(Duration.ofNanos(System.nanoTime() - cut)))
            .atMost(OUTAGE.plusSeconds(10))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () ->
                    root.get(null, "health/ready").status() == 503
                        && root.get(null, "health/live").status() == 200);
      } finally {
        databaseLine.restore();
        restored = System.nanoTime();
      }
      await("every client served again")
          .atMost(RECOVERED_WITHIN)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> servedSince(calls, restored, 1));
      long recovered = System.nanoTime();
      await("readiness up")
          .atMost(RECOVERED_WITHIN)
          .pollInterval(Duration.ofMillis(250))
          .until(() -> root.get(null, "health/ready").status() == 200);
      await("every client served twice more")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> servedSince(calls, recovered, 2));
    } finally {
      running.set(false);
      clients.shutdown();
    }
    for (Future<?> client : load) {
      client.get(60, TimeUnit.SECONDS);
    }
    // The background work carries on by itself too: the outbox worker, which failed on every
    // run while the database was away, sends what was queued, and the scheduled job claims its
    // periods again.
    Timestamp back = Timestamp.from(Instant.now().minusNanos(System.nanoTime() - restored));
    await("the outbox sent everything and the expiry job ran again")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                count(
                            rootDatabase,
                            "select count(*) from outbox_message where sent_at is null",
                            null)
                        == 0
                    && count(
                            rootDatabase,
                            "select count(*) from scheduled_run where job = 'request-expiry'"
                                + " and claimed_at > ?",
                            back)
                        > 0);
    assertThat(
            count(rootDatabase, "select count(*) from outbox_message where created_at > ?", back))
        .isPositive();

    // Every call answered in time, never a 500, and every refusal a problem.
    assertThat(calls)
        .allSatisfy(
            call -> {
              assertThat(call.status()).as(call.toString()).isPositive().isNotIn(500, 502, 504);
              assertThat(call.took()).as(call.toString()).isLessThan(ANSWERED_WITHIN);
              if (call.status() >= 400) {
                assertThat(call.contentType())
                    .as(call.toString())
                    .startsWith("application/problem+json");
              }
              if (call.status() == 503) {
                assertThat(call.body())
                    .as(call.toString())
                    .contains("/problems/service-unavailable")
                    .doesNotContainIgnoringCase("postgres")
                    .doesNotContainIgnoringCase("connection")
                    .doesNotContain("127.0.0.1", "Exception", "SQL");
                assertThat(Integer.parseInt(call.retryAfter())).as(call.toString()).isPositive();
              }
            });
    // While the database was away (after a second for calls under way), only 503s.
    List<Call> during =
        calls.stream()
            .filter(c -> c.started() > cut + TimeUnit.SECONDS.toNanos(1) && c.ended() < restored)
            .toList();
    assertThat(during)
        .hasSizeGreaterThan(CLIENTS * 10)
        .allSatisfy(call -> assertThat(call.status()).as(call.toString()).isEqualTo(503));
    // Recovered by itself within the bound, and for good: no 503 once every client was served.
    long lastRecovered =
        IntStream.range(0, CLIENTS)
            .mapToLong(
                client ->
                    calls.stream()
                        .filter(
                            c -> c.client() == client && c.started() > restored && c.status() < 300)
                        .mapToLong(Call::ended)
                        .min()
                        .orElseThrow())
            .max()
            .orElseThrow();
    Duration recovery = Duration.ofNanos(lastRecovered - restored);
    assertThat(recovery).isLessThan(RECOVERED_WITHIN);
    assertThat(calls.stream().filter(c -> c.started() > lastRecovered))
        .isNotEmpty()
        .allSatisfy(call -> assertThat(call.status()).as(call.toString()).isLessThan(500));
    // Whatever the outage cut short left nothing half-written.
    assertThat(HalfWritten.since(rootDatabase, began)).isEmpty();
    System.out.printf(
        Locale.ROOT,
        "AbuseIT database away for %d s under %d clients: %d calls, %d during the outage (all"
            + " 503), slowest %d ms; every client served again %d ms after the line was back%n",
        Duration.ofNanos(restored - cut).toSeconds(),
        CLIENTS,
        calls.size(),
        during.size(),
        calls.stream().mapToLong(c -> c.took().toMillis()).max().orElse(0),
        recovery.toMillis());
  }

  /** One round of a client: send a request and withdraw it, clear up what is left, read. */
  void sendAndWithdraw(int client, Account employee, String request, List<Call> calls) {
    Call sent = call(client, employee, "POST", "api/requests", request, calls);
    if (sent.status() == 201) {
      withdraw(client, employee, json(sent.body()).getString("id"), calls);
    } else if (sent.status() == 409) {
      // Sent while the line went, and answered 503 after all, or its withdrawal was cut short.
      Call pending =
          call(client, employee, "GET", "api/requests?as=requester&status=PENDING", null, calls);
      if (pending.status() == 200) {
        for (JsonObject open :
            json(pending.body()).getJsonArray("items").getValuesAs(JsonObject.class)) {
          withdraw(client, employee, open.getString("id"), calls);
        }
      }
    }
    call(client, employee, "GET", "api/me", null, calls);
  }

  void withdraw(int client, Account employee, String id, List<Call> calls) {
    call(
        client,
        employee,
        "POST",
        "api/requests/" + id + "/withdraw",
        "{\"reason\":\"Found the answer elsewhere\"}",
        calls);
  }

  /** Whether every client had {@code times} calls answered 2xx that started after {@code since}. */
  static boolean servedSince(List<Call> calls, long since, int times) {
    return IntStream.range(0, CLIENTS)
        .allMatch(
            client ->
                calls.stream()
                        .filter(
                            c -> c.client() == client && c.started() > since && c.status() < 300)
                        .count()
                    >= times);
  }

  private final HttpClient loadClient =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(ANSWERED_WITHIN)
          .build();

  /** A call to the root instance with a fresh token, recorded; unanswered within 10 s is -1. */
  Call call(
      int client, Account account, String method, String path, String body, List<Call> calls) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(root.base().resolve(path))
            .timeout(ANSWERED_WITHIN.multipliedBy(2))
            .header("Authorization", "Bearer " + token(account))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    long started = System.nanoTime();
    Call call;
    try {
      HttpResponse<String> answer =
          loadClient.send(request.build(), HttpResponse.BodyHandlers.ofString());
      call =
          new Call(
              client,
              method + " " + path,
              started,
              System.nanoTime(),
              answer.statusCode(),
              answer.headers().firstValue("Content-Type").orElse(""),
              answer.headers().firstValue("Retry-After").orElse(null),
              answer.body());
    } catch (Exception unanswered) {
      call =
          new Call(
              client,
              method + " " + path,
              started,
              System.nanoTime(),
              -1,
              "",
              null,
              String.valueOf(unanswered));
    }
    calls.add(call);
    return call;
  }

  Api.Reply bearer(Account account, String method, String path, String body) {
    return root.send(
        null,
        method,
        path,
        body,
        "application/json",
        Map.of("Authorization", "Bearer " + token(account)));
  }

  /** An access token for the account, as the root instance's identity provider would issue it. */
  static String token(Account account) {
    Date now = new Date();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(signingKey.getKeyID())
                .build(),
            new JWTClaimsSet.Builder()
                .issuer(issuerUrl)
                .subject(account.subject())
                .audience("crossroads-api")
                .claim("typ", "Bearer")
                .claim("preferred_username", account.username())
                .claim(
                    "realm_access",
                    Map.of("roles", account.leader() ? List.of("LEADER") : List.of()))
                .issueTime(now)
                .expirationTime(new Date(now.getTime() + 300_000))
                .build());
    try {
      jwt.sign(new RSASSASigner(signingKey));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  /**
   * A person in the root instance's directory, linked to an account of its identity provider, as a
   * sync would leave them; a leader with a profile.
   */
  static Account account(String username, String division, int level, boolean leader)
      throws Exception {
    Account account =
        new Account(UUID.randomUUID(), username, UUID.randomUUID().toString(), leader);
    try (Connection db = DriverManager.getConnection(rootDatabase, "postgres", "postgres")) {
      try (PreparedStatement insert =
          db.prepareStatement(
              "insert into division (id, name) select ?, ? where not exists"
                  + " (select 1 from division where name = ?)")) {
        insert.setObject(1, UUID.randomUUID());
        insert.setString(2, division);
        insert.setString(3, division);
        insert.executeUpdate();
      }
      try (PreparedStatement insert =
          db.prepareStatement(
              "insert into person (id, username, display_name, email, division_id, title, level,"
                  + " time_zone, leader, hr, active, oidc_subject) select ?, ?, ?, ?, d.id,"
                  + " 'Analyst', ?, 'Europe/Berlin', ?, false, true, ? from division d"
                  + " where d.name = ?")) {
        insert.setObject(1, account.id());
        insert.setString(2, username);
        insert.setString(3, "Test " + username);
        insert.setString(4, username + "@crossroads.example");
        insert.setInt(5, level);
        insert.setBoolean(6, leader);
        insert.setString(7, account.subject());
        insert.setString(8, division);
        assertThat(insert.executeUpdate()).isEqualTo(1);
      }
      if (leader) {
        try (PreparedStatement insert =
            db.prepareStatement(
                "insert into leader_profile (person_id, accepting_requests, bio, monthly_cap,"
                    + " lengths, formats, version) values (?, true, '', 4, '15,20,30',"
                    + " 'VIDEO,PHONE,IN_PERSON', 0)")) {
          insert.setObject(1, account.id());
          insert.executeUpdate();
        }
      }
    }
    return account;
  }

  /** A count in the database at {@code url}, with one timestamp parameter or none. */
  static int count(String url, String sql, Timestamp parameter) throws Exception {
    try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
        PreparedStatement query = db.prepareStatement(sql)) {
      if (parameter != null) {
        query.setTimestamp(1, parameter);
      }
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  static String abbreviate(String text) {
    String line = String.valueOf(text).replace("\r", "\\r").replace("\n", "\\n");
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  @Test
  void aRefusedAccessTokenIsAnUnauthenticatedProblemWithoutTheLibrarysWords() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("attacker").generate();
    SignedJWT signed =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID("attacker")
                .build(),
            new JWTClaimsSet.Builder()
                .issuer("https://elsewhere.example/realms/crossroads")
                .subject(UUID.randomUUID().toString())
                .audience("crossroads-api")
                .claim("typ", "Bearer")
                .claim("preferred_username", "hana")
                .issueTime(new Date())
                .expirationTime(new Date(System.currentTimeMillis() + 60_000))
                .build());
    signed.sign(new RSASSASigner(key));
    for (String token : List.of("not-a-token", "a.b.c", signed.serialize())) {
      Api.Reply reply =
          root.send(null, "GET", "api/me", null, null, Map.of("Authorization", "Bearer " + token));
      assertProblem(reply, 401, "unauthenticated");
      assertThat(reply.json().getString("detail"))
          .isEqualTo(
              "The access token is not valid. Sign in again at the company's identity provider.");
      assertThat(reply.body())
          .doesNotContain("JWT", "JWS", "JWK", "JOSE", "Exception", "127.0.0.1", "delimiter");
    }
  }

  @Test
  void metricsAndTheApiDescriptionAreRefusedToClientsNotListed() {
    for (String path : List.of("metrics", "metrics/base", "openapi", "openapi/")) {
      Api.Reply reply = root.send(null, "GET", path, null, null, Map.of("Accept", "text/plain"));
      assertProblem(reply, 403, "forbidden");
      assertThat(reply.body()).doesNotContain("# TYPE", "openapi:");
    }
    assertThat(root.get(null, "health/ready").status()).isEqualTo(200);
  }

  // --- the API description ------------------------------------------------------------------

  @Test
  void theApiDescriptionIsValidOpenApi3() {
    Api.Reply document = api.get(null, api.server().resolve("openapi").toString());
    assertThat(document.status()).isEqualTo(200);
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document.body(), null, options);
    assertThat(parsed.getMessages()).isEmpty();
    assertThat(parsed.getOpenAPI().getPaths()).containsKey("/api/me/interests");
    assertThat(document.body()).doesNotContain("\nendpoints:");
  }

  // --- helpers ----------------------------------------------------------------------------------

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A call that must be answered within {@code timeout}, or the test fails. */
  Api.Reply timed(String user, String method, String path, String body, Duration timeout) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(api.base().resolve(path))
            .timeout(timeout)
            .header("Authorization", Api.basic(user, Api.PASSWORD))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      return new Api.Reply(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    } catch (Exception e) {
      throw new AssertionError(method + " " + path + " was not answered within " + timeout, e);
    }
  }

  /**
   * Every operation whose request body is JSON, from the service's own description: method, path.
   */
  List<String[]> operationsWithJsonBodies() {
    Api.Reply document =
        api.send(
            null,
            "GET",
            api.server().resolve("openapi").toString(),
            null,
            null,
            Map.of("Accept", "application/json"));
    JsonObject paths =
        Json.createReader(new StringReader(document.body())).readObject().getJsonObject("paths");
    List<String[]> operations = new ArrayList<>();
    paths.forEach(
        (path, item) ->
            item.asJsonObject()
                .forEach(
                    (method, operation) -> {
                      if (operation.getValueType() != JsonValue.ValueType.OBJECT) {
                        return;
                      }
                      JsonObject requestBody =
                          operation.asJsonObject().getJsonObject("requestBody");
                      if (requestBody != null
                          && requestBody.getJsonObject("content").containsKey("application/json")) {
                        operations.add(new String[] {method.toUpperCase(Locale.ROOT), path});
                      }
                    }));
    return operations;
  }

  /**
   * The process's CPU time stays nearly flat over a few seconds: no thread is left spinning once
   * the answers are in (one that spins takes a whole core, as much CPU time as wall-clock time).
   */
  void awaitIdle() {
    ProcessHandle payara = mainInstance();
    double[] last = {cpuSeconds(payara)};
    long[] at = {System.nanoTime()};
    double[] share = {Double.NaN};
    await("the process's CPU back to idle")
        .atMost(Duration.ofSeconds(60))
        .pollDelay(Duration.ofSeconds(3))
        .pollInterval(Duration.ofSeconds(3))
        .until(
            () -> {
              double now = cpuSeconds(payara);
              long wall = System.nanoTime();
              share[0] = (now - last[0]) / ((wall - at[0]) / 1e9);
              last[0] = now;
              at[0] = wall;
              return share[0] < 0.5;
            });
    System.out.printf(Locale.ROOT, "AbuseIT CPU share of the instance once idle: %.2f%n", share[0]);
  }

  /** The Payara Micro process Arquillian started: the one on the test database. */
  static ProcessHandle mainInstance() {
    String database = "-Dcrossroads.db.url=" + System.getProperty(TestEnvironment.URL_PROPERTY);
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().arguments().map(a -> List.of(a).contains(database)).orElse(false))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No Payara Micro process with " + database));
  }

  static double cpuSeconds(ProcessHandle process) {
    return process
            .info()
            .totalCpuDuration()
            .orElseThrow(() -> new AssertionError("No CPU time for " + process.pid()))
            .toNanos()
        / 1e9;
  }

  /** A base metric of the main instance, in Prometheus' text format. */
  double metric(String name) {
    String text = api.metrics().body();
    List<String> names = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String metric = line.split("[ {]")[0];
      names.add(metric);
      if (metric.equals(name) || metric.equals("base_" + name)) {
        String[] parts = line.trim().split(" ");
        return Double.parseDouble(parts[parts.length - 1]);
      }
    }
    throw new AssertionError("No metric " + name + " among " + names);
  }

  int count(String sql) throws Exception {
    try (Connection connection = TestEnvironment.database();
        ResultSet rows = connection.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    }
  }

  static void assertRawProblem(RawHttp.Answer answer, int status, String slug) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    JsonObject problem = Json.createReader(new StringReader(answer.body())).readObject();
    assertThat(problem.getString("type")).isEqualTo("/problems/" + slug);
    assertThat(problem.getInt("status")).isEqualTo(status);
  }
}
