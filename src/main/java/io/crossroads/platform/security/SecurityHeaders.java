package io.crossroads.platform.security;

import io.crossroads.platform.security.oidc.OidcSettings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;

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
    if (request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"))) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      // Answers are personal: no shared cache may keep them.
      response.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(request, response);
  }

  private static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getAuthority();
  }
}
