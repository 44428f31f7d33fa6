package io.crossroads.platform.security.oidc;

import io.crossroads.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A portal session in OIDC mode stays tied to the session at the issuer: every {@code
 * crossroads.oidc.recheck-interval} the session's refresh token is traded for new tokens. The
 * issuer refuses that for someone disabled, signed out or removed there, and the new access token
 * carries the roles granted now; so the person here loses access, or a role, within that interval,
 * without waiting for a directory sync.
 */
@ApplicationScoped
public class OidcSessions {

  static final String SUBJECT = "crossroads.oidc.subject";
  static final String REFRESH_TOKEN = "crossroads.oidc.refresh-token";
  static final String CHECKED_AT = "crossroads.oidc.checked-at";

  /** What the re-check found. */
  public enum Status {
    /** Checked within the interval: the roles in the session hold. */
    CURRENT,
    /** Checked again just now: the roles given are the ones granted now. */
    RENEWED,
    /** The issuer no longer stands behind the session: it ends. */
    ENDED,
    /** The issuer could not be asked: no access until it can. */
    UNAVAILABLE
  }

  public record Check(Status status, Set<Role> roles) {}

  @Inject OidcSettings settings;
  @Inject BearerTokens tokens;

  /** Keeps what the re-check needs in a freshly signed-in session. */
  static void remember(HttpSession session, String subject, JsonObject granted) {
    session.setAttribute(SUBJECT, subject);
    session.setAttribute(REFRESH_TOKEN, granted.getString("refresh_token", ""));
    session.setAttribute(CHECKED_AT, Instant.now().toEpochMilli());
  }

  public Check recheck(HttpSession session) {
    Object checkedAt = session.getAttribute(CHECKED_AT);
    Object subject = session.getAttribute(SUBJECT);
    Object refreshToken = session.getAttribute(REFRESH_TOKEN);
    if (!(checkedAt instanceof Long at)
        || !(subject instanceof String sub)
        || !(refreshToken instanceof String refresh)
        || refresh.isEmpty()) {
      return new Check(Status.ENDED, Set.of());
    }
    // Elapsed time, not the application's clock: like the container's idle timeout.
    if (Instant.ofEpochMilli(at).plus(settings.recheckInterval()).isAfter(Instant.now())) {
      return new Check(Status.CURRENT, Set.of());
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refresh);
    form.put("client_id", settings.clientId());
    form.put("client_secret", settings.clientSecret());
    HttpResponse<String> answer;
    try {
      answer = OidcSignIn.tokenEndpoint(settings, form);
    } catch (IOException unreachable) {
      return new Check(Status.UNAVAILABLE, Set.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Check(Status.UNAVAILABLE, Set.of());
    }
    if (answer.statusCode() == 400 || answer.statusCode() == 401) {
      // invalid_grant: disabled, signed out or expired there; the refresh token is no longer good.
      return new Check(Status.ENDED, Set.of());
    }
    if (answer.statusCode() != 200) {
      return new Check(Status.UNAVAILABLE, Set.of());
    }
    try {
      JsonObject granted = Json.createReader(new StringReader(answer.body())).readObject();
      BearerTokens.Token access = tokens.access(granted.getString("access_token"));
      if (!sub.equals(access.subject())) {
        return new Check(Status.ENDED, Set.of());
      }
      session.setAttribute(REFRESH_TOKEN, granted.getString("refresh_token", refresh));
      if (granted.containsKey("id_token")) {
        session.setAttribute(OidcSignIn.ID_TOKEN, granted.getString("id_token"));
      }
      session.setAttribute(CHECKED_AT, Instant.now().toEpochMilli());
      return new Check(Status.RENEWED, access.roles());
    } catch (BearerTokens.Invalid | RuntimeException invalid) {
      return new Check(Status.ENDED, Set.of());
    }
  }
}
