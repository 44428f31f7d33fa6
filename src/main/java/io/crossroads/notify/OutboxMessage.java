package io.crossroads.notify;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** One e-mail waiting to be sent, or sent. Its id is the stable Message-ID. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

  static final Duration FIRST_RETRY = Duration.ofSeconds(15);
  static final Duration LONGEST_RETRY = Duration.ofHours(1);

  @Id private UUID id;
  private Instant createdAt;
  private String kind;
  private UUID recipientId;
  private String recipientEmail;
  private String subject;
  private String body;
  private String calendar;
  private String calendarMethod;
  private String attachmentName;
  private String attachmentType;
  private byte[] attachment;
  private String dedupeKey;
  private int attempts;
  private Instant nextAttemptAt;
  private Instant sentAt;
  private String lastError;

  protected OutboxMessage() {}

  public OutboxMessage(
      String kind,
      UUID recipientId,
      String recipientEmail,
      String subject,
      String body,
      Invite invite,
      String dedupeKey,
      Instant now) {
    this.id = UUID.randomUUID();
    this.kind = Objects.requireNonNull(kind, "kind");
    this.recipientId = recipientId;
    this.recipientEmail = Objects.requireNonNull(recipientEmail, "recipientEmail");
    this.subject = Objects.requireNonNull(subject, "subject");
    this.body = Objects.requireNonNull(body, "body");
    this.calendar = invite == null ? null : invite.text();
    this.calendarMethod = invite == null ? null : invite.method();
    this.dedupeKey = dedupeKey;
    this.createdAt = now;
    this.nextAttemptAt = now;
  }

  /** An iCalendar attachment: the text and its METHOD (REQUEST or CANCEL). */
  public record Invite(String text, String method) {}

  /** A file sent with the message: its name, media type and content. */
  public record Attachment(String name, String mediaType, byte[] bytes) {

    public Attachment {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(mediaType, "mediaType");
      Objects.requireNonNull(bytes, "bytes");
      if (name.isBlank() || name.length() > 200 || name.contains("/") || name.contains("\\")) {
        throw new IllegalArgumentException("A file name of 1 to 200 characters, without a path");
      }
      if (mediaType.length() > 100) {
        throw new IllegalArgumentException("A media type of at most 100 characters");
      }
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }
  }

  /** The message with a file attached; at most one per message. */
  public OutboxMessage attach(Attachment file) {
    if (attachment != null) {
      throw new IllegalStateException("The message has its attachment already");
    }
    attachmentName = file.name();
    attachmentType = file.mediaType();
    attachment = file.bytes();
    return this;
  }

  /** Claimed for sending: not due again before {@code end}. */
  void leasedUntil(Instant end) {
    nextAttemptAt = end;
  }

  void sent(Instant now) {
    sentAt = now;
    lastError = null;
  }

  /** Backs off exponentially, from 15 seconds up to an hour between attempts. */
  void failed(String error, Instant now) {
    attempts++;
    Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 16));
    nextAttemptAt = now.plus(wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait);
    lastError = error == null ? "unknown" : error.substring(0, Math.min(error.length(), 2000));
  }

  public UUID id() {
    return id;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String kind() {
    return kind;
  }

  public String recipientEmail() {
    return recipientEmail;
  }

  public String subject() {
    return subject;
  }

  public String body() {
    return body;
  }

  public String calendar() {
    return calendar;
  }

  public String calendarMethod() {
    return calendarMethod;
  }

  /** The attached file, if any. */
  public Optional<Attachment> attachment() {
    return attachment == null
        ? Optional.empty()
        : Optional.of(new Attachment(attachmentName, attachmentType, attachment));
  }

  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public Instant sentAt() {
    return sentAt;
  }
}
