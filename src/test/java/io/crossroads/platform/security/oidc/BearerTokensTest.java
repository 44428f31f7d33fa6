package io.crossroads.platform.security.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.crossroads.platform.security.Role;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Access tokens against an issuer whose published keys are served here, and then not: keys once
 * fetched outlast an outage of the issuer, and a token that cannot be judged is not called invalid.
 */
class BearerTokensTest {

  static final Duration KEYS_REFRESH = Duration.ofSeconds(1);

  RSAKey key;
  HttpServer issuer;
  final AtomicBoolean away = new AtomicBoolean();
  final AtomicInteger fetches = new AtomicInteger();
  final java.util.concurrent.atomic.AtomicReference<byte[]> published =
      new java.util.concurrent.atomic.AtomicReference<>();
  OidcSettings settings;
  BearerTokens tokens;

  @BeforeEach
  void start() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("current").generate();
    published.set(new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8));
    issuer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    issuer.createContext(
        "/realms/crossroads/protocol/openid-connect/certs",
        exchange -> {
          fetches.incrementAndGet();
          if (away.get()) {
            exchange.sendResponseHeaders(503, -1);
          } else {
            byte[] keys = published.get();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            exchange.getResponseBody().write(keys);
          }
          exchange.close();
        });
    issuer.start();
    settings = new OidcSettings();
    settings.issuer = Optional.of(issuerUrl());
    settings.clientId = "crossroads-portal";
    settings.clientSecret = Optional.empty();
    settings.audience = "crossroads-api";
    settings.clockSkew = Duration.ofSeconds(1);
    settings.recheckInterval = Duration.ofMinutes(1);
    settings.tokenMaxAge = Duration.ofMinutes(5);
    settings.keysRefresh = KEYS_REFRESH;
    settings.keycloakUrl = Optional.empty();
    tokens = new BearerTokens();
    tokens.settings = settings;
  }

  @AfterEach
  void stop() {
    issuer.stop(0);
  }

  String issuerUrl() {
    return "http://127.0.0.1:" + issuer.getAddress().getPort() + "/realms/crossroads";
  }

  String token(RSAKey signer, Instant issued, Instant expires) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(signer.getKeyID())
                .build(),
            new JWTClaimsSet.Builder()
                .issuer(issuerUrl())
                .subject("2c1f0e7e-0d7e-4b8a-9d7e-5a4b3c2d1e0f")
                .audience("crossroads-api")
                .claim("typ", "Bearer")
                .claim("preferred_username", "Ava")
                .claim("realm_access", Map.of("roles", List.of("LEADER", "offline_access")))
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(expires))
                .build());
    jwt.sign(new RSASSASigner(signer));
    return jwt.serialize();
  }

  String token() throws Exception {
    Instant now = Instant.now();
    return token(key, now, now.plus(Duration.ofMinutes(5)));
  }

  @Test
  void aTokenIssuedBeforeTheIssuerWentAwayKeepsWorkingAfterItsKeysWereDueAgain() throws Exception {
    String token = token();
    assertThat(tokens.access(token).username()).isEqualTo("ava");
    int before = fetches.get();

    away.set(true);
    // Throughout three refresh intervals: the keys were asked for again, and not given.
    await("the token accepted while the issuer is away")
        .during(KEYS_REFRESH.multipliedBy(3))
        .atMost(KEYS_REFRESH.multipliedBy(6))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> tokens.access(token).subject() != null);
    assertThat(fetches.get()).as("fetches while away").isGreaterThan(before);

    // A token signed by a key the issuer never published is refused, not waited for.
    RSAKey forger = new RSAKeyGenerator(2048).keyID("forged").generate();
    Instant now = Instant.now();
    String forged = token(forger, now, now.plusSeconds(60));
    assertThatThrownBy(() -> tokens.access(forged)).isInstanceOf(BearerTokens.Invalid.class);
  }

  @Test
  void withoutAnyKeysFetchedATokenCannotBeJudgedRatherThanIsRefused() throws Exception {
    away.set(true);
    String token = token();

    assertThatThrownBy(() -> tokens.access(token))
        .isInstanceOf(BearerTokens.Unavailable.class)
        .hasMessageNotContaining("127.0.0.1");
    away.set(false);
    assertThat(tokens.access(token).roles()).extracting(Enum::name).contains("LEADER");
  }

  @Test
  void anIssuerThatCannotBeReachedAtAllIsUnavailableToo() throws Exception {
    String token = token();
    issuer.stop(0);

    assertThatThrownBy(() -> tokens.access(token)).isInstanceOf(BearerTokens.Unavailable.class);
  }

  @Test
  void aTokenSignedByAnUnknownKeyIsInvalidWhileTheIssuerAnswers() throws Exception {
    RSAKey forger = new RSAKeyGenerator(2048).keyID("forged").generate();
    Instant now = Instant.now();

    assertThatThrownBy(() -> tokens.access(token(forger, now, now.plusSeconds(60))))
        .isInstanceOf(BearerTokens.Invalid.class);
  }

  @Test
  void aTokenIsAcceptedUntilItsExpiryButNeverLongerThanTheMaximumAge() throws Exception {
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    BearerTokens.Token shortLived = tokens.access(token(key, now, now.plusSeconds(60)));
    BearerTokens.Token longLived = tokens.access(token(key, now, now.plus(Duration.ofHours(8))));

    assertThat(tokens.acceptedUntil(shortLived)).isEqualTo(now.plusSeconds(61));
    assertThat(tokens.acceptedUntil(longLived)).isEqualTo(now.plus(Duration.ofMinutes(5)));
  }

  @Test
  void aPresentedTokenIsRememberedOnlyUntilItsExpiryWithTheClockSkew() throws Exception {
    settings.keysRefresh = Duration.ofHours(1);
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    String token = token(key, now, now.plusSeconds(2));
    Instant acceptedUntil = now.plusSeconds(3);

    assertThat(tokens.presented(token).username()).isEqualTo("ava");
    assertThat(tokens.presented(token).username()).isEqualTo("ava");
    assertThat(tokens.remembered()).isEqualTo(1);

    awaitPast(acceptedUntil);
    assertThatThrownBy(() -> tokens.presented(token)).isInstanceOf(BearerTokens.Invalid.class);
  }

  @Test
  void aPresentedTokenIsRememberedNeverLongerThanTheMaximumAge() throws Exception {
    settings.tokenMaxAge = Duration.ofSeconds(2);
    settings.keysRefresh = Duration.ofHours(1);
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    String token = token(key, now, now.plus(Duration.ofHours(1)));

    assertThat(tokens.presented(token).username()).isEqualTo("ava");

    awaitPast(now.plusSeconds(2));
    assertThatThrownBy(() -> tokens.presented(token)).isInstanceOf(BearerTokens.Invalid.class);
  }

  @Test
  void aRememberedTokenStopsCountingOnceTheIssuerWithdrawsItsKey() throws Exception {
    String token = token();
    assertThat(tokens.presented(token).username()).isEqualTo("ava");

    RSAKey next = new RSAKeyGenerator(2048).keyID("next").generate();
    published.set(new JWKSet(next.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8));

    await("the token refused once its key is withdrawn")
        .atMost(KEYS_REFRESH.multipliedBy(6))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> refused(token));
  }

  @Test
  void aTokenIssuedInTheFutureIsRefused() throws Exception {
    Instant later = Instant.now().plus(Duration.ofHours(1));

    assertThatThrownBy(() -> tokens.presented(token(key, later, later.plus(Duration.ofDays(365)))))
        .isInstanceOf(BearerTokens.Invalid.class)
        .hasMessageContaining("future");
  }

  @Test
  void aTokenAlteredAfterItsOriginalWasRememberedIsStillRefused() throws Exception {
    String token = token();
    assertThat(tokens.presented(token).username()).isEqualTo("ava");
    String[] parts = token.split("\\.");
    String claims =
        new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"LEADER\"", "\"HR\"");
    String altered =
        parts[0]
            + "."
            + java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];

    assertThatThrownBy(() -> tokens.presented(altered)).isInstanceOf(BearerTokens.Invalid.class);
    assertThat(tokens.presented(token).roles()).doesNotContain(Role.HR);
  }

  @Test
  void aTokenSpelledAnotherWayIsRememberedOnceOrRefused() throws Exception {
    String token = token();
    assertThat(tokens.presented(token).username()).isEqualTo("ava");
    int dot = token.lastIndexOf('.');
    // A 2048-bit signature is 342 characters: the last one carries 4 bits that decode to nothing.
    char last = token.charAt(token.length() - 1);
    String base64url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    char sameBytes = base64url.charAt(base64url.indexOf(last) ^ 1);
    String respelled = token.substring(0, token.length() - 1) + sameBytes;
    assertThat(tokens.presented(respelled).username()).isEqualTo("ava");

    for (String spelling :
        List.of(
            token + "!",
            token + "AAA",
            token + "A",
            token.substring(0, dot + 1) + "!" + token.substring(dot + 1),
            " " + token,
            token + "." + token.substring(dot + 1))) {
      assertThatThrownBy(() -> tokens.presented(spelling))
          .as(spelling)
          .isInstanceOf(BearerTokens.Invalid.class);
    }
    assertThat(tokens.remembered()).isEqualTo(1);
  }

  @Test
  void noMoreTokensAreRememberedThanTheBound() throws Exception {
    tokens.maxRemembered = 3;
    Instant now = Instant.now();
    for (int i = 0; i < 7; i++) {
      String token = token(key, now, now.plusSeconds(60 + i));
      assertThat(tokens.presented(token).username()).isEqualTo("ava");
      assertThat(tokens.remembered()).isBetween(1, 3);
    }
  }

  @Test
  void aRefusedTokenIsNotRemembered() throws Exception {
    RSAKey forger = new RSAKeyGenerator(2048).keyID("forged").generate();
    Instant now = Instant.now();
    String forged = token(forger, now, now.plusSeconds(60));

    assertThatThrownBy(() -> tokens.presented(forged)).isInstanceOf(BearerTokens.Invalid.class);
    assertThatThrownBy(() -> tokens.presented(forged)).isInstanceOf(BearerTokens.Invalid.class);
    assertThat(tokens.remembered()).isZero();
  }

  /** Waits on the clock until the instant is past, by a margin wider than its resolution. */
  private static void awaitPast(Instant instant) {
    await("the clock past " + instant)
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> Instant.now().isAfter(instant.plusMillis(20)));
  }

  private boolean refused(String token) throws BearerTokens.Unavailable {
    try {
      tokens.presented(token);
      return false;
    } catch (BearerTokens.Invalid invalid) {
      return true;
    }
  }
}
