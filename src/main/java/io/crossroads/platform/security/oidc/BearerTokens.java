package io.crossroads.platform.security.oidc;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.crossroads.platform.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks the tokens the identity provider issues: access tokens for the API (signature by the
 * issuer's published keys, issuer, audience, expiry, and that it is an access token at all), and ID
 * tokens at the end of the portal's sign-in (audience is the portal client, nonce matches).
 *
 * <p>The issuer's keys are fetched again every {@code crossroads.oidc.keys-refresh}. While the
 * issuer cannot be reached, the keys last fetched stay in use for up to {@link #KEYS_OUTAGE} after
 * they were fetched, so tokens already issued keep working until they expire; only when no keys are
 * known at all is a token answered as {@link Unavailable} rather than judged.
 */
@ApplicationScoped
public class BearerTokens {

  /**
   * Who a valid token speaks for: the issuer's account ({@code sub}, stable) and its user name at
   * the time (which the issuer may give to someone else later), and the realm roles it grants.
   */
  public record Token(String subject, String username, Set<Role> roles, JWTClaimsSet claims) {}

  /** A token that is not valid, with why, for the 401's detail. */
  public static final class Invalid extends Exception {
    Invalid(String message) {
      super(message);
    }
  }

  /** The issuer's keys cannot be fetched and none are known: the token cannot be judged. */
  public static final class Unavailable extends Exception {
    Unavailable(Throwable cause) {
      super("The identity provider's keys cannot be fetched", cause);
    }
  }

  /** How long after they were last fetched the keys stay in use while the issuer is away. */
  static final Duration KEYS_OUTAGE = Duration.ofDays(1);

  /** How long the threads that need the keys wait while one fetches them. */
  private static final Duration KEYS_FETCH_WAIT = Duration.ofSeconds(10);

  @Inject OidcSettings settings;

  private volatile JWKSource<SecurityContext> keys;

  /** The same for every access token, and safe to share once configured. */
  private volatile ConfigurableJWTProcessor<SecurityContext> accessTokens;

  /** How many verified access tokens are remembered at most; see {@link #presented}. */
  static final int MAX_REMEMBERED = 10_000;

  /** The longest access token looked at: larger than any issuer's, smaller than any flood. */
  static final int MAX_TOKEN_LENGTH = 8_192;

  /**
   * A signed token in its compact form, with nothing else: three base64url parts. The token
   * library's decoder skips other characters, so without this one token could be presented in many
   * spellings, each remembered apart.
   */
  private static final Pattern COMPACT =
      Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

  int maxRemembered = MAX_REMEMBERED;

  /**
   * Access tokens presented with API calls and found valid, by their {@link #digest} (the tokens
   * themselves are not kept), with until when each is taken as verified.
   */
  private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

  private record Remembered(Token token, Instant until) {}

  /**
   * An access token presented with an API call, as {@link #access} judges it, verified once and
   * then remembered for a while: a script calling many times with the same token pays for the
   * signature check and the parsing once in that time. Safe to remember because:
   *
   * <ul>
   *   <li>only a token found valid is remembered, by a digest of its header, its claims and the
   *       bytes of its signature (the last character of a signature's text may be spelled in
   *       several ways that decode to the same bytes), and only text in the compact form is looked
   *       at, so each token is remembered once however it is spelled;
   *   <li>it is remembered no longer than it is accepted (its expiry with the clock skew, and never
   *       longer than {@code token-max-age} after it was issued) and no longer than {@code
   *       keys-refresh} after it was verified: then it is verified again against the issuer's keys
   *       as they are, so a key the issuer withdraws stops counting here at most one {@code
   *       keys-refresh} later than it would without remembering;
   *   <li>who the token speaks for is still looked up on every call ({@code Accounts.bySubject}),
   *       so a person gone from the directory is refused at once;
   *   <li>at most {@link #MAX_REMEMBERED} tokens: once that many, those due again are dropped, and
   *       if none is, all are forgotten at once; a flood of tokens costs their own checks, never
   *       memory.
   * </ul>
   */
  public Token presented(String token) throws Invalid, Unavailable {
    if (token.length() > MAX_TOKEN_LENGTH || !COMPACT.matcher(token).matches()) {
      throw new Invalid("not a signed token in compact form");
    }
    Instant now = Instant.now();
    String digest;
    try {
      digest = digest(token);
    } catch (IllegalArgumentException notBase64url) {
      throw new Invalid("its signature is not base64url");
    }
    Remembered known = remembered.get(digest);
    if (known != null) {
      if (now.isBefore(known.until())) {
        return known.token();
      }
      remembered.remove(digest, known);
    }
    Token verified = access(token);
    Instant until = acceptedUntil(verified);
    Instant keysDue = now.plus(settings.keysRefresh());
    if (keysDue.isBefore(until)) {
      until = keysDue;
    }
    if (now.isBefore(until)) {
      if (remembered.size() >= maxRemembered) {
        remembered.values().removeIf(r -> !now.isBefore(r.until()));
        if (remembered.size() >= maxRemembered) {
          remembered.clear();
        }
      }
      remembered.put(digest, new Remembered(verified, until));
    }
    return verified;
  }

  /** How many tokens are remembered now. */
  int remembered() {
    return remembered.size();
  }

  /** Of the header and claims as sent and of the signature's bytes, as the check reads them. */
  private static String digest(String token) {
    int signature = token.lastIndexOf('.') + 1;
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(token.substring(0, signature).getBytes(StandardCharsets.US_ASCII));
      sha.update(Base64.getUrlDecoder().decode(token.substring(signature)));
      return Base64.getEncoder().encodeToString(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  public Token access(String token) throws Invalid, Unavailable {
    ConfigurableJWTProcessor<SecurityContext> processor = accessTokens;
    if (processor == null) {
      processor = processor(settings.audience(), "Bearer", null);
      accessTokens = processor;
    }
    Token verified = verify(token, processor);
    // Whatever lifetime the issuer gave it: a person disabled there or without a role any more
    // keeps nothing here for longer than this.
    Instant issued = verified.claims().getIssueTime().toInstant();
    Instant now = Instant.now();
    if (issued.isAfter(now.plus(settings.clockSkew()))) {
      throw new Invalid("it was issued in the future");
    }
    if (issued.plus(settings.tokenMaxAge()).isBefore(now)) {
      throw new Invalid(
          "it was issued more than "
              + settings.tokenMaxAge().toSeconds()
              + " seconds ago; get a new one from the identity provider");
    }
    return verified;
  }

  /**
   * Until when an access token is accepted: its expiry (with the allowed clock skew), and never
   * longer than {@code token-max-age} after it was issued.
   */
  public Instant acceptedUntil(Token token) {
    // In whole seconds, as the token library applies the skew to the expiry.
    Instant expires =
        token
            .claims()
            .getExpirationTime()
            .toInstant()
            .plusSeconds(settings.clockSkew().toSeconds());
    Instant aged = token.claims().getIssueTime().toInstant().plus(settings.tokenMaxAge());
    return expires.isBefore(aged) ? expires : aged;
  }

  public Token id(String token, String nonce) throws Invalid, Unavailable {
    return verify(token, processor(settings.clientId(), "ID", nonce));
  }

  private Token verify(String token, ConfigurableJWTProcessor<SecurityContext> processor)
      throws Invalid, Unavailable {
    try {
      JWTClaimsSet claims = processor.process(token, null);
      String username = claims.getStringClaim("preferred_username");
      if (username == null || username.isBlank()) {
        throw new Invalid("the token names no user (preferred_username)");
      }
      return new Token(
          claims.getSubject(),
          username.toLowerCase(java.util.Locale.ROOT),
          Set.copyOf(roles(claims)),
          claims);
    } catch (Invalid e) {
      throw e;
    } catch (Exception e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        // Not fetched, or not readable (a proxy's error page): the issuer is away, not the token
        // wrong. A refetch refused as too frequent (an unknown key id) is the token's doing.
        if (t instanceof JWKSetUnavailableException) {
          throw new Unavailable(e);
        }
      }
      throw new Invalid(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  /** EMPLOYEE always; LEADER and HR when the realm grants them. */
  static Set<Role> roles(JWTClaimsSet claims) throws java.text.ParseException {
    Map<String, Object> realmAccess = claims.getJSONObjectClaim("realm_access");
    return Role.only(
        realmAccess != null && realmAccess.get("roles") instanceof List<?> granted
            ? granted
            : List.of());
  }

  private ConfigurableJWTProcessor<SecurityContext> processor(
      String audience, String type, String nonce) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys()));
    JWTClaimsSet.Builder exact =
        new JWTClaimsSet.Builder().issuer(settings.issuer()).claim("typ", type);
    if (nonce != null) {
      exact.claim("nonce", nonce);
    }
    // Nimbus asks these sets whether they contain null: they must be sets that can answer that.
    DefaultJWTClaimsVerifier<SecurityContext> verifier =
        new DefaultJWTClaimsVerifier<>(
            new HashSet<>(List.of(audience)),
            exact.build(),
            new HashSet<>(List.of("sub", "exp", "iat", "preferred_username")),
            null);
    verifier.setMaxClockSkew((int) settings.clockSkew().toSeconds());
    processor.setJWTClaimsSetVerifier(verifier);
    return processor;
  }

  private JWKSource<SecurityContext> keys() {
    if (keys == null) {
      synchronized (this) {
        if (keys == null) {
          try {
            long refresh = settings.keysRefresh().toMillis();
            keys =
                JWKSourceBuilder.create(
                        URI.create(settings.issuer() + "/protocol/openid-connect/certs").toURL(),
                        new DefaultResourceRetriever(2000, 2000, 51_200))
                    .cache(refresh, KEYS_FETCH_WAIT.toMillis())
                    .refreshAheadCache(false)
                    // A token naming an unknown key makes a fetch: not more than one in this time.
                    .rateLimited(
                        Math.min(JWKSourceBuilder.DEFAULT_RATE_LIMIT_MIN_INTERVAL, refresh / 2))
                    .retrying(true)
                    .outageTolerant(KEYS_OUTAGE.toMillis())
                    .build();
          } catch (MalformedURLException e) {
            throw new IllegalStateException(
                "crossroads.oidc.issuer is not a URL: " + settings.issuer(), e);
          }
        }
      }
    }
    return keys;
  }
}
