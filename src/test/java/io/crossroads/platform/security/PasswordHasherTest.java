package io.crossroads.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  static final String HASH = PasswordHasher.hash("demo", 1_000);

  @Test
  void theRightPasswordVerifies() {
    assertThat(PasswordHasher.verify("demo", HASH)).isTrue();
  }

  @Test
  void aWrongPasswordDoesNot() {
    assertThat(PasswordHasher.verify("Demo", HASH)).isFalse();
    assertThat(PasswordHasher.verify("", HASH)).isFalse();
    assertThat(PasswordHasher.verify(null, HASH)).isFalse();
  }

  @Test
  void everyHashHasItsOwnSalt() {
    assertThat(PasswordHasher.hash("demo", 1_000)).isNotEqualTo(HASH);
  }

  @Test
  void aMalformedStoredHashNeverVerifies() {
    assertThat(PasswordHasher.verify("demo", "plain-text")).isFalse();
    assertThat(PasswordHasher.verify("demo", "pbkdf2-sha256$x$y$z")).isFalse();
    assertThat(PasswordHasher.verify("demo", "pbkdf2-sha256$1000$!!$??")).isFalse();
  }
}
