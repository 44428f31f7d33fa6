package io.crossroads.program;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The program's rules as stored: one row, its version rising with every change. */
@Entity
@Table(name = "program_rules")
class StoredRules {

  static final short ID = 1;

  @Id private short id;
  @Version private long version;
  private String lengths;
  private int defaultLength;
  private int defaultMonthlyCap;
  private int maxOpenRequests;
  private int maxRequestsPerMonth;
  private int maxFollowUps;
  private int followUpBusinessDays;
  private int expiryBusinessDays;
  private int maxLevelGap;
  private int repeatWindowMonths;
  private int keepInTouchDays;
  private String holidays;
  private Instant updatedAt;
  private UUID updatedBy;

  protected StoredRules() {}

  StoredRules(ProgramRules rules, Instant now) {
    this.id = ID;
    replace(rules, null, now);
  }

  void replace(ProgramRules rules, UUID by, Instant now) {
    lengths = rules.lengths().stream().map(String::valueOf).collect(Collectors.joining(","));
    defaultLength = rules.defaultLength();
    defaultMonthlyCap = rules.defaultMonthlyCap();
    maxOpenRequests = rules.maxOpenRequests();
    maxRequestsPerMonth = rules.maxRequestsPerMonth();
    maxFollowUps = rules.maxFollowUps();
    followUpBusinessDays = rules.followUpBusinessDays();
    expiryBusinessDays = rules.expiryBusinessDays();
    maxLevelGap = rules.maxLevelGap();
    repeatWindowMonths = rules.repeatWindowMonths();
    keepInTouchDays = rules.keepInTouchDays();
    holidays = rules.holidays().stream().map(LocalDate::toString).collect(Collectors.joining(","));
    updatedAt = now;
    updatedBy = by;
  }

  ProgramRules rules() {
    return new ProgramRules(
        split(lengths).stream().map(Integer::valueOf).toList(),
        defaultLength,
        defaultMonthlyCap,
        maxOpenRequests,
        maxRequestsPerMonth,
        maxFollowUps,
        followUpBusinessDays,
        expiryBusinessDays,
        maxLevelGap,
        repeatWindowMonths,
        keepInTouchDays,
        split(holidays).stream().map(LocalDate::parse).toList());
  }

  private static List<String> split(String values) {
    return Arrays.stream(values.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
  }

  long version() {
    return version;
  }

  Instant updatedAt() {
    return updatedAt;
  }

  UUID updatedBy() {
    return updatedBy;
  }
}
