package io.crossroads.availability;

import io.crossroads.platform.problem.Refusal;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The stored form of a leader's {@link Schedule}. Weekly hours are kept as {@code MONDAY
 * 09:00-12:00;MONDAY 13:00-17:00}, overrides as {@code 2026-03-10=;2026-03-11=18:00-19:00} (nothing
 * after {@code =} means away that day).
 */
@Entity
@Table(name = "availability")
public class Availability {

  @Id private java.util.UUID leaderId;
  private String timeZone;
  private String weekly;
  private String overrides;
  private int bufferBeforeMinutes;
  private int bufferAfterMinutes;
  private int minNoticeMinutes;
  private int horizonDays;
  @Version private long version;

  protected Availability() {}

  public Availability(java.util.UUID leaderId, Schedule schedule) {
    this.leaderId = Objects.requireNonNull(leaderId, "leaderId");
    replace(schedule);
  }

  public void replace(Schedule schedule) {
    this.timeZone = schedule.zone().getId();
    this.weekly =
        schedule.weekly().entrySet().stream()
            .flatMap(e -> e.getValue().stream().map(r -> e.getKey() + " " + r))
            .collect(Collectors.joining(";"));
    this.overrides =
        schedule.overrides().entrySet().stream()
            .map(
                e ->
                    e.getKey()
                        + "="
                        + e.getValue().stream()
                            .map(TimeRange::toString)
                            .collect(Collectors.joining(",")))
            .collect(Collectors.joining(";"));
    this.bufferBeforeMinutes = (int) schedule.bufferBefore().toMinutes();
    this.bufferAfterMinutes = (int) schedule.bufferAfter().toMinutes();
    this.minNoticeMinutes = (int) schedule.minNotice().toMinutes();
    this.horizonDays = schedule.horizonDays();
  }

  public java.util.UUID leaderId() {
    return leaderId;
  }

  /** The zone the hours are on, without reading the rest of the schedule. */
  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }

  public Schedule schedule() {
    Map<DayOfWeek, List<TimeRange>> weeklyHours = new EnumMap<>(DayOfWeek.class);
    for (String entry : split(weekly)) {
      String[] parts = entry.split(" ");
      weeklyHours
          .computeIfAbsent(DayOfWeek.valueOf(parts[0]), d -> new ArrayList<>())
          .add(TimeRange.parse(parts[1]));
    }
    Map<LocalDate, List<TimeRange>> dated = new TreeMap<>();
    for (String entry : split(overrides)) {
      int equals = entry.indexOf('=');
      List<TimeRange> ranges = new ArrayList<>();
      for (String range : split(entry.substring(equals + 1).replace(',', ';'))) {
        ranges.add(TimeRange.parse(range));
      }
      dated.put(LocalDate.parse(entry.substring(0, equals)), ranges);
    }
    return new Schedule(
        ZoneId.of(timeZone),
        weeklyHours,
        dated,
        Duration.ofMinutes(bufferBeforeMinutes),
        Duration.ofMinutes(bufferAfterMinutes),
        Duration.ofMinutes(minNoticeMinutes),
        horizonDays);
  }

  private static List<String> split(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return List.of(text.split(";"));
  }

  static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (RuntimeException e) {
      throw Refusal.invalid("timeZone", "an IANA time zone such as Europe/Berlin, not " + id);
    }
  }
}
