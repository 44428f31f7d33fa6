package io.crossroads.interviews;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of an interview's history after it was scheduled. */
@Entity
@Table(name = "interview_event")
public class InterviewEvent {

  /** What happened. */
  public enum Type {
    RESCHEDULED,
    CANCELLED,
    HELD,
    NO_SHOW
  }

  @Id private UUID id;
  private Instant at;
  private UUID actorId;

  @Enumerated(EnumType.STRING)
  private Type type;

  private String note;

  protected InterviewEvent() {}

  InterviewEvent(Type type, UUID actorId, Instant at, String note) {
    this.id = UUID.randomUUID();
    this.type = type;
    this.actorId = actorId;
    this.at = at;
    this.note = note == null || note.isBlank() ? null : note.strip();
  }

  public Type type() {
    return type;
  }

  public UUID actorId() {
    return actorId;
  }

  public Instant at() {
    return at;
  }

  public String note() {
    return note;
  }
}
