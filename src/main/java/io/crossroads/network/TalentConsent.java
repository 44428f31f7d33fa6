package io.crossroads.network;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Whether HR may see the talent flags leaders gave an employee: theirs to give and take back. */
@Entity
@Table(name = "talent_consent")
public class TalentConsent {

  @Id private UUID employeeId;
  private boolean visibleToHr;
  private Instant changedAt;

  protected TalentConsent() {}

  TalentConsent(UUID employeeId, boolean visibleToHr, Instant now) {
    this.employeeId = employeeId;
    this.visibleToHr = visibleToHr;
    this.changedAt = now;
  }

  void change(boolean visibleToHr, Instant now) {
    this.visibleToHr = visibleToHr;
    this.changedAt = now;
  }

  public boolean visibleToHr() {
    return visibleToHr;
  }

  public Instant changedAt() {
    return changedAt;
  }
}
