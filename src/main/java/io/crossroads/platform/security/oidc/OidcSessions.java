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
 *
 * <p>While the issuer cannot be asked, the session goes on as its last access token would as a
 * bearer token: until that token's expiry (at most {@code token-max-age} after it was issued).
 * After that, no access until the issuer answers again; the session is kept.
 */
@ApplicationScoped
public class OidcSessions {

  static final String SUBJECT = "crossroads.oidc.subject";
  static final String REFRESH_TOKEN = "crossroads.oidc.refresh-token";

  /** When the issuer is next asked (epoch milliseconds). */
  static final String NEXT_CHECK_AT = "crossroads.oidc.next-check-at";

  /** Until when the session's last access token would be accepted (epoch milliseconds). */
  static final String TOKEN_VALID_UNTIL = "crossroads.oidc.token-valid-until";

  /** What the re-check found. */
  public enum Status {
    /** Checked within the interval, or the issuer away while the last token holds: roles hold. */
    CURRENT,
    /** Checked again just now: the roles given are the ones granted now. */
    RENEWED,
    /** The issuer no longer stands behind the session: it ends. */
    ENDED,
    /** The issuer could not be asked, and the last token has expired: no access until it can. */
    UNAVAILABLE
  }

  public record Check(Status status, Set<Role> roles) {}

  @Inject OidcSettings settings;
  @Inject BearerTokens tokens;

  /** Keeps what the re-check needs in a freshly signed-in session. */
  void remember(HttpSession session, BearerTokens.Token access, JsonObject granted) {
    session.setAttribute(SUBJECT, access.subject());
    session.setAttribute(REFRESH_TOKEN, granted.getString("refresh_token", ""));
    checked(session, access);
  }

  private void checked(HttpSession session, BearerTokens.Token access) {
    Instant now = Instant.now();
    session.setAttribute(NEXT_CHECK_AT, now.plus(settings.recheckInterval()).toEpochMilli());
    session.setAttribute(TOKEN_VALID_UNTIL, tokens.acceptedUntil(access).toEpochMilli());
  }

  public Check recheck(HttpSession session) {
    Object nextCheckAt = session.getAttribute(NEXT_CHECK_AT);
    Object subject = session.getAttribute(SUBJECT);
    Object refreshToken = session.getAttribute(REFRESH_TOKEN);
    if (!(nextCheckAt instanceof Long next)
        || !(subject instanceof String sub)
        || !(refreshToken instanceof String refresh)
        || refresh.isEmpty()) {
      return new Check(Status.ENDED, Set.of());
    }
    // Elapsed time, not the application's clock: like the container's idle timeout.
    Instant now = Instant.now();
    if (now.isBefore(Instant.ofEpochMilli(next))) {
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
      return unavailable(session, now);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return unavailable(session, now);
    }
    if (answer.statusCode() == 400 || answer.statusCode() == 401) {
      // invalid_grant: disabled, signed out or expired there; the refresh token is no longer good.
      return new Check(Status.ENDED, Set.of());
    }
    if (answer.statusCode() != 200) {
      return unavailable(session, now);
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
      checked(session, access);
      return new Check(Status.RENEWED, access.roles());
    } catch (BearerTokens.Unavailable unavailable) {
      return unavailable(session, now);
    } catch (BearerTokens.Invalid | RuntimeException invalid) {
      return new Check(Status.ENDED, Set.of());
    }
  }

  /**
   * The issuer did not answer: the session holds while its last access token would, and the issuer
   * is asked again after the interval or when that token runs out, whichever comes first.
   */
  private Check unavailable(HttpSession session, Instant now) {
    Instant validUntil =
        session.getAttribute(TOKEN_VALID_UNTIL) instanceof Long until
            ? Instant.ofEpochMilli(until)
            : Instant.EPOCH;
    if (!now.isBefore(validUntil)) {
      return new Check(Status.UNAVAILABLE, Set.of());
    }
    Instant next = now.plus(settings.recheckInterval());
    session.setAttribute(
        NEXT_CHECK_AT, (next.isBefore(validUntil) ? next : validUntil).toEpochMilli());
    return new Check(Status.CURRENT, Set.of());
  }
}
