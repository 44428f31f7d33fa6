package io.crossroads.network;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The employee's own notes on an interview, stored only sealed. Nobody else reads them: not the
 * leader, not HR, no report, mail or log.
 */
@Entity
@Table(name = "private_note")
public class PrivateNote {

  public static final int MAX_LENGTH = 20_000;

  @Id private UUID interviewId;
  private UUID employeeId;
  private String keyId;
  private String nonce;
  private String ciphertext;
  private Instant updatedAt;

  protected PrivateNote() {}

  PrivateNote(UUID interviewId, UUID employeeId) {
    this.interviewId = interviewId;
    this.employeeId = employeeId;
  }

  void seal(NoteCipher.Sealed sealed, Instant now) {
    this.keyId = sealed.keyId();
    this.nonce = sealed.nonce();
    this.ciphertext = sealed.ciphertext();
    this.updatedAt = now;
  }

  NoteCipher.Sealed sealed() {
    return new NoteCipher.Sealed(keyId, nonce, ciphertext);
  }

  public UUID interviewId() {
    return interviewId;
  }

  public UUID employeeId() {
    return employeeId;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
