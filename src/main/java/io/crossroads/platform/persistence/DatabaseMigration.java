package io.crossroads.platform.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before anything else uses the database. The persistence unit is
 * built before this runs, which is why it never generates or validates the schema itself.
 */
@DataSourceDefinition(
    name = DatabaseMigration.DATA_SOURCE,
    className = "io.crossroads.platform.persistence.ConfiguredDataSource",
    minPoolSize = 2,
    maxPoolSize = 40,
    initialPoolSize = 2)
@Startup
@Singleton
// Flyway commits its own work: it must not run inside a container transaction.
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

  public static final String DATA_SOURCE = "java:app/jdbc/crossroads";

  private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

  @Resource(lookup = DATA_SOURCE)
  DataSource dataSource;

  @PostConstruct
  void migrate() {
    MigrateResult result = migrateSchema(dataSource);
    LOG.info(
        () ->
            "Database schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
  }

  /**
   * Runs the shared migrations and, on PostgreSQL, those that only it can express (exclusion
   * constraints).
   */
  public static MigrateResult migrateSchema(DataSource dataSource) {
    List<String> locations = new ArrayList<>(List.of("classpath:db/migration/common"));
    if (isPostgreSql(dataSource)) {
      locations.add("classpath:db/migration/postgresql");
    }
    return Flyway.configure(DatabaseMigration.class.getClassLoader())
        .dataSource(dataSource)
        .locations(locations.toArray(String[]::new))
        .load()
        .migrate();
  }

  private static boolean isPostgreSql(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
    } catch (SQLException e) {
      throw new IllegalStateException("The database cannot be reached", e);
    }
  }
}
