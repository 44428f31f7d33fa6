package io.crossroads.platform.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The data source behind the container's connection pool. It reads MicroProfile Config itself, so
 * one WAR serves an embedded H2 file database or PostgreSQL without a different deployment: a
 * {@code @DataSourceDefinition} cannot switch its driver class on configuration. Payara pools and
 * enlists the connections it hands out.
 */
public class ConfiguredDataSource implements DataSource {

  private volatile DataSource delegate;
  private PrintWriter logWriter;
  private int loginTimeout;

  private DataSource delegate() throws SQLException {
    DataSource current = delegate;
    if (current == null) {
      synchronized (this) {
        if (delegate == null) {
          delegate =
              create(
                  DatabaseSettings.from(
                      ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader())));
        }
        current = delegate;
      }
    }
    return current;
  }

  static DataSource create(DatabaseSettings settings) throws SQLException {
    if (settings.url().startsWith("jdbc:h2:")) {
      org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
      h2.setURL(settings.url());
      h2.setUser(settings.user());
      h2.setPassword(settings.password());
      return h2;
    }
    if (settings.url().startsWith("jdbc:postgresql:")) {
      org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
      pg.setURL(settings.url());
      // A batch of inserts into one table (a request's slots, a booking's invitations) goes as one
      // multi-row statement rather than one statement per row.
      pg.setReWriteBatchedInserts(true);
      if (!settings.user().isEmpty()) {
        pg.setUser(settings.user());
      }
      if (!settings.password().isEmpty()) {
        pg.setPassword(settings.password());
      }
      return pg;
    }
    return new DriverManagerDataSource(settings);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return delegate().getConnection();
  }

  /** Credentials come from configuration, never from the pool definition. */
  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return delegate().getConnection();
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    return delegate().unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || delegate().isWrapperFor(type);
  }

  /** Any other JDBC URL whose driver is on the class path. */
  private record DriverManagerDataSource(DatabaseSettings settings) implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      return DriverManager.getConnection(settings.url(), settings.user(), settings.password());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("Not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
