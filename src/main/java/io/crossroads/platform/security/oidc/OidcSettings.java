package io.crossroads.platform.security.oidc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * OIDC mode: on when {@code crossroads.oidc.issuer} is set (a Keycloak realm URL). Then the API
 * takes only bearer tokens from that issuer, the portal signs in through it, and HTTP Basic and the
 * demo users are off.
 */
@ApplicationScoped
public class OidcSettings {

  @Inject
  @ConfigProperty(name = "crossroads.oidc.issuer")
  Optional<String> issuer;

  @Inject
  @ConfigProperty(name = "crossroads.oidc.client-id", defaultValue = "crossroads-portal")
  String clientId;

  @Inject
  @ConfigProperty(name = "crossroads.oidc.client-secret")
  Optional<String> clientSecret;

  @Inject
  @ConfigProperty(name = "crossroads.oidc.audience", defaultValue = "crossroads-api")
  String audience;

  /** How far the issuer's clock and ours may disagree on expiry. */
  @Inject
  @ConfigProperty(name = "crossroads.oidc.clock-skew", defaultValue = "PT30S")
  Duration clockSkew;

  /**
   * How often a portal session is checked again at the issuer (a refresh): someone disabled there,
   * signed out there or without a role any more loses it here within this time.
   */
  @Inject
  @ConfigProperty(name = "crossroads.oidc.recheck-interval", defaultValue = "PT1M")
  Duration recheckInterval;

  /** How long after it was issued an access token is accepted, whatever its own expiry says. */
  @Inject
  @ConfigProperty(name = "crossroads.oidc.token-max-age", defaultValue = "PT5M")
  Duration tokenMaxAge;

  /**
   * How long the issuer's published signing keys are used before they are fetched again; while the
   * issuer cannot be reached the last ones stay in use (see {@link BearerTokens}).
   */
  @Inject
  @ConfigProperty(name = "crossroads.oidc.keys-refresh", defaultValue = "PT5M")
  Duration keysRefresh;

  /** Set when the directory is synced from Keycloak: the sync alone then says who is whom. */
  @Inject
  @ConfigProperty(name = "crossroads.keycloak.url")
  Optional<String> keycloakUrl;

  public boolean enabled() {
    return issuer.filter(value -> !value.isBlank()).isPresent();
  }

  /** The issuer without a trailing slash, exactly as it appears in the tokens' {@code iss}. */
  public String issuer() {
    String value = issuer.orElseThrow(() -> new IllegalStateException("OIDC mode is off"));
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }

  public String clientId() {
    return clientId;
  }

  public String clientSecret() {
    return clientSecret.orElse("");
  }

  public String audience() {
    return audience;
  }

  public Duration clockSkew() {
    return clockSkew;
  }

  public Duration recheckInterval() {
    return recheckInterval;
  }

  public Duration tokenMaxAge() {
    return tokenMaxAge;
  }

  public Duration keysRefresh() {
    return keysRefresh;
  }

  /**
   * Whether a first sign-in may record which account a person is: only where no sync from Keycloak
   * records it (a directory filled by CSV imports), for a person not linked yet.
   */
  public boolean linksOnFirstSignIn() {
    return keycloakUrl.filter(value -> !value.isBlank()).isEmpty();
  }
}
