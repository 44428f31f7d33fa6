package io.crossroads.network;

import io.crossroads.platform.persistence.DatabaseSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys private notes are sealed with, from configuration ({@code crossroads.notes.keys} and
 * {@code crossroads.notes.key-id}). The embedded mode makes its own key once, in a file beside its
 * database, readable by the service's user only; with a configured database and no key, notes
 * cannot be stored (and none are lost: nothing was sealed).
 */
@ApplicationScoped
class NoteKeys {

  static final String LOCAL_KEY_ID = "local";
  private static final Logger LOG = Logger.getLogger(NoteKeys.class.getName());

  @Inject
  @ConfigProperty(name = "crossroads.notes.keys")
  Optional<String> keys;

  @Inject
  @ConfigProperty(name = "crossroads.notes.key-id")
  Optional<String> keyId;

  @Inject
  @ConfigProperty(name = DatabaseSettings.URL)
  Optional<String> databaseUrl;

  @Inject
  @ConfigProperty(name = DatabaseSettings.DATA_DIR, defaultValue = "./data")
  String dataDir;

  private volatile Optional<NoteCipher> cipher;

  /** The cipher, or none when no key is configured outside the embedded mode. */
  Optional<NoteCipher> cipher() {
    Optional<NoteCipher> known = cipher;
    if (known == null) {
      synchronized (this) {
        if (cipher == null) {
          cipher = load();
        }
        known = cipher;
      }
    }
    return known;
  }

  private Optional<NoteCipher> load() {
    if (keys.filter(k -> !k.isBlank()).isPresent()) {
      try {
        var parsed = NoteCipher.keys(keys.get());
        return Optional.of(new NoteCipher(parsed, keyId.orElse(parsed.keySet().iterator().next())));
      } catch (IllegalArgumentException misconfigured) {
        // The message names the key's id, never its bytes.
        LOG.severe(
            "crossroads.notes.keys cannot be used, private notes are unavailable: "
                + misconfigured.getMessage());
        return Optional.empty();
      }
    }
    if (databaseUrl.filter(url -> !url.isBlank()).isPresent()) {
      LOG.warning("crossroads.notes.keys is not set: private notes cannot be stored");
      return Optional.empty();
    }
    String key = localKey(Path.of(dataDir).toAbsolutePath().resolve("notes.key"));
    return Optional.of(new NoteCipher(NoteCipher.keys(LOCAL_KEY_ID + ":" + key), LOCAL_KEY_ID));
  }

  private static String localKey(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, NoteCipher.newKey(), StandardCharsets.US_ASCII);
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
          // Not a POSIX file system: the directory's own permissions apply.
        }
      }
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("the notes key in " + file + " could not be read", e);
    }
  }
}
