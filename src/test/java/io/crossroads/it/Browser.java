package io.crossroads.it;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows nothing by itself and keeps cookies by hand: Keycloak marks its cookies Secure even on
 * plain HTTP, which the JDK's cookie manager would then never send back.
 */
final class Browser {
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final Map<String, Map<String, String>> cookies = new HashMap<>();

  /**
   * Signs in on the identity provider's login page an authorization request leads to: its answer to
   * the password, a redirect back to the client on success (its {@code Location} holds the code),
   * the page again with an error otherwise.
   */
  HttpResponse<String> signIn(String authorize, String username, String password) throws Exception {
    HttpResponse<String> page = get(authorize);
    Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(page.body());
    if (page.statusCode() != 200 || !action.find()) {
      throw new IllegalStateException("no login form at " + authorize + ": " + page.statusCode());
    }
    return post(
        action.group(1).replace("&amp;", "&"),
        "username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8));
  }

  /** Signs in to the portal through the identity provider; the portal's session cookie is kept. */
  void signInToPortal(URI portal, String username, String password) throws Exception {
    HttpResponse<String> start = get(portal.resolve("oidc/login").toString());
    HttpResponse<String> signedIn =
        signIn(start.headers().firstValue("Location").orElseThrow(), username, password);
    if (signedIn.statusCode() != 302) {
      throw new IllegalStateException(username + " could not sign in: " + signedIn.statusCode());
    }
    HttpResponse<String> home = get(signedIn.headers().firstValue("Location").orElseThrow());
    if (home.statusCode() != 302
        || !home.headers().firstValue("Location").orElseThrow().endsWith("/")) {
      throw new IllegalStateException(username + " was not let in: " + home.headers().map());
    }
  }

  HttpResponse<String> get(String url) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  HttpResponse<String> post(String url, String form) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    URI uri = request.build().uri();
    Map<String, String> jar =
        cookies.computeIfAbsent(uri.getHost() + ":" + uri.getPort(), k -> new HashMap<>());
    if (!jar.isEmpty()) {
      request.header(
          "Cookie",
          String.join(
              "; ", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    for (String set : response.headers().allValues("Set-Cookie")) {
      String pair = set.split(";", 2)[0];
      int eq = pair.indexOf('=');
      if (eq > 0) {
        jar.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
    }
    return response;
  }
}
