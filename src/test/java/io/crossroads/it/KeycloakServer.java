package io.crossroads.it;

import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real Keycloak from its distribution (unpacked by the build), on loopback ports, with the realm
 * of {@code config/keycloak} imported as it is (and, when asked, its sample users) and its secrets
 * from the environment given. Everyone reaches it at {@link #url()} through a line that can be cut,
 * as if Keycloak had gone away, and restored.
 */
final class KeycloakServer implements AutoCloseable {

  static final HttpClient HTTP = HttpClient.newHttpClient();

  /** The port of {@link #url()}, the line's. */
  final int port;

  final String adminPassword;
  private final Process process;
  private final Path log;
  private final TcpRelay line;

  private KeycloakServer(String adminPassword, Process process, Path log, TcpRelay line) {
    this.port = line.port();
    this.adminPassword = adminPassword;
    this.process = process;
    this.log = log;
    this.line = line;
  }

  static KeycloakServer start(Path work, Map<String, String> environment, boolean sampleUsers)
      throws Exception {
    Path home = Path.of(System.getProperty("crossroads.it.keycloak"));
    Path data = home.resolve("data");
    for (String stale : List.of("h2", "transaction-logs", "import")) {
      delete(data.resolve(stale));
    }
    Files.createDirectories(data.resolve("import"));
    Path realm = Path.of(System.getProperty("crossroads.it.realm"));
    Files.copy(realm, data.resolve("import").resolve("crossroads-realm.json"));
    if (sampleUsers) {
      // Keycloak imports <realm>-users-<n>.json with the realm it lies next to.
      Files.copy(
          realm.resolveSibling("crossroads-users-0.json"),
          data.resolve("import").resolve("crossroads-users-0.json"));
    }
    Files.createDirectories(work);
    int port = PayaraMicroProcess.freePort();
    TcpRelay line = TcpRelay.to(port);
    int management = PayaraMicroProcess.freePort();
    String adminPassword = OidcIT.secret();
    List<String> command =
        new ArrayList<>(
            List.of(
                home.resolve("bin").resolve("kc.sh").toString(),
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--hostname=http://localhost:" + line.port(),
                "--import-realm",
                "--health-enabled=true",
                "--http-management-port=" + management));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Path log = work.resolve("keycloak.log");
    builder.redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
    builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
    KeycloakServer server = new KeycloakServer(adminPassword, builder.start(), log, line);
    server.awaitReady(management, Duration.ofMinutes(5));
    return server;
  }

  /** Waits until Keycloak's management port reports ready; fails at once if the process exits. */
  private void awaitReady(int management, Duration timeout) throws IOException {
    try {
      await("Keycloak ready")
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> ready(management));
    } catch (ConditionTimeoutException notReady) {
      throw new IllegalStateException(
          "Keycloak was not ready within " + timeout + ":\n" + Files.readString(log));
    }
  }

  private boolean ready(int management) throws IOException, InterruptedException {
    if (!process.isAlive()) {
      throw new IllegalStateException("Keycloak exited:\n" + Files.readString(log));
    }
    try {
      return HTTP.send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + management + "/health/ready"))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException stillStarting) {
      return false;
    }
  }

  String url() {
    return "http://localhost:" + port;
  }

  /** The line everyone reaches Keycloak through. */
  TcpRelay line() {
    return line;
  }

  String issuer(String realm) {
    return url() + "/realms/" + realm;
  }

  /** A token for a user by the password grant; the response's status and body. */
  HttpResponse<String> password(String realm, String client, String username, String password)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(issuer(realm) + "/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "grant_type=password&client_id="
                        + client
                        + "&username="
                        + URLEncoder.encode(username, StandardCharsets.UTF_8)
                        + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  String accessToken(String realm, String client, String username, String password)
      throws Exception {
    HttpResponse<String> response = password(realm, client, username, password);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("no token for " + username + ": " + response.body());
    }
    return Json.createReader(new StringReader(response.body()))
        .readObject()
        .getString("access_token");
  }

  /** Turns the password grant on for a client of the crossroads realm, as its README says. */
  void allowPasswordGrant(String clientId) throws Exception {
    HttpResponse<String> found = admin("GET", "/clients?clientId=" + clientId, null);
    jakarta.json.JsonObject client =
        Json.createReader(new StringReader(found.body())).readArray().getJsonObject(0);
    HttpResponse<String> updated =
        admin(
            "PUT",
            "/clients/" + client.getString("id"),
            Json.createObjectBuilder(client)
                .add("directAccessGrantsEnabled", true)
                .build()
                .toString());
    if (updated.statusCode() != 204) {
      throw new IllegalStateException("password grant not turned on: " + updated.body());
    }
  }

  /**
   * Tokens for a user by the authorization-code flow with PKCE, as a browser signs in: the token
   * endpoint's answer. {@code secret} is null for a public client.
   */
  jakarta.json.JsonObject codeFlow(
      String client, String secret, String redirectUri, String username, String password)
      throws Exception {
    String verifier = OidcIT.secret() + OidcIT.secret();
    String challenge =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    String authorize =
        issuer("crossroads")
            + "/protocol/openid-connect/auth?response_type=code&scope=openid&client_id="
            + client
            + "&redirect_uri="
            + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8)
            + "&state=s&code_challenge_method=S256&code_challenge="
            + challenge;
    HttpResponse<String> signedIn = new Browser().signIn(authorize, username, password);
    String location = signedIn.headers().firstValue("Location").orElse("");
    java.util.regex.Matcher code =
        java.util.regex.Pattern.compile("[?&]code=([^&]+)").matcher(location);
    if (signedIn.statusCode() != 302 || !code.find()) {
      throw new IllegalStateException(username + " could not sign in: " + signedIn.statusCode());
    }
    String form =
        "grant_type=authorization_code&client_id="
            + client
            + "&code="
            + code.group(1)
            + "&code_verifier="
            + verifier
            + "&redirect_uri="
            + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8)
            + (secret == null
                ? ""
                : "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8));
    HttpResponse<String> tokens =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(issuer("crossroads") + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (tokens.statusCode() != 200) {
      throw new IllegalStateException("no tokens for " + username + ": " + tokens.body());
    }
    return Json.createReader(new StringReader(tokens.body())).readObject();
  }

  /** Calls the admin REST API as the bootstrap admin. */
  HttpResponse<String> admin(String method, String path, String json) throws Exception {
    String token = accessToken("master", "admin-cli", "admin", adminPassword);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url() + "/admin/realms/crossroads" + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws Exception {
    line.close();
    if (process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
      }
    }
  }

  private static void delete(Path path) throws IOException {
    if (Files.exists(path)) {
      try (Stream<Path> files = Files.walk(path)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }
}
