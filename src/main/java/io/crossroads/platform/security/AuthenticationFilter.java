package io.crossroads.platform.security;

import io.crossroads.platform.problem.Problem;
import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Problems;
import io.crossroads.platform.security.oidc.BearerTokens;
import io.crossroads.platform.security.oidc.OidcSessions;
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
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs the caller in for every API call: HTTP Basic for scripts, the session cookie for the
 * portal. Anything else is a 401 problem, written here so no container error page can answer.
 */
@WebFilter(urlPatterns = "/api/*")
public class AuthenticationFilter extends HttpFilter {

  static final String SESSION_PERSON = "crossroads.person";

  /** In OIDC mode, the realm roles granted at sign-in. */
  static final String SESSION_ROLES = "crossroads.roles";

  /** When the session was signed in (epoch milliseconds): sessions have an absolute lifetime. */
  static final String SESSION_SIGNED_IN_AT = "crossroads.signed-in-at";

  /** Browsers cannot add this header to a cross-site form post, which is what CSRF relies on. */
  static final String CSRF_HEADER = "X-Requested-With";

  private static final Logger LOG = Logger.getLogger(AuthenticationFilter.class.getName());

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Inject Accounts accounts;
  @Inject OidcSettings oidc;
  @Inject BearerTokens tokens;
  @Inject TrustedProxies proxies;
  @Inject OidcSessions oidcSessions;

  /** However active a session is, it ends this long after sign-in. */
  @Inject
  @ConfigProperty(name = "crossroads.session.max-lifetime", defaultValue = "PT10H")
  Duration maxLifetime;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    boolean[] passedOn = {false};
    try {
      authenticate(
          request,
          response,
          (signedIn, sameResponse) -> {
            passedOn[0] = true;
            chain.doFilter(signedIn, sameResponse);
          });
    } catch (RuntimeException failed) {
      if (passedOn[0] || response.isCommitted()) {
        throw failed;
      }
      // Who is calling could not be looked up (the database away, say): answered like any failure
      // of an operation, rather than left to the container, which would log each one in full.
      write(response, Problems.from(failed), request);
    }
  }

  private void authenticate(
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
        token = tokens.presented(authorization.substring(7).trim());
      } catch (BearerTokens.Invalid invalid) {
        // Why, in the token library's words, is for the log: the caller learns only that it is not.
        LOG.log(Level.FINE, "Access token refused", invalid);
        unauthenticated(
            request,
            response,
            "The access token is not valid. Sign in again at the company's identity provider.");
        return;
      } catch (BearerTokens.Unavailable unavailable) {
        // Only while no keys were ever fetched: once known, they outlast an outage.
        LOG.log(Level.WARNING, "Access token not checked: " + unavailable.getCause().getMessage());
        write(
            response,
            Problem.of(
                ProblemType.IDENTITY_PROVIDER_UNAVAILABLE,
                "The identity provider cannot be reached to check the access token; try again in"
                    + " a moment."),
            request);
        return;
      }
      Optional<Caller> caller =
          accounts.bySubject(
              token.subject(), token.username(), token.roles(), oidc.linksOnFirstSignIn());
      if (caller.isEmpty()) {
        // The same answer whether the account is new, reissued a user name or gone from the
        // directory: it tells nothing about who else is or was there.
        write(
            response,
            Problem.of(
                ProblemType.NOT_IN_DIRECTORY,
                "This account is not in the directory (yet); HR syncs the directory from the"
                    + " identity provider."),
            request);
        return;
      }
      chain.doFilter(signedIn(request, caller.get(), "BEARER"), response);
      return;
    }
    if (!oidc.enabled()
        && authorization != null
        && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      Accounts.SignIn result = basic(authorization.substring(6).trim(), request);
      if (result instanceof Accounts.SignIn.Throttled throttled) {
        tooManySignIns(request, response, throttled.retryAfter());
        return;
      }
      if (!(result instanceof Accounts.SignIn.SignedIn signed)) {
        unauthenticated(request, response, "The user name or password is wrong.");
        return;
      }
      chain.doFilter(signedIn(request, signed.caller(), HttpServletRequest.BASIC_AUTH), response);
      return;
    }
    HttpSession session = request.getSession(false);
    Object personId = session == null ? null : session.getAttribute(SESSION_PERSON);
    if (personId instanceof UUID id) {
      Optional<Caller> caller = over(session) ? Optional.empty() : accounts.find(id);
      if (oidc.enabled() && caller.isPresent()) {
        OidcSessions.Check check = oidcSessions.recheck(session);
        switch (check.status()) {
          case ENDED -> caller = Optional.empty();
          case RENEWED -> SessionServlets.grant(session, check.roles());
          case UNAVAILABLE -> {
            write(
                response,
                Problem.of(
                    ProblemType.IDENTITY_PROVIDER_UNAVAILABLE,
                    "Your session cannot be checked with the identity provider right now; try"
                        + " again in a moment."),
                request);
            return;
          }
          case CURRENT -> {}
        }
      }
      if (oidc.enabled() && caller.isPresent()) {
        // Roles come from the identity provider, as granted at sign-in or at the last re-check.
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

  /**
   * Whether the session has outlived its absolute lifetime (elapsed time, like the idle timeout).
   */
  private boolean over(HttpSession session) {
    return !(session.getAttribute(SESSION_SIGNED_IN_AT) instanceof Long at)
        || at + maxLifetime.toMillis() < System.currentTimeMillis();
  }

  private Accounts.SignIn basic(String encoded, HttpServletRequest request) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return new Accounts.SignIn.Refused();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return new Accounts.SignIn.Refused();
    }
    return accounts.signIn(
        decoded.substring(0, colon), decoded.substring(colon + 1), proxies.clientAddress(request));
  }

  private void unauthenticated(
      HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
    if (oidc.enabled()) {
      if (request.getHeader(CSRF_HEADER) == null) {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"Crossroads\"");
      }
    } else if (!fromBrowser(request)) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Crossroads\"");
    }
    write(response, Problem.of(ProblemType.UNAUTHENTICATED, detail), request);
  }

  /**
   * A browser answered with a Basic challenge asks for a password and then sends it with every
   * request to this site, cross-site forms included, so only clients that are plainly not a browser
   * get one (scripts that send their credentials first, as {@code curl -u} does, need none). Every
   * browser sends a {@code Mozilla/} user agent; current ones also send {@code Sec-Fetch-Mode}.
   */
  static boolean fromBrowser(HttpServletRequest request) {
    String agent = request.getHeader("User-Agent");
    String accept = request.getHeader("Accept");
    return request.getHeader("Sec-Fetch-Mode") != null
        || request.getHeader(CSRF_HEADER) != null
        || (agent != null && agent.contains("Mozilla/"))
        || (accept != null && accept.contains("text/html"));
  }

  /** Too many failed sign-ins: a 429 problem that says when to try again, and nothing more. */
  static void tooManySignIns(
      HttpServletRequest request, HttpServletResponse response, Duration retryAfter)
      throws IOException {
    long seconds = Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
    response.setHeader("Retry-After", Long.toString(seconds));
    write(
        response,
        Problem.of(
            ProblemType.RATE_LIMITED,
            "Too many failed sign-ins for this user name or from this address."
                + " Try again in "
                + seconds
                + " seconds."),
        request);
  }

  static void write(HttpServletResponse response, Problem problem, HttpServletRequest request)
      throws IOException {
    Problems.write(response, problem.at(request.getRequestURI()));
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
