package io.crossroads.platform.security;

import io.crossroads.platform.security.oidc.OidcSettings;
import io.crossroads.platform.security.oidc.OidcSignIn;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/** The portal's sign-in and sign-out: a form post, then a session cookie. */
public final class SessionServlets {

  private SessionServlets() {}

  /** Puts a signed-in person (and, in OIDC mode, the roles granted) into a fresh session. */
  public static void signIn(HttpSession session, Caller caller) {
    session.setAttribute(AuthenticationFilter.SESSION_PERSON, caller.id());
    session.setAttribute(AuthenticationFilter.SESSION_SIGNED_IN_AT, System.currentTimeMillis());
    grant(session, caller.roles());
  }

  /** In OIDC mode, the roles the identity provider grants now. */
  static void grant(HttpSession session, java.util.Set<Role> roles) {
    session.setAttribute(
        AuthenticationFilter.SESSION_ROLES,
        java.util.Set.copyOf(roles.stream().map(Enum::name).toList()));
  }

  @WebServlet(urlPatterns = "/login")
  public static class Login extends HttpServlet {
    @Inject Accounts accounts;
    @Inject OidcSettings oidc;
    @Inject TrustedProxies proxies;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.sendRedirect(
          request.getContextPath() + (oidc.enabled() ? "/oidc/login" : "/login.html"));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      if (oidc.enabled()) {
        // No passwords here in OIDC mode: the identity provider signs people in.
        response.sendRedirect(request.getContextPath() + "/oidc/login");
        return;
      }
      Accounts.SignIn result =
          accounts.signIn(
              request.getParameter("username"),
              request.getParameter("password"),
              proxies.clientAddress(request));
      if (result instanceof Accounts.SignIn.Throttled throttled) {
        AuthenticationFilter.tooManySignIns(request, response, throttled.retryAfter());
        return;
      }
      if (!(result instanceof Accounts.SignIn.SignedIn signed)) {
        response.sendRedirect(request.getContextPath() + "/login.html?failed");
        return;
      }
      HttpSession previous = request.getSession(false);
      if (previous != null) {
        previous.invalidate(); // a fresh session id on sign-in: no session fixation
      }
      signIn(request.getSession(true), signed.caller());
      response.setStatus(HttpServletResponse.SC_SEE_OTHER);
      response.setHeader("Location", request.getContextPath() + "/");
    }
  }

  @WebServlet(urlPatterns = "/logout")
  public static class Logout extends HttpServlet {
    @Inject OidcSettings oidc;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      HttpSession session = request.getSession(false);
      Object idToken = session == null ? null : session.getAttribute(OidcSignIn.ID_TOKEN);
      if (session != null) {
        session.invalidate();
      }
      String location = request.getContextPath() + "/login.html";
      if (oidc.enabled() && idToken != null) {
        // Signed out here, and at the identity provider, which then sends the browser back.
        String root = OidcSignIn.root(request);
        location =
            oidc.issuer()
                + "/protocol/openid-connect/logout?id_token_hint="
                + java.net.URLEncoder.encode(
                    (String) idToken, java.nio.charset.StandardCharsets.UTF_8)
                + "&post_logout_redirect_uri="
                + java.net.URLEncoder.encode(root + "/", java.nio.charset.StandardCharsets.UTF_8);
      }
      response.setStatus(HttpServletResponse.SC_SEE_OTHER);
      response.setHeader("Location", location);
    }
  }

  /** In OIDC mode the sign-in page is the identity provider's. */
  @jakarta.servlet.annotation.WebFilter(urlPatterns = "/login.html")
  public static class LoginPage extends jakarta.servlet.http.HttpFilter {
    @Inject OidcSettings oidc;

    @Override
    protected void doFilter(
        HttpServletRequest request, HttpServletResponse response, jakarta.servlet.FilterChain chain)
        throws IOException, jakarta.servlet.ServletException {
      if (oidc.enabled()
          && request.getParameter("failed") == null
          && request.getParameter("unknown") == null
          && request.getParameter(OidcSignIn.UNAVAILABLE) == null) {
        response.sendRedirect(request.getContextPath() + "/oidc/login");
        return;
      }
      chain.doFilter(request, response);
    }
  }
}
