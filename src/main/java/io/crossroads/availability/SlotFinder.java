package io.crossroads.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Finds the open start times of a leader: every 15 minutes of local wall time inside their hours,
 * after notice and horizon, clear of existing interviews (a candidate with its own buffers must not
 * touch what they block), and in months still under the leader's cap. Pure: everything it needs is
 * passed in, so it is tested without a database and computes a month in well under a millisecond.
 */
public final class SlotFinder {

  public static final int GRID_MINUTES = 15;
  public static final Duration MAX_RANGE = Duration.ofDays(31);
  private static final Duration MAX_BLOCK = Duration.ofHours(8);

  /** A stretch an existing interview blocks, {@code [start, end)}, its buffers included. */
  public record Block(Instant start, Instant end) {}

  /** An open slot. */
  public record Slot(Instant start, Instant end) {}

  private SlotFinder() {}

  /**
   * Open slots of {@code length} starting in {@code [from, to)}.
   *
   * @param bookedPerMonth interviews already counted against the cap, by month in the leader's zone
   */
  public static List<Slot> open(
      Schedule schedule,
      Instant from,
      Instant to,
      Duration length,
      Instant now,
      List<Block> blocks,
      int monthlyCap,
      Map<YearMonth, Integer> bookedPerMonth) {
    ZoneId zone = schedule.zone();
    Instant earliest = max(from, now.plus(schedule.minNotice()));
    LocalDate lastBookableDay = LocalDate.ofInstant(now, zone).plusDays(schedule.horizonDays());
    NavigableMap<Instant, Instant> blocked = byStart(blocks);

    List<Slot> slots = new ArrayList<>();
    LocalDate day = LocalDate.ofInstant(from, zone);
    LocalDate lastDay = LocalDate.ofInstant(to, zone);
    for (; !day.isAfter(lastDay) && !day.isAfter(lastBookableDay); day = day.plusDays(1)) {
      YearMonth month = YearMonth.from(day);
      if (bookedPerMonth.getOrDefault(month, 0) >= monthlyCap) {
        continue;
      }
      for (TimeRange hours : schedule.hoursOn(day)) {
        Instant close = instant(day, hours.end(), zone);
        for (LocalTime t = gridAtOrAfter(hours.start()); t != null; t = next(t, hours.end())) {
          ZonedDateTime local = day.atTime(t).atZone(zone);
          if (!local.toLocalTime().equals(t)) {
            continue; // the wall time does not exist on this day (spring forward)
          }
          Instant start = local.toInstant();
          Instant end = start.plus(length);
          if (end.isAfter(close)) {
            break;
          }
          if (start.isBefore(earliest) || !start.isBefore(to)) {
            continue;
          }
          if (!clear(
              blocked, start.minus(schedule.bufferBefore()), end.plus(schedule.bufferAfter()))) {
            continue;
          }
          slots.add(new Slot(start, end));
        }
      }
    }
    return slots;
  }

  /** Whether {@code start} is one of the open slots: used to re-check a proposed or chosen time. */
  public static boolean isOpen(
      Schedule schedule,
      Instant start,
      Duration length,
      Instant now,
      List<Block> blocks,
      int monthlyCap,
      Map<YearMonth, Integer> bookedPerMonth) {
    return open(
            schedule, start, start.plusSeconds(1), length, now, blocks, monthlyCap, bookedPerMonth)
        .stream()
        .anyMatch(s -> s.start().equals(start));
  }

  private static NavigableMap<Instant, Instant> byStart(List<Block> blocks) {
    NavigableMap<Instant, Instant> blocked = new TreeMap<>();
    for (Block b : blocks) {
      blocked.merge(b.start(), b.end(), (a, c) -> a.isAfter(c) ? a : c);
    }
    return blocked;
  }

  /** No blocked stretch overlaps {@code [start, end)}. */
  private static boolean clear(NavigableMap<Instant, Instant> blocked, Instant start, Instant end) {
    // A stretch is at most an interview plus two buffers long: older ones cannot reach `start`.
    for (Instant stretchEnd : blocked.subMap(start.minus(MAX_BLOCK), true, end, false).values()) {
      if (stretchEnd.isAfter(start)) {
        return false;
      }
    }
    return true;
  }

  private static LocalTime gridAtOrAfter(LocalTime time) {
    int minutes =
        time.getHour() * 60
            + time.getMinute()
            + (time.getSecond() > 0 || time.getNano() > 0 ? 1 : 0);
    int aligned = (minutes + GRID_MINUTES - 1) / GRID_MINUTES * GRID_MINUTES;
    return aligned >= 24 * 60 ? null : LocalTime.of(aligned / 60, aligned % 60);
  }

  private static LocalTime next(LocalTime time, LocalTime end) {
    LocalTime next = time.plusMinutes(GRID_MINUTES);
    return next.isBefore(time) || !next.isBefore(end) ? null : next;
  }

  private static Instant instant(LocalDate day, LocalTime time, ZoneId zone) {
    LocalDateTime local =
        time.equals(LocalTime.MAX) ? day.plusDays(1).atStartOfDay() : day.atTime(time);
    return local.atZone(zone).toInstant();
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
