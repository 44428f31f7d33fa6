package io.crossroads.network;

import io.crossroads.platform.problem.Refusal;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * Someone the employee met and keeps in touch with (DESIGN rule 9, the tickler): a cadence, the
 * next touch due, snooze and stop. Each touch counts towards adherence: touches on time out of
 * touches due.
 */
@Entity
@Table(name = "contact")
@IdClass(Contact.Key.class)
public class Contact {

  public static final int MIN_CADENCE_DAYS = 7;
  public static final int MAX_CADENCE_DAYS = 365;

  /** The contact's identity: whose contact, and who. */
  public static class Key implements Serializable {
    private UUID employeeId;
    private UUID personId;

    public Key() {}

    public Key(UUID employeeId, UUID personId) {
      this.employeeId = employeeId;
      this.personId = personId;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(employeeId, key.employeeId)
          && Objects.equals(personId, key.personId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(employeeId, personId);
    }
  }

  @Id private UUID employeeId;
  @Id private UUID personId;
  private int cadenceDays;
  private Instant metAt;
  private Instant lastTouchAt;
  private Instant nextDueAt;
  private LocalDate snoozedUntil;
  private boolean stopped;
  private int touchesDue;
  private int touchesOnTime;
  @Version private long version;

  protected Contact() {}

  private Contact(UUID employeeId, UUID personId, int cadenceDays, Instant metAt) {
    this.employeeId = employeeId;
    this.personId = personId;
    this.cadenceDays = checkedCadence(cadenceDays);
    this.metAt = metAt;
    this.nextDueAt = metAt.plus(Duration.ofDays(cadenceDays));
  }

  /** The leader the employee just met becomes a contact, first due one cadence later. */
  static Contact met(UUID employeeId, UUID personId, int cadenceDays, Instant heldAt) {
    if (employeeId.equals(personId)) {
      throw new IllegalArgumentException("nobody is their own contact");
    }
    return new Contact(employeeId, personId, cadenceDays, heldAt);
  }

  private static int checkedCadence(int days) {
    if (days < MIN_CADENCE_DAYS || days > MAX_CADENCE_DAYS) {
      throw Refusal.invalid(
          "cadenceDays", "every " + MIN_CADENCE_DAYS + " to " + MAX_CADENCE_DAYS + " days");
    }
    return days;
  }

  /**
   * The employee was in touch: on time if not after the day it was due. The next touch is due a
   * cadence later; a snooze ends, since the employee is back in touch.
   */
  ContactTouch touch(Instant at, String note) {
    boolean onTime = !at.isAfter(nextDueAt);
    touchesDue++;
    if (onTime) {
      touchesOnTime++;
    }
    lastTouchAt = at;
    nextDueAt = at.plus(Duration.ofDays(cadenceDays));
    snoozedUntil = null;
    return new ContactTouch(employeeId, personId, at, onTime, note);
  }

  /** Changes the cadence (the next touch moves with it), snoozes until a day, or stops. */
  void change(int cadenceDays, LocalDate snoozedUntil, boolean stopped, ZoneId zone, Instant now) {
    int cadence = checkedCadence(cadenceDays);
    LocalDate today = LocalDate.ofInstant(now, zone);
    if (snoozedUntil != null
        && (!snoozedUntil.isAfter(today) || snoozedUntil.isAfter(today.plusYears(1)))) {
      throw Refusal.invalid("snoozedUntil", "a day after today, within a year");
    }
    Instant since = lastTouchAt == null ? metAt : lastTouchAt;
    this.cadenceDays = cadence;
    this.nextDueAt = since.plus(Duration.ofDays(cadence));
    this.snoozedUntil = snoozedUntil;
    if (snoozedUntil != null) {
      Instant wakes = snoozedUntil.atStartOfDay(zone).toInstant();
      if (nextDueAt.isBefore(wakes)) {
        nextDueAt = wakes;
      }
    }
    this.stopped = stopped;
  }

  /** Whether a touch is due by {@code by}: not stopped, and the due day has come. */
  public boolean dueBy(Instant by) {
    return !stopped && !nextDueAt.isAfter(by);
  }

  public UUID employeeId() {
    return employeeId;
  }

  public UUID personId() {
    return personId;
  }

  public int cadenceDays() {
    return cadenceDays;
  }

  public Instant metAt() {
    return metAt;
  }

  public Instant lastTouchAt() {
    return lastTouchAt;
  }

  public Instant nextDueAt() {
    return nextDueAt;
  }

  public LocalDate snoozedUntil() {
    return snoozedUntil;
  }

  public boolean stopped() {
    return stopped;
  }

  public int touchesDue() {
    return touchesDue;
  }

  public int touchesOnTime() {
    return touchesOnTime;
  }
}
