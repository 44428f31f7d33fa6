package io.crossroads.platform.security.oidc;

import io.crossroads.bench.LoopbackIssuer;
import java.time.Duration;
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

  private LoopbackIssuer issuer;
  private BearerTokens tokens;
  private String token;

  @Setup
  public void setUp() throws Exception {
    issuer = new LoopbackIssuer();
    OidcSettings settings = new OidcSettings();
    settings.issuer = Optional.of(issuer.url());
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
    token = issuer.token("ava", true, Duration.ofHours(2));
    tokens.access(token); // the keys fetched once, as on a running instance
  }

  @TearDown
  public void tearDown() {
    issuer.close();
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
