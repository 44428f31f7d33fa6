package io.crossroads.platform.persistence;

import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Which database Crossroads uses: the configured JDBC URL, or else an H2 file database in the data
 * directory (the embedded mode).
 */
public record DatabaseSettings(String url, String user, String password, boolean embedded) {

  public static final String URL = "crossroads.db.url";
  public static final String USER = "crossroads.db.user";
  public static final String PASSWORD = "crossroads.db.password";
  public static final String DATA_DIR = "crossroads.data-dir";

  /** H2 waits this long for a row lock, like PostgreSQL does by default, instead of 1 s. */
  private static final String H2_OPTIONS = ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";

  public static DatabaseSettings from(Config config) {
    Optional<String> url = config.getOptionalValue(URL, String.class).filter(s -> !s.isBlank());
    String user = config.getOptionalValue(USER, String.class).orElse("");
    String password = config.getOptionalValue(PASSWORD, String.class).orElse("");
    if (url.isPresent()) {
      return new DatabaseSettings(url.get(), user, password, false);
    }
    Path dataDir =
        Path.of(config.getOptionalValue(DATA_DIR, String.class).orElse("./data")).toAbsolutePath();
    String h2 = "jdbc:h2:file:" + dataDir.resolve("crossroads").normalize() + H2_OPTIONS;
    return new DatabaseSettings(h2, user.isEmpty() ? "crossroads" : user, password, true);
  }

  @Override
  public String toString() {
    return "DatabaseSettings[url=" + url + ", user=" + user + ", embedded=" + embedded + "]";
  }
}
