package io.crossroads.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A small black-box HTTP client for the API: Basic auth as a demo user, JSON in and out. */
public final class Api {

  public static final String PASSWORD = "demo";

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** {@code base} is the application's root, e.g. http://127.0.0.1:8080/crossroads/. */
  public Api(URL base) {
    this(URI.create(base.toString().endsWith("/") ? base.toString() : base + "/"));
  }

  public Api(URI base) {
    this.base = base;
  }

  public URI base() {
    return base;
  }

  /** The server's root, where /health, /metrics and /openapi live. */
  public URI server() {
    return base.resolve("/");
  }

  /** The server's {@code /metrics}, in Prometheus' text format, asked for without signing in. */
  public Reply metrics() {
    return send(
        null,
        "GET",
        server().resolve("metrics").toString(),
        null,
        null,
        Map.of("Accept", "text/plain"));
  }

  public Reply get(String user, String path) {
    return send(user, "GET", path, null, "application/json", Map.of());
  }

  public Reply post(String user, String path, String json) {
    return send(user, "POST", path, json, "application/json", Map.of());
  }

  public Reply put(String user, String path, String json) {
    return send(user, "PUT", path, json, "application/json", Map.of());
  }

  public Reply send(
      String user,
      String method,
      String path,
      String body,
      String contentType,
      Map<String, String> headers) {
    URI uri = path.startsWith("http") ? URI.create(path) : base.resolve(path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null && contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (user != null) {
      request.header("Authorization", basic(user, PASSWORD));
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A GET whose answer is kept as bytes, for what is not text (a PDF). */
  public HttpResponse<byte[]> download(String user, String path) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", basic(user, PASSWORD))
            .GET()
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Builds a JSON object from name/value pairs; values may be strings, numbers, booleans, lists.
   */
  public static String json(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return Json.createObjectBuilder(map).build().toString();
  }

  /** An HTTP response with its body kept as text. */
  public record Reply(HttpResponse<String> response) {

    public int status() {
      return response.statusCode();
    }

    public String body() {
      return response.body();
    }

    public Optional<String> header(String name) {
      return response.headers().firstValue(name);
    }

    public String contentType() {
      return header("Content-Type").orElse("");
    }

    public JsonObject json() {
      return Json.createReader(new StringReader(body())).readObject();
    }

    public JsonArray array() {
      return Json.createReader(new StringReader(body())).readArray();
    }

    public JsonArray items() {
      return json().getJsonArray("items");
    }

    public String string(String name) {
      JsonValue value = json().get(name);
      return value == null || value == JsonValue.NULL ? null : json().getString(name);
    }

    @Override
    public String toString() {
      return status() + " " + body();
    }
  }
}
