package io.crossroads.people;

import io.crossroads.platform.security.oidc.OidcSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether this instance runs with the generated demo organisation: then the directory shows user
 * names, so people can try signing in as anyone.
 */
@ApplicationScoped
public class DemoMode {

  @Inject
  @ConfigProperty(name = "crossroads.demo.enabled")
  Optional<Boolean> enabled;

  @Inject OidcSettings oidc;

  /**
   * Only when asked for by name, whatever the database: every demo user's password is {@code demo},
   * so no deployment may get them by default. Never in OIDC mode: there, people come from the
   * identity provider.
   */
  public boolean active() {
    return !oidc.enabled() && enabled.orElse(false);
  }
}
