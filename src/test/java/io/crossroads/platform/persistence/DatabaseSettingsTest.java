package io.crossroads.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

  static Config config(Map<String, String> values) {
    return (Config)
        java.lang.reflect.Proxy.newProxyInstance(
            Config.class.getClassLoader(),
            new Class<?>[] {Config.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getOptionalValue")) {
                return java.util.Optional.ofNullable(values.get((String) args[0]));
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  @Test
  void withoutAUrlTheEmbeddedH2DatabaseLivesInTheDataDirectory() {
    DatabaseSettings settings =
        DatabaseSettings.from(config(Map.of("crossroads.data-dir", "/var/lib/cr")));

    assertThat(settings.embedded()).isTrue();
    assertThat(settings.url()).startsWith("jdbc:h2:file:/var/lib/cr/crossroads;");
  }

  @Test
  void theDefaultDataDirectoryIsDataBesideTheWorkingDirectory() {
    DatabaseSettings settings = DatabaseSettings.from(config(Map.of()));

    assertThat(settings.url())
        .contains(Path.of("data").toAbsolutePath().resolve("crossroads").toString());
  }

  @Test
  void aConfiguredUrlIsUsedWithItsCredentials() {
    DatabaseSettings settings =
        DatabaseSettings.from(
            config(
                Map.of(
                    "crossroads.db.url",
                    "jdbc:postgresql://db:5432/crossroads",
                    "crossroads.db.user",
                    "app",
                    "crossroads.db.password",
                    "secret")));

    assertThat(settings.embedded()).isFalse();
    assertThat(settings.url()).isEqualTo("jdbc:postgresql://db:5432/crossroads");
    assertThat(settings.user()).isEqualTo("app");
    assertThat(settings.toString()).doesNotContain("secret");
  }

  @Test
  void aBlankUrlMeansEmbedded() {
    assertThat(DatabaseSettings.from(config(Map.of("crossroads.db.url", " "))).embedded()).isTrue();
  }
}
