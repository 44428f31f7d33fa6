package io.crossroads.platform.security;

import io.crossroads.platform.problem.Problem;
import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.security.oidc.BearerTokens;
import io.crossroads.platform.security.oidc.OidcSettings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Signs the caller in for every API call: HTTP Basic for scripts, the session cookie for the
 * portal. Anything else is a 401 problem, written here so no container error page can answer.
 */
@WebFilter(urlPatterns = "/api/*")
public class AuthenticationFilter extends HttpFilter {

  static final String SESSION_PERSON = "crossroads.person";

  /** In OIDC mode, the realm roles granted at sign-in. */
  static final String SESSION_ROLES = "crossroads.roles";

  /** Browsers cannot add this header to a cross-site form post, which is what CSRF relies on. */
  static final String CSRF_HEADER = "X-Requested-With";

  private static final Logger LOG = Logger.getLogger(AuthenticationFilter.class.getName());

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Inject Accounts accounts;
  @Inject OidcSettings oidc;
  @Inject BearerTokens tokens;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String authorization = request.getHeader("Authorization");
    if (oidc.enabled() && authorization != null) {
      if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
        unauthenticated(
            request,
            response,
            "Send an access token from the company's identity provider"
                + " as Authorization: Bearer; user names and passwords are not accepted here.");
        return;
      }
      BearerTokens.Token token;
      try {
        token = tokens.access(authorization.substring(7).trim());
      } catch (BearerTokens.Invalid invalid) {
        // Why, in the token library's words, is for the log: the caller learns only that it is not.
        LOG.log(Level.FINE, "Access token refused", invalid);
        unauthenticated(
            request,
            response,
            "The access token is not valid. Sign in again at the company's identity provider.");
        return;
      }
      Optional<Caller> caller = accounts.byUsername(token.username(), token.roles());
      if (caller.isEmpty()) {
        write(
            response,
            Problem.of(
                ProblemType.FORBIDDEN,
                token.username()
                    + " is not in the directory yet; HR syncs it from the identity provider."),
            request);
        return;
      }
      chain.doFilter(signedIn(request, caller.get(), "BEARER"), response);
      return;
    }
    if (!oidc.enabled()
        && authorization != null
        && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      Optional<Caller> caller = basic(authorization.substring(6).trim());
      if (caller.isEmpty()) {
        unauthenticated(request, response, "The user name or password is wrong.");
        return;
      }
      chain.doFilter(signedIn(request, caller.get(), HttpServletRequest.BASIC_AUTH), response);
      return;
    }
    HttpSession session = request.getSession(false);
    Object personId = session == null ? null : session.getAttribute(SESSION_PERSON);
    if (personId instanceof UUID id) {
      Optional<Caller> caller = accounts.find(id);
      if (oidc.enabled() && caller.isPresent()) {
        // Roles come from the identity provider, as granted at sign-in.
        Object roles = session.getAttribute(SESSION_ROLES);
        caller =
            Optional.of(
                new Caller(
                    caller.get().id(),
                    caller.get().username(),
                    roles instanceof java.util.Set<?> granted
                        ? Role.only(granted)
                        : java.util.Set.of(Role.EMPLOYEE)));
      }
      if (caller.isEmpty()) {
        session.invalidate();
        unauthenticated(request, response, "Your session has ended. Sign in again.");
        return;
      }
      if (!SAFE_METHODS.contains(request.getMethod()) && request.getHeader(CSRF_HEADER) == null) {
        write(
            response,
            Problem.of(
                ProblemType.FORBIDDEN,
                "Changes from the portal must carry the " + CSRF_HEADER + " header."),
            request);
        return;
      }
      chain.doFilter(signedIn(request, caller.get(), HttpServletRequest.FORM_AUTH), response);
      return;
    }
    unauthenticated(
        request,
        response,
        oidc.enabled()
            ? "Sign in through the company's identity provider."
            : "Sign in with your user name and password.");
  }

  private Optional<Caller> basic(String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    return accounts.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  private void unauthenticated(
      HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
    // Only scripts get the Basic challenge: in a browser it would pop up a native dialog.
    if (request.getHeader(CSRF_HEADER) == null) {
      response.setHeader(
          "WWW-Authenticate",
          oidc.enabled() ? "Bearer realm=\"Crossroads\"" : "Basic realm=\"Crossroads\"");
    }
    write(response, Problem.of(ProblemType.UNAUTHENTICATED, detail), request);
  }

  static void write(HttpServletResponse response, Problem problem, HttpServletRequest request)
      throws IOException {
    response.setStatus(problem.status());
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(problem.at(request.getRequestURI()).toJson());
  }

  private static HttpServletRequest signedIn(
      HttpServletRequest request, Caller caller, String authType) {
    request.setAttribute(Caller.ATTRIBUTE, caller);
    Principal principal = caller::username;
    return new HttpServletRequestWrapper(request) {
      @Override
      public Principal getUserPrincipal() {
        return principal;
      }

      @Override
      public String getRemoteUser() {
        return caller.username();
      }

      @Override
      public String getAuthType() {
        return authType;
      }

      @Override
      public boolean isUserInRole(String role) {
        return caller.roles().stream().anyMatch(r -> r.name().equals(role));
      }
    };
  }
}
