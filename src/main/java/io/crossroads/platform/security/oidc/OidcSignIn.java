package io.crossroads.platform.security.oidc;

import io.crossroads.platform.security.Accounts;
import io.crossroads.platform.security.Caller;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The portal's sign-in in OIDC mode: the authorization-code flow with PKCE, state and nonce against
 * the issuer, then a session of our own; sign-out ends the session at the issuer too.
 */
public final class OidcSignIn {

  /** Session attributes of the flow in progress and of the signed-in person. */
  static final String STATE = "crossroads.oidc.state";

  static final String NONCE = "crossroads.oidc.nonce";
  static final String VERIFIER = "crossroads.oidc.verifier";
  public static final String ID_TOKEN = "crossroads.oidc.id-token";

  /** The sign-in page's parameter for "the identity provider cannot be reached". */
  public static final String UNAVAILABLE = "unavailable";

  private static final Logger LOG = Logger.getLogger(OidcSignIn.class.getName());

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private OidcSignIn() {}

  static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  static String query(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** Where the issuer sends the browser back: this service's own callback. */
  static String callback(HttpServletRequest request) {
    return root(request) + "/oidc/callback";
  }

  /** This service's root URL as the browser reached it. */
  public static String root(HttpServletRequest request) {
    String url = request.getRequestURL().toString();
    return url.substring(0, url.length() - request.getRequestURI().length())
        + request.getContextPath();
  }

  /** A form post to the issuer's token endpoint, as this service's confidential client. */
  static HttpResponse<String> tokenEndpoint(OidcSettings oidc, Map<String, String> form)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(oidc.issuer() + "/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(query(form)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Whether the issuer answers at all (its discovery document, within 3 s): a browser sent to an
   * issuer that does not would show only the browser's own error, or wait.
   */
  static boolean issuerAnswers(OidcSettings oidc) {
    try {
      HttpResponse<Void> answer =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(oidc.issuer() + "/.well-known/openid-configuration"))
                  .timeout(Duration.ofSeconds(3))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return answer.statusCode() == 200;
    } catch (IOException unreachable) {
      LOG.log(Level.WARNING, "The identity provider cannot be reached: " + unreachable);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The sign-in page, saying that the identity provider cannot be reached. */
  static void unavailable(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.sendRedirect(request.getContextPath() + "/login.html?" + UNAVAILABLE);
  }

  /** Starts the flow: a new pre-sign-in session holding state, nonce and PKCE verifier. */
  @WebServlet(urlPatterns = "/oidc/login")
  public static class Start extends HttpServlet {
    @Inject OidcSettings oidc;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      if (!oidc.enabled()) {
        response.sendRedirect(request.getContextPath() + "/login.html");
        return;
      }
      if (!issuerAnswers(oidc)) {
        unavailable(request, response);
        return;
      }
      HttpSession session = request.getSession(true);
      String state = random();
      String nonce = random();
      String verifier = random();
      session.setAttribute(STATE, state);
      session.setAttribute(NONCE, nonce);
      session.setAttribute(VERIFIER, verifier);
      Map<String, String> parameters = new LinkedHashMap<>();
      parameters.put("response_type", "code");
      parameters.put("client_id", oidc.clientId());
      parameters.put("redirect_uri", callback(request));
      parameters.put("scope", "openid profile email");
      parameters.put("state", state);
      parameters.put("nonce", nonce);
      parameters.put("code_challenge", challenge(verifier));
      parameters.put("code_challenge_method", "S256");
      response.sendRedirect(oidc.issuer() + "/protocol/openid-connect/auth?" + query(parameters));
    }
  }

  /** Ends the flow: checks state, trades the code for tokens, checks them, signs the person in. */
  @WebServlet(urlPatterns = "/oidc/callback")
  public static class Callback extends HttpServlet {
    @Inject OidcSettings oidc;
    @Inject BearerTokens tokens;
    @Inject Accounts accounts;
    @Inject OidcSessions sessions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      HttpSession pending = request.getSession(false);
      String state = request.getParameter("state");
      String code = request.getParameter("code");
      if (!oidc.enabled()
          || pending == null
          || state == null
          || code == null
          || !state.equals(pending.getAttribute(STATE))) {
        response.sendRedirect(request.getContextPath() + "/login.html?failed");
        return;
      }
      String nonce = (String) pending.getAttribute(NONCE);
      String verifier = (String) pending.getAttribute(VERIFIER);
      pending.invalidate(); // a fresh session id once signed in: no session fixation
      Map<String, String> form = new LinkedHashMap<>();
      form.put("grant_type", "authorization_code");
      form.put("code", code);
      form.put("redirect_uri", callback(request));
      form.put("client_id", oidc.clientId());
      form.put("client_secret", oidc.clientSecret());
      form.put("code_verifier", verifier);
      Optional<Caller> caller;
      String idToken;
      JsonObject granted;
      BearerTokens.Token access;
      try {
        HttpResponse<String> answer = tokenEndpoint(oidc, form);
        if (answer.statusCode() >= 500) {
          unavailable(request, response);
          return;
        }
        if (answer.statusCode() != 200) {
          response.sendRedirect(request.getContextPath() + "/login.html?failed");
          return;
        }
        granted = Json.createReader(new StringReader(answer.body())).readObject();
        idToken = granted.getString("id_token");
        tokens.id(idToken, nonce);
        access = tokens.access(granted.getString("access_token"));
        caller =
            accounts.bySubject(
                access.subject(), access.username(), access.roles(), oidc.linksOnFirstSignIn());
      } catch (IOException | BearerTokens.Unavailable unreachable) {
        LOG.log(Level.WARNING, "Sign-in not completed: the identity provider cannot be reached");
        unavailable(request, response);
        return;
      } catch (BearerTokens.Invalid | RuntimeException invalid) {
        response.sendRedirect(request.getContextPath() + "/login.html?failed");
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        unavailable(request, response);
        return;
      }
      if (caller.isEmpty()) {
        response.sendRedirect(request.getContextPath() + "/login.html?unknown");
        return;
      }
      HttpSession session = request.getSession(true);
      io.crossroads.platform.security.SessionServlets.signIn(session, caller.get());
      session.setAttribute(ID_TOKEN, idToken);
      sessions.remember(session, access, granted);
      response.sendRedirect(request.getContextPath() + "/");
    }
  }
}
