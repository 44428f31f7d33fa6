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
 *
 * <p>The pool checks every connection it hands out ({@link java.sql.Connection#isValid}, for H2 and
 * PostgreSQL alike); once one is found broken, every idle one is closed with it, so after the
 * database was away the next request opens a fresh connection instead of meeting the dead ones one
 * by one. A request waits at most 5 s for a free connection. Whatever fails here reaches the caller
 * as a 503 problem with {@code Retry-After} ({@code Problems}).
 *
 * <p>Every connection of the pool is alike (one data source, one set of credentials), so the pool
 * hands out any free one without comparing it to the request ({@code match-connections}); and
 * statements and result sets are the driver's own, unwrapped ({@code wrap-jdbc-objects}): the
 * container's wrappers call the driver's JDBC 4.1 methods (reading a UUID or a timestamp) through
 * reflection, looked up again on every call, and nothing here uses what they add (statement leak
 * tracing, a statement cache). The connection itself stays the container's, enlisted and pooled.
 */
@DataSourceDefinition(
    name = DatabaseMigration.DATA_SOURCE,
    className = "io.crossroads.platform.persistence.ConfiguredDataSource",
    minPoolSize = 2,
    maxPoolSize = 40,
    initialPoolSize = 2,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname="
          + "org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
      "fish.payara.fail-all-connections=true",
      "fish.payara.match-connections=false",
      "fish.payara.wrap-jdbc-objects=false",
      "fish.payara.max-wait-time-in-millis=" + DatabaseMigration.POOL_WAIT_MILLIS
    })
@Startup
@Singleton
// Flyway commits its own work: it must not run inside a container transaction.
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

  public static final String DATA_SOURCE = "java:app/jdbc/crossroads";

  /** How long a request waits for a pooled connection when all are in use. */
  static final int POOL_WAIT_MILLIS = 5000;

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
