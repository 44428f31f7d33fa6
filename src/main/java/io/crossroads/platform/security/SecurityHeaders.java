package io.crossroads.platform.security;

import io.crossroads.platform.security.oidc.OidcSettings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Security headers on every response, the portal's pages, the API and errors alike. Mapped first in
 * web.xml, so even a 401 written by the authentication filter carries them.
 */
public class SecurityHeaders extends HttpFilter {

  /**
   * The portal loads only its own scripts and styles, and nobody may frame it. Forms post to the
   * portal only; in OIDC mode sign-in and sign-out continue at the identity provider, which a
   * browser counts as the form's target too.
   */
  static String contentSecurityPolicy(String formTargets) {
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        + " connect-src 'self'; object-src 'none'; base-uri 'self'; form-action "
        + formTargets
        + "; frame-ancestors 'none'";
  }

  @Inject OidcSettings oidc;
  @Inject TrustedProxies proxies;

  /** Secure cookies even where this instance cannot tell that the client used HTTPS. */
  @Inject
  @ConfigProperty(name = "crossroads.session.secure-cookie", defaultValue = "false")
  boolean alwaysSecure;

  private String policy;

  @Override
  public void init() {
    policy = contentSecurityPolicy(oidc.enabled() ? "'self' " + origin(oidc.issuer()) : "'self'");
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", policy);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    boolean https = proxies.https(request);
    if (https) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      // Answers are personal: no shared cache may keep them.
      response.setHeader("Cache-Control", "no-store");
    }
    if (!https && !alwaysSecure) {
      chain.doFilter(request, response);
      return;
    }
    chain.doFilter(request, new SecureCookies(response));
    secureCookies(response);
  }

  /** Marks the cookies before anything can send the headers: a redirect, an error, a flush. */
  private static final class SecureCookies extends HttpServletResponseWrapper {

    SecureCookies(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      secureCookies((HttpServletResponse) getResponse());
      super.sendRedirect(location);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      secureCookies((HttpServletResponse) getResponse());
      super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
      secureCookies((HttpServletResponse) getResponse());
      super.sendError(status);
    }

    @Override
    public void flushBuffer() throws IOException {
      secureCookies((HttpServletResponse) getResponse());
      super.flushBuffer();
    }
  }

  /**
   * The container writes the session cookie's header itself when a session starts (sign-in answers
   * are redirects, so it is still unsent here): over HTTPS every cookie gets {@code Secure}, so the
   * session never travels in clear text.
   */
  static void secureCookies(HttpServletResponse response) {
    if (response.isCommitted()) {
      return;
    }
    List<String> cookies = List.copyOf(response.getHeaders("Set-Cookie"));
    if (cookies.stream().allMatch(SecurityHeaders::isSecure)) {
      return;
    }
    for (int i = 0; i < cookies.size(); i++) {
      String cookie = isSecure(cookies.get(i)) ? cookies.get(i) : cookies.get(i) + "; Secure";
      if (i == 0) {
        response.setHeader("Set-Cookie", cookie);
      } else {
        response.addHeader("Set-Cookie", cookie);
      }
    }
  }

  private static boolean isSecure(String cookie) {
    return java.util.Arrays.stream(cookie.split(";"))
        .anyMatch(attribute -> attribute.trim().equalsIgnoreCase("Secure"));
  }

  private static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getAuthority();
  }
}
