package io.crossroads.bench;

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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identity provider as the service sees it when a script calls with a bearer token: an issuer
 * publishing its signing key on loopback, and access tokens signed with it in Keycloak's shape
 * (issuer, audience, {@code typ}, subject, user name, realm roles). One token per user name, reused
 * for the run as a script reuses its token until it expires.
 */
public final class LoopbackIssuer implements AutoCloseable {

  private final RSAKey key;
  private final HttpServer server;
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  public LoopbackIssuer() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("bench").generate();
    byte[] published = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/realms/bench/protocol/openid-connect/certs",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, published.length);
          exchange.getResponseBody().write(published);
          exchange.close();
        });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/bench";
  }

  /** The {@code Authorization} header for the user: a token valid for {@code lifetime}. */
  String bearer(String username, boolean leader, Duration lifetime) {
    return "Bearer " + tokens.computeIfAbsent(username, u -> token(u, leader, lifetime));
  }

  /** A new access token for the user, valid for {@code lifetime} from now. */
  public String token(String username, boolean leader, Duration lifetime) {
    Instant now = Instant.now();
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .type(JOSEObjectType.JWT)
                  .keyID(key.getKeyID())
                  .build(),
              new JWTClaimsSet.Builder()
                  .issuer(url())
                  .subject(
                      UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString())
                  .audience("crossroads-api")
                  .claim("typ", "Bearer")
                  .claim("azp", "crossroads-cli")
                  .claim("preferred_username", username)
                  .claim("email", username + "@example.com")
                  .claim(
                      "realm_access",
                      Map.of(
                          "roles",
                          leader ? List.of("LEADER", "offline_access") : List.of("offline_access")))
                  .claim("scope", "openid profile email")
                  .issueTime(Date.from(now))
                  .expirationTime(Date.from(now.plus(lifetime)))
                  .build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
