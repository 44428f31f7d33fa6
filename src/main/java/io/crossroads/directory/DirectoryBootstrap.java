package io.crossroads.directory;

import io.crossroads.platform.jobs.BatchJobs;
import io.crossroads.platform.security.oidc.OidcSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * In OIDC mode nobody can sign in to an empty directory, HR included: the first sync from Keycloak
 * is started by the system, shortly after start-up, when the directory has nobody yet. Likewise
 * when someone active is not linked to their Keycloak account yet (a directory from before accounts
 * were recorded): only a sync links them, and until then they cannot sign in. With several
 * instances starting together each may queue one; the later ones change nothing.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class DirectoryBootstrap {

  private static final Logger LOG = Logger.getLogger(DirectoryBootstrap.class.getName());

  @Inject OidcSettings oidc;
  @Inject KeycloakDirectory keycloak;
  @Inject DirectoryImports imports;
  @Inject BatchJobs jobs;
  @Resource TimerService timers;

  @PostConstruct
  void schedule() {
    if (oidc.enabled() && keycloak.configured()) {
      timers.createSingleActionTimer(1000, new TimerConfig("directory-bootstrap", false));
    }
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void firstSync() {
    if (imports.empty()) {
      LOG.info("The directory is empty: syncing it from Keycloak");
      jobs.start(DirectoryImports.JOBS, imports.submitSync(null));
    } else if (imports.unlinked()) {
      LOG.info("Some people are not linked to their Keycloak accounts: syncing from Keycloak");
      jobs.start(DirectoryImports.JOBS, imports.submitSync(null));
    }
  }
}
