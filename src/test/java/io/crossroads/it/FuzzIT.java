package io.crossroads.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated requests for every operation the service describes at {@code /openapi}, as each demo
 * role and as nobody: valid, boundary and malformed parameters and bodies, wrong types, huge and
 * unicode strings, unknown ids, wrong methods and content types. Every answer must be below 500 and
 * every refusal a problem; afterwards nothing is half-written. Runs on its own instance and
 * database, since it changes whatever the roles may change. jqwik reports the seed of a failing
 * run, and a seed given to {@code @Property} replays it.
 */
class FuzzIT {

  private static final String DATABASE = "fuzz";
  private static final List<String> ROLES = List.of("ava", "leo", "hana");
  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

  /**
   * HTTP/1.1, as clients reach the service through a proxy: over a cleartext HTTP/2 upgrade, a
   * header block larger than the container takes resets its stream and leaves the connection
   * answering 431 to everything after, which is the container's, not the application's.
   */
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  static PayaraMicroProcess payara;
  static Api api;
  static String url;
  static JsonObject document;
  static List<Operation> operations;
  static final Set<String> ids = new LinkedHashSet<>();
  static Instant started;
  static final List<String> findings = new ArrayList<>();
  static final Map<Integer, Integer> statuses = new TreeMap<>();

  @BeforeContainer
  static void start() throws Exception {
    Path work = Path.of(System.getProperty("crossroads.it.work"), "fuzz");
    int port = PayaraMicroProcess.freePort();
    url = TestEnvironment.freshDatabase(DATABASE);
    api = new Api(URI.create("http://127.0.0.1:" + port + "/"));
    payara =
        PayaraMicroProcess.start(
            work,
            port,
            "fuzz",
            Map.of(
                "crossroads.db.url", url,
                "crossroads.demo.enabled", "true",
                "crossroads.demo.size", "120",
                "crossroads.notes.keys", "fuzz:oFUHkLiHAztYiNKXhqDAEU9pVlb7fxCL2gl5clWKuCQ="));
    payara.awaitReady(api, Duration.ofMinutes(5));
    document =
        Json.createReader(
                new StringReader(
                    api.send(
                            null,
                            "GET",
                            "openapi",
                            null,
                            null,
                            Map.of("Accept", "application/json"))
                        .body()))
            .readObject();
    operations = operations();
    harvestIds();
    started = Instant.now().minusSeconds(1);
  }

  @AfterContainer
  static void stop() throws Exception {
    if (payara != null) {
      payara.close();
    }
  }

  @Property(tries = 2500, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
  void everyOperationAnswersGeneratedRequestsBelow500AndEveryRefusalIsAProblem(
      @ForAll("calls") Call call) {
    Api.Reply reply;
    try {
      reply = call.send();
    } catch (RuntimeException noAnswer) {
      findings.add(call + " -> no answer: " + noAnswer);
      return;
    }
    statuses.merge(reply.status(), 1, Integer::sum);
    String finding = judge(reply);
    if (finding != null) {
      findings.add(call + " -> " + finding);
    }
  }

  /** Findings are gathered over the whole run, then reported together with what was written. */
  @AfterProperty
  void nothingFailedAndNothingIsHalfWritten() throws Exception {
    List<String> halfWritten = HalfWritten.since(url, started);
    int calls = statuses.values().stream().mapToInt(Integer::intValue).sum();
    System.out.printf(
        Locale.ROOT,
        "FuzzIT: %d calls over %d operations, statuses %s, %d findings, %d half-written%n",
        calls,
        operations.size(),
        statuses,
        findings.size(),
        halfWritten.size());
    findings.stream().limit(40).forEach(f -> System.out.println("FuzzIT finding: " + f));
    assertThat(operations).hasSizeGreaterThan(40);
    assertThat(findings).isEmpty();
    assertThat(halfWritten).isEmpty();
  }

  @Provide
  Arbitrary<Call> calls() {
    return Arbitraries.randomValue(random -> new Requests(random).any());
  }

  // --- judging ------------------------------------------------------------------------------

  static String judge(Api.Reply reply) {
    int status = reply.status();
    if (status >= 500) {
      return status + " " + abbreviate(reply.body());
    }
    if (status < 400) {
      return null;
    }
    if (!reply.contentType().startsWith("application/problem+json")) {
      return status + " without a problem: " + reply.contentType() + " " + abbreviate(reply.body());
    }
    try {
      JsonObject problem = reply.json();
      if (problem.getInt("status") != status
          || !problem.getString("type").startsWith("/problems/")) {
        return status + " with a problem that disagrees: " + abbreviate(reply.body());
      }
    } catch (RuntimeException notJson) {
      return status + " with a problem that is not JSON: " + abbreviate(reply.body());
    }
    return null;
  }

  static String abbreviate(String text) {
    String line = text.replace("\r", "\\r").replace("\n", "\\n");
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  // --- the operations -----------------------------------------------------------------------

  record Parameter(String name, String in, JsonObject schema, boolean required) {}

  record Operation(
      String method, String path, List<Parameter> parameters, String bodyType, JsonObject body) {}

  static List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    document
        .getJsonObject("paths")
        .forEach(
            (path, item) ->
                item.asJsonObject()
                    .forEach(
                        (method, value) -> {
                          if (!METHODS.contains(method.toUpperCase(Locale.ROOT))
                              || value.getValueType() != JsonValue.ValueType.OBJECT) {
                            return;
                          }
                          JsonObject operation = value.asJsonObject();
                          List<Parameter> parameters = new ArrayList<>();
                          for (JsonValue p :
                              operation.getJsonArray("parameters") == null
                                  ? JsonValue.EMPTY_JSON_ARRAY
                                  : operation.getJsonArray("parameters")) {
                            JsonObject parameter = p.asJsonObject();
                            parameters.add(
                                new Parameter(
                                    parameter.getString("name"),
                                    parameter.getString("in"),
                                    parameter.getJsonObject("schema"),
                                    parameter.getBoolean("required", false)));
                          }
                          String bodyType = null;
                          JsonObject body = null;
                          JsonObject requestBody = operation.getJsonObject("requestBody");
                          if (requestBody != null && requestBody.getJsonObject("content") != null) {
                            for (String type : requestBody.getJsonObject("content").keySet()) {
                              bodyType = type;
                              body =
                                  requestBody
                                      .getJsonObject("content")
                                      .getJsonObject(type)
                                      .getJsonObject("schema");
                              break;
                            }
                          }
                          operations.add(
                              new Operation(
                                  method.toUpperCase(Locale.ROOT),
                                  path,
                                  parameters,
                                  bodyType,
                                  body));
                        }));
    return operations;
  }

  /** Real ids, from what the roles can read without parameters: so some calls hit real things. */
  static void harvestIds() {
    for (Operation operation : operations) {
      if (!operation.method().equals("GET") || operation.path().contains("{")) {
        continue;
      }
      for (String role : ROLES) {
        Api.Reply reply = api.get(role, operation.path().substring(1));
        if (reply.status() == 200 && reply.contentType().startsWith("application/json")) {
          collect(Json.createReader(new StringReader(reply.body())).readValue());
        }
      }
    }
  }

  private static void collect(JsonValue value) {
    switch (value.getValueType()) {
      case OBJECT -> value.asJsonObject().values().forEach(FuzzIT::collect);
      case ARRAY -> value.asJsonArray().forEach(FuzzIT::collect);
      case STRING -> {
        String text = ((JsonString) value).getString();
        if (text.length() == 36) {
          try {
            ids.add(UUID.fromString(text).toString());
          } catch (IllegalArgumentException notAnId) {
            // just text
          }
        }
      }
      default -> {}
    }
  }

  // --- generating calls ---------------------------------------------------------------------

  /** One request as sent, described for the findings. */
  record Call(
      String user,
      String method,
      String path,
      String contentType,
      String body,
      Map<String, String> headers) {

    Api.Reply send() {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(api.base().resolve(path))
              .timeout(Duration.ofSeconds(30))
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      if (body != null) {
        request.header("Content-Type", contentType);
      }
      if (user != null) {
        request.header("Authorization", Api.basic(user, Api.PASSWORD));
      }
      headers.forEach(request::header);
      try {
        return new Api.Reply(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    @Override
    public String toString() {
      return (user == null ? "nobody" : user)
          + " "
          + method
          + " "
          + abbreviate(path)
          + (body == null ? "" : " [" + contentType + "] " + abbreviate(body));
    }
  }

  /** Generates calls from the random source jqwik hands over, so a seed replays a run. */
  static final class Requests {

    private final Random random;
    private final RandomGenerator<String> anyString =
        Arbitraries.strings().all().ofMaxLength(300).generator(1000);
    private final RandomGenerator<String> hugeString =
        Arbitraries.strings()
            .withCharRange(' ', '\uFFFD')
            .ofMinLength(5_000)
            .ofMaxLength(120_000)
            .generator(1000);
    private final RandomGenerator<Long> anyLong = Arbitraries.longs().generator(1000);

    Requests(Random random) {
      this.random = random;
    }

    private String unknownId() {
      return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    Call any() {
      Operation operation = operations.get(random.nextInt(operations.size()));
      String user = random.nextInt(12) == 0 ? null : ROLES.get(random.nextInt(ROLES.size()));
      String method = operation.method();
      if (random.nextInt(15) == 0) {
        method = METHODS.get(random.nextInt(METHODS.size()));
      }
      StringBuilder path = new StringBuilder(operation.path().substring(1));
      List<String> query = new ArrayList<>();
      for (Parameter parameter : operation.parameters()) {
        if ("path".equals(parameter.in())) {
          String placeholder = "{" + parameter.name() + "}";
          int at = path.indexOf(placeholder);
          if (at >= 0) {
            path.replace(at, at + placeholder.length(), encode(pathValue()));
          }
        } else if ("query".equals(parameter.in())
            && (parameter.required() || random.nextBoolean())) {
          query.add(parameter.name() + "=" + encode(text(value(parameter.schema(), 0))));
        }
      }
      if (random.nextInt(20) == 0) {
        query.add(
            encode(anyString.next(random).value()) + "=" + encode(anyString.next(random).value()));
      }
      String target = path + (query.isEmpty() ? "" : "?" + String.join("&", query));
      if (target.length() > 6000) {
        // The container refuses a request line beyond 8 KiB itself, before the application.
        target =
            path.length() > 6000
                ? path.substring(0, 6000).replaceAll("%[0-9A-F]?$", "")
                : path.toString();
      }
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Accept", random.nextInt(20) == 0 ? "application/xml" : "application/json");
      if (random.nextBoolean()) {
        headers.put("Idempotency-Key", unknownId());
      }
      String body = null;
      String contentType = null;
      if (operation.body() != null || random.nextInt(10) == 0) {
        contentType = contentType(operation.bodyType());
        body = body(operation.body());
      }
      return new Call(user, method, target, contentType, body, headers);
    }

    private String contentType(String declared) {
      return switch (random.nextInt(14)) {
        case 0 -> "text/plain";
        case 1 -> "application/x-www-form-urlencoded";
        case 2 -> "application/xml";
        case 3 -> "application/json; charset=utf-16";
        default -> declared == null ? "application/json" : declared;
      };
    }

    private String body(JsonObject schema) {
      return switch (random.nextInt(12)) {
        case 0 -> anyString.next(random).value();
        case 1 -> "";
        case 2 -> "{\"" + anyString.next(random).value().replace("\"", "") + "\":{";
        case 3 -> "[".repeat(1 + random.nextInt(200));
        case 4 -> "null";
        default -> schema == null ? "{}" : value(schema, 0).toString();
      };
    }

    private String pathValue() {
      return switch (random.nextInt(8)) {
        case 0 -> unknownId();
        case 1 -> anyString.next(random).value();
        case 2 -> "0";
        default -> ids.isEmpty() ? unknownId() : pick(new ArrayList<>(ids));
      };
    }

    private <T> T pick(List<T> values) {
      return values.get(random.nextInt(values.size()));
    }

    private static String encode(String text) {
      return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String text(JsonValue value) {
      return value instanceof JsonString string ? string.getString() : value.toString();
    }

    private JsonObject resolve(JsonObject schema) {
      String ref = schema.getString("$ref", null);
      if (ref == null) {
        return schema;
      }
      String name = ref.substring(ref.lastIndexOf('/') + 1);
      JsonObject resolved =
          document.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
      return resolved == null ? JsonValue.EMPTY_JSON_OBJECT : resolved;
    }

    /**
     * A value for the schema: mostly fitting, sometimes at a boundary, sometimes anything at all.
     */
    JsonValue value(JsonObject raw, int depth) {
      int mutation = random.nextInt(14);
      if (mutation == 0) {
        return Json.createValue(anyString.next(random).value());
      }
      if (mutation == 1) {
        return JsonValue.NULL;
      }
      if (mutation == 2) {
        return Json.createValue(anyLong.next(random).value());
      }
      if (mutation == 3 && random.nextInt(4) == 0) {
        return Json.createValue(hugeString.next(random).value());
      }
      JsonObject schema = resolve(raw);
      JsonArray choices = schema.getJsonArray("enum");
      if (choices != null && !choices.isEmpty() && random.nextInt(5) != 0) {
        return choices.get(random.nextInt(choices.size()));
      }
      String type =
          schema.getString("type", schema.containsKey("properties") ? "object" : "string");
      String format = schema.getString("format", "");
      return switch (type) {
        case "object" -> object(schema, depth);
        case "array" -> {
          JsonArrayBuilder array = Json.createArrayBuilder();
          int n = random.nextInt(depth > 2 ? 2 : 5);
          JsonObject items =
              schema.getJsonObject("items") == null
                  ? JsonValue.EMPTY_JSON_OBJECT
                  : schema.getJsonObject("items");
          for (int i = 0; i < n; i++) {
            array.add(value(items, depth + 1));
          }
          yield array.build();
        }
        case "integer", "number" ->
            Json.createValue(
                switch (random.nextInt(6)) {
                  case 0 -> Integer.MAX_VALUE;
                  case 1 -> -1;
                  case 2 -> 0;
                  default -> random.nextInt(200);
                });
        case "boolean" -> random.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
        default -> Json.createValue(string(format));
      };
    }

    private JsonObject object(JsonObject schema, int depth) {
      JsonObjectBuilder object = Json.createObjectBuilder();
      JsonObject properties = schema.getJsonObject("properties");
      if (properties != null && depth < 4) {
        properties.forEach(
            (name, property) -> {
              if (random.nextInt(8) != 0) {
                object.add(name, value(property.asJsonObject(), depth + 1));
              }
            });
      }
      if (random.nextInt(10) == 0) {
        object.add(anyString.next(random).value(), value(JsonValue.EMPTY_JSON_OBJECT, depth + 1));
      }
      return object.build();
    }

    private String string(String format) {
      Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
      return switch (format) {
        case "uuid" ->
            ids.isEmpty() || random.nextInt(3) == 0 ? unknownId() : pick(new ArrayList<>(ids));
        case "date-time" -> now.plus(random.nextInt(2000) - 200, ChronoUnit.HOURS).toString();
        case "date" -> LocalDate.now().plusDays(random.nextInt(800) - 400).toString();
        default ->
            switch (random.nextInt(6)) {
              case 0 -> "";
              case 1 -> "Europe/Paris";
              case 2 -> "P1D";
              default -> anyString.next(random).value();
            };
      };
    }
  }
}
