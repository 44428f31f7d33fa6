package io.crossroads.network;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Whether a person gets the weekly mail of contacts due; everyone does until they say no. */
@Entity
@Table(name = "digest_preference")
public class DigestPreference {

  @Id private UUID personId;
  private boolean weekly;
  private Instant changedAt;

  protected DigestPreference() {}

  DigestPreference(UUID personId, boolean weekly, Instant now) {
    this.personId = personId;
    this.weekly = weekly;
    this.changedAt = now;
  }

  void change(boolean weekly, Instant now) {
    this.weekly = weekly;
    this.changedAt = now;
  }

  public boolean weekly() {
    return weekly;
  }
}
