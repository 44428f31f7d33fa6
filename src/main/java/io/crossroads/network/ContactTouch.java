package io.crossroads.network;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One time the employee was in touch with a contact; the note is theirs alone. */
@Entity
@Table(name = "contact_touch")
public class ContactTouch {

  @Id private UUID id;
  private UUID employeeId;
  private UUID personId;
  private Instant at;
  private boolean onTime;
  private String note;

  protected ContactTouch() {}

  ContactTouch(UUID employeeId, UUID personId, Instant at, boolean onTime, String note) {
    this.id = UUID.randomUUID();
    this.employeeId = employeeId;
    this.personId = personId;
    this.at = at;
    this.onTime = onTime;
    this.note = note == null || note.isBlank() ? null : note.strip();
  }

  public UUID personId() {
    return personId;
  }

  public Instant at() {
    return at;
  }

  public boolean onTime() {
    return onTime;
  }

  public String note() {
    return note;
  }
}
