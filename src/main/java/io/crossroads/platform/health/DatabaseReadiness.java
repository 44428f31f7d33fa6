package io.crossroads.platform.health;

import io.crossroads.platform.persistence.DatabaseMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers within two seconds; why not is logged, never answered. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    try (Connection connection = dataSource.getConnection()) {
      boolean valid = connection.isValid(2);
      return HealthCheckResponse.named("database")
          .status(valid)
          .withData("product", connection.getMetaData().getDatabaseProductName())
          .build();
    } catch (SQLException | RuntimeException e) {
      // The driver's text names hosts, users and databases: it goes to the log, not to the probe.
      LOG.log(Level.WARNING, "The database did not answer the readiness check", e);
      return HealthCheckResponse.named("database").down().build();
    }
  }
}
