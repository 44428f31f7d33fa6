package io.crossroads.people;

import io.crossroads.platform.persistence.DatabaseSettings;
import io.crossroads.platform.security.oidc.OidcSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Whether this instance runs with the generated demo organisation, and how large it is. */
@ApplicationScoped
public class DemoMode {

  @Inject
  @ConfigProperty(name = "crossroads.demo.enabled")
  Optional<Boolean> enabled;

  @Inject
  @ConfigProperty(name = "crossroads.demo.size", defaultValue = "2000")
  int size;

  /** 8 gives the demo's divisions; up to 40 for the enterprise shape. */
  @Inject
  @ConfigProperty(name = "crossroads.demo.divisions", defaultValue = "8")
  int divisions;

  @Inject
  @ConfigProperty(name = "crossroads.demo.leader-share", defaultValue = "0.10")
  double leaderShare;

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

  public DemoOrganisation.Shape shape() {
    return new DemoOrganisation.Shape(size, divisions, DemoOrganisation.DEFAULT_SEED, leaderShare);
  }
}
