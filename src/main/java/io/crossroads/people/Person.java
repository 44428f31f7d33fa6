package io.crossroads.people;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Someone in the company directory. Other aggregates refer to a person by id; a person refers to
 * their division and manager by id too.
 */
@Entity
@Table(name = "person")
public class Person {

  @Id private UUID id;
  private String username;
  private String displayName;
  private String email;
  private UUID divisionId;
  private String title;
  private int level;
  private UUID managerId;
  private String timeZone;
  private boolean leader;
  private boolean hr;
  private boolean active;
  private LocalDate hiredOn;
  private LocalDate leftOn;

  /** In OIDC mode, the identity provider's account this person is ({@code sub}); see Accounts. */
  private String oidcSubject;

  protected Person() {}

  public Person(
      UUID id,
      String username,
      String displayName,
      String email,
      UUID divisionId,
      String title,
      int level,
      UUID managerId,
      ZoneId timeZone,
      boolean leader,
      boolean hr) {
    this.id = Objects.requireNonNull(id, "id");
    this.username = Division.requireText(username, "username").toLowerCase();
    this.displayName = Division.requireText(displayName, "displayName");
    this.email = Division.requireText(email, "email");
    this.divisionId = Objects.requireNonNull(divisionId, "divisionId");
    this.title = Division.requireText(title, "title");
    if (level < 1 || level > 12) {
      throw new IllegalArgumentException("level must be 1..12");
    }
    this.level = level;
    if (id.equals(managerId)) {
      throw new IllegalArgumentException("nobody manages themselves");
    }
    this.managerId = managerId;
    this.timeZone = timeZone.getId();
    this.leader = leader;
    this.hr = hr;
    this.active = true;
  }

  public UUID id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String displayName() {
    return displayName;
  }

  public String email() {
    return email;
  }

  public UUID divisionId() {
    return divisionId;
  }

  public String title() {
    return title;
  }

  public int level() {
    return level;
  }

  public UUID managerId() {
    return managerId;
  }

  public ZoneId timeZone() {
    return ZoneId.of(timeZone);
  }

  public boolean isLeader() {
    return leader;
  }

  public boolean isHr() {
    return hr;
  }

  public boolean isActive() {
    return active;
  }

  /** The day they joined the company, if the directory knows it. */
  public Optional<LocalDate> hiredOn() {
    return Optional.ofNullable(hiredOn);
  }

  /** The day they left, once they have. */
  public Optional<LocalDate> leftOn() {
    return Optional.ofNullable(leftOn);
  }

  public void hired(LocalDate on) {
    if (on != null && leftOn != null && leftOn.isBefore(on)) {
      throw new IllegalArgumentException("hired after leaving");
    }
    this.hiredOn = on;
  }

  /** Kept for history, no longer active from {@code on}. */
  public void leave(LocalDate on) {
    Objects.requireNonNull(on, "on");
    if (hiredOn != null && on.isBefore(hiredOn)) {
      throw new IllegalArgumentException("left before being hired");
    }
    this.active = false;
    this.leftOn = on;
  }
}
