package io.crossroads.platform.security.oidc;

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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What checking a script's access token costs per call: verified in full every time ({@code
 * access}, the baseline) against verified once and remembered ({@code presented}). The token is one
 * a Keycloak realm issues (RS256, 2048-bit key), its issuer's keys served on loopback.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BearerTokenBenchmark {

  private HttpServer issuer;
  private BearerTokens tokens;
  private String token;

  @Setup
  public void setUp() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("bench").generate();
    byte[] published = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    issuer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    issuer.createContext(
        "/realms/bench/protocol/openid-connect/certs",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, published.length);
          exchange.getResponseBody().write(published);
          exchange.close();
        });
    issuer.start();
    String url = "http://127.0.0.1:" + issuer.getAddress().getPort() + "/realms/bench";
    OidcSettings settings = new OidcSettings();
    settings.issuer = Optional.of(url);
    settings.clientId = "crossroads-portal";
    settings.clientSecret = Optional.empty();
    settings.audience = "crossroads-api";
    settings.clockSkew = Duration.ofSeconds(30);
    settings.recheckInterval = Duration.ofMinutes(1);
    settings.tokenMaxAge = Duration.ofHours(2);
    settings.keysRefresh = Duration.ofHours(1);
    settings.keycloakUrl = Optional.empty();
    tokens = new BearerTokens();
    tokens.settings = settings;
    Instant now = Instant.now();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build(),
            new JWTClaimsSet.Builder()
                .issuer(url)
                .subject("2c1f0e7e-0d7e-4b8a-9d7e-5a4b3c2d1e0f")
                .audience("crossroads-api")
                .claim("typ", "Bearer")
                .claim("azp", "crossroads-cli")
                .claim("preferred_username", "ava")
                .claim("email", "ava@example.com")
                .claim("realm_access", Map.of("roles", List.of("LEADER", "offline_access")))
                .claim("scope", "openid profile email")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(2))))
                .build());
    jwt.sign(new RSASSASigner(key));
    token = jwt.serialize();
    tokens.access(token); // the keys fetched once, as on a running instance
  }

  @TearDown
  public void tearDown() {
    issuer.stop(0);
  }

  @Benchmark
  public BearerTokens.Token verifiedEveryCall() throws Exception {
    return tokens.access(token);
  }

  @Benchmark
  public BearerTokens.Token remembered() throws Exception {
    return tokens.presented(token);
  }
}
