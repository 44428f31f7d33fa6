package io.crossroads.requests;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of a request's history. */
@Entity
@Table(name = "request_event")
public class RequestEvent {

  /** What happened. */
  public enum Type {
    SENT,
    COUNTERED,
    FOLLOWED_UP,
    ACCEPTED,
    DECLINED,
    REDIRECTED,
    WITHDRAWN,
    EXPIRED
  }

  @Id private UUID id;
  private Instant at;
  private UUID actorId;

  @Enumerated(EnumType.STRING)
  private Type type;

  private String note;

  protected RequestEvent() {}

  RequestEvent(Type type, UUID actorId, Instant at, String note) {
    this.id = UUID.randomUUID();
    this.type = type;
    this.actorId = actorId;
    this.at = at;
    String clean = note == null || note.isBlank() ? null : note.strip();
    // A note with a prefix ("Redirected: …") may outgrow the column; its end is the least needed.
    this.note = clean == null || clean.length() <= 2000 ? clean : clean.substring(0, 1999) + "…";
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
