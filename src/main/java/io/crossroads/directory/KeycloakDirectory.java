package io.crossroads.directory;

import io.crossroads.directory.DirectoryCsv.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The company directory as Keycloak holds it, read page by page through its admin REST API with a
 * service-account client: users (enabled or not, attributes division-independent: title, level,
 * manager, timeZone, movedOn, hiredOn, leftOn; a date that is not one is left out), groups as
 * divisions, realm roles LEADER and HR. Called over plain HTTP: the keycloak-admin-client library
 * brings a second JAX-RS implementation (RESTEasy) that breaks Jersey inside the WAR.
 */
@ApplicationScoped
class KeycloakDirectory {

  static final int PAGE = 500;

  @Inject
  @ConfigProperty(name = "crossroads.keycloak.url")
  Optional<String> url;

  @Inject
  @ConfigProperty(name = "crossroads.keycloak.realm", defaultValue = "crossroads")
  String realm;

  @Inject
  @ConfigProperty(name = "crossroads.keycloak.client-id", defaultValue = "crossroads-sync")
  String clientId;

  @Inject
  @ConfigProperty(name = "crossroads.keycloak.client-secret")
  Optional<String> clientSecret;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Keycloak could not be read; the sync changes nothing. */
  public static final class Unreachable extends RuntimeException {
    Unreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The users as directory rows, and each user name's account: Keycloak's user id, the {@code sub}.
   */
  record Users(List<Row> rows, Map<String, String> subjects) {}

  public boolean configured() {
    return url.filter(u -> !u.isBlank()).isPresent();
  }

  /**
   * Every user with a division (a group) as a directory row. Retried, since a sync of 100,000
   * people should not fail on one dropped connection; after that, {@link Unreachable}.
   */
  @Retry(maxRetries = 3, delay = 1000, jitter = 200, retryOn = Unreachable.class)
  public Users people() {
    String token = token();
    Map<String, String> divisionOf = new HashMap<>();
    for (JsonObject group : list(token, "/groups?briefRepresentation=true&max=1000&first=0")) {
      String name = group.getString("name");
      for (JsonObject member :
          pages(token, "/groups/" + group.getString("id") + "/members?briefRepresentation=true")) {
        divisionOf.putIfAbsent(member.getString("id"), name);
      }
    }
    Set<String> leaders = members(token, "LEADER");
    Set<String> hr = members(token, "HR");
    List<Row> rows = new ArrayList<>();
    Map<String, String> subjects = new HashMap<>();
    int line = 1;
    for (JsonObject user : pages(token, "/users?briefRepresentation=false")) {
      String id = user.getString("id");
      String division = divisionOf.get(id);
      if (division == null || user.getString("username", "").startsWith("service-account-")) {
        continue;
      }
      JsonObject attributes = user.getJsonObject("attributes");
      String name =
          (user.getString("firstName", "") + " " + user.getString("lastName", "")).strip();
      subjects.put(user.getString("username").toLowerCase(Locale.ROOT), id);
      rows.add(
          new Row(
              ++line,
              user.getString("username").toLowerCase(Locale.ROOT),
              name.isEmpty() ? user.getString("username") : name,
              user.getString("email", user.getString("username") + "@unknown.invalid"),
              division,
              attribute(attributes, "title").orElse(""),
              attribute(attributes, "level").map(KeycloakDirectory::level).orElse(1),
              attribute(attributes, "manager").map(m -> m.toLowerCase(Locale.ROOT)).orElse(null),
              attribute(attributes, "timeZone").map(KeycloakDirectory::zone).orElse(ZoneOffset.UTC),
              leaders.contains(id),
              hr.contains(id),
              user.getBoolean("enabled", true),
              attribute(attributes, "movedOn").map(KeycloakDirectory::date).orElse(null),
              attribute(attributes, "hiredOn").map(KeycloakDirectory::date).orElse(null),
              attribute(attributes, "leftOn").map(KeycloakDirectory::date).orElse(null)));
    }
    // A manager Keycloak names but does not hold as a person is left out, not an error.
    Set<String> usernames = new HashSet<>();
    rows.forEach(r -> usernames.add(r.username()));
    List<Row> people =
        rows.stream()
            .map(
                r ->
                    r.manager() == null || usernames.contains(r.manager())
                        ? r
                        : new Row(
                            r.line(),
                            r.username(),
                            r.displayName(),
                            r.email(),
                            r.division(),
                            r.title(),
                            r.level(),
                            null,
                            r.timeZone(),
                            r.leader(),
                            r.hr(),
                            r.active(),
                            r.movedOn(),
                            r.hiredOn(),
                            r.leftOn()))
            .toList();
    return new Users(people, subjects);
  }

  private Set<String> members(String token, String role) {
    Set<String> ids = new HashSet<>();
    for (JsonObject user : pages(token, "/roles/" + role + "/users?briefRepresentation=true")) {
      ids.add(user.getString("id"));
    }
    return ids;
  }

  private List<JsonObject> pages(String token, String path) {
    List<JsonObject> all = new ArrayList<>();
    for (int first = 0; ; first += PAGE) {
      List<JsonObject> page =
          list(token, path + (path.contains("?") ? "&" : "?") + "first=" + first + "&max=" + PAGE);
      all.addAll(page);
      if (page.size() < PAGE) {
        return all;
      }
    }
  }

  private List<JsonObject> list(String token, String path) {
    String body =
        send(
            HttpRequest.newBuilder(URI.create(base() + "/admin/realms/" + realm + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build());
    JsonArray array = Json.createReader(new StringReader(body)).readArray();
    return array.getValuesAs(JsonObject.class);
  }

  private String token() {
    String form =
        "grant_type=client_credentials&client_id="
            + encode(clientId)
            + "&client_secret="
            + encode(clientSecret.orElse(""));
    String body =
        send(
            HttpRequest.newBuilder(
                    URI.create(base() + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    return Json.createReader(new StringReader(body)).readObject().getString("access_token");
  }

  private String send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new Unreachable(
            "Keycloak answered " + response.statusCode() + " to " + request.uri().getPath(), null);
      }
      return response.body();
    } catch (IOException e) {
      throw new Unreachable("Keycloak at " + base() + " could not be reached", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreachable("interrupted", e);
    }
  }

  private String base() {
    String value =
        url.orElseThrow(() -> new Unreachable("crossroads.keycloak.url is not set", null));
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static Optional<String> attribute(JsonObject attributes, String name) {
    if (attributes == null
        || !(attributes.get(name) instanceof JsonArray values)
        || values.isEmpty()) {
      return Optional.empty();
    }
    JsonValue first = values.get(0);
    return first instanceof JsonString text && !text.getString().isBlank()
        ? Optional.of(text.getString().strip())
        : Optional.empty();
  }

  private static int level(String value) {
    try {
      return Math.max(1, Math.min(15, Integer.parseInt(value)));
    } catch (NumberFormatException notANumber) {
      return 1;
    }
  }

  private static ZoneId zone(String value) {
    try {
      return ZoneId.of(value);
    } catch (DateTimeException unknown) {
      return ZoneOffset.UTC;
    }
  }

  private static java.time.LocalDate date(String value) {
    try {
      return java.time.LocalDate.parse(value);
    } catch (DateTimeException notADate) {
      return null;
    }
  }
}
