package io.crossroads.people;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;

/** A division of the company; informational interviews cross division lines. */
@Entity
@Table(name = "division")
public class Division {

  @Id private UUID id;
  private String name;

  protected Division() {}

  public Division(UUID id, String name) {
    this.id = Objects.requireNonNull(id, "id");
    this.name = requireText(name, "name");
  }

  static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is required");
    }
    return value.strip();
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }
}
