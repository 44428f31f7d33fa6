package io.crossroads.it;

import static io.crossroads.it.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
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
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Attacks on the running WAR with bad and oversized input, each shown to be refused with the right
 * problem, promptly, and with nothing changed. A second instance, deployed at the root context as
 * in production, runs in OIDC mode with operations restricted and its database behind a line that
 * can be cut.
 */
@ExtendWith(ArquillianExtension.class)
class AbuseIT {

  private static final long MIB = 1024 * 1024;

  @Deployment(testable = false)
  static WebArchive crossroads() {
    return Deployments.crossroads();
  }

  @ArquillianResource URL base;
  Api api;

  static PayaraMicroProcess rooted;
  static TcpRelay databaseLine;
  static Api root;

  @BeforeAll
  static void startRootInstance() throws Exception {
    Path work = Path.of(System.getProperty("crossroads.it.work"), "abuse");
    int port = PayaraMicroProcess.freePort();
    String url = TestEnvironment.freshDatabase("abuse");
    URI jdbc = URI.create(url.substring("jdbc:".length()));
    databaseLine = TcpRelay.to(jdbc.getPort());
    root = new Api(URI.create("http://127.0.0.1:" + port + "/"));
    Map<String, String> settings = new HashMap<>();
    settings.put(
        "crossroads.db.url",
        url.replaceFirst(":" + jdbc.getPort() + "/", ":" + databaseLine.port() + "/"));
    // Nothing listens there: every token's keys are out of reach.
    settings.put(
        "crossroads.oidc.issuer",
        "http://127.0.0.1:" + PayaraMicroProcess.freePort() + "/realms/crossroads");
    settings.put("crossroads.operations.allowed-clients", "192.0.2.0/24, 2001:db8::/32");
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
    String text =
        api.send(
                null,
                "GET",
                api.server().resolve("metrics").toString(),
                null,
                null,
                Map.of("Accept", "text/plain"))
            .body();
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
