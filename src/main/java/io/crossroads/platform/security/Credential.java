package io.crossroads.platform.security;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;

/** A password hash for signing in without an identity provider. */
@Entity
@Table(name = "credential")
public class Credential {

  @Id private UUID personId;
  private String passwordHash;

  protected Credential() {}

  public Credential(UUID personId, String passwordHash) {
    this.personId = Objects.requireNonNull(personId, "personId");
    this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
  }
}
