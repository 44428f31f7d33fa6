package io.crossroads.people;

import io.crossroads.platform.persistence.DatabaseSettings;
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

  @Inject
  @ConfigProperty(name = DatabaseSettings.URL)
  Optional<String> databaseUrl;

  @Inject OidcSettings oidc;

  /**
   * On by default in the embedded mode only; a production database gets demo data if asked. Never
   * in OIDC mode: there, people come from the identity provider.
   */
  public boolean active() {
    return !oidc.enabled()
        && enabled.orElseGet(() -> databaseUrl.filter(url -> !url.isBlank()).isEmpty());
  }
}
