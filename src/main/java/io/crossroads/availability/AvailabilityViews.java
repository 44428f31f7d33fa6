package io.crossroads.availability;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the availability endpoints read and write; times are {@code HH:mm}, dates ISO. */
public final class AvailabilityViews {

  private AvailabilityViews() {}

  public record Weekly(
      @NotNull(message = "MONDAY to SUNDAY") java.time.DayOfWeek day,
      @NotBlank(message = "HH:mm") String start,
      @NotBlank(message = "HH:mm") String end) {}

  public record Range(
      @NotBlank(message = "HH:mm") String start, @NotBlank(message = "HH:mm") String end) {}

  public record DateOverride(
      @NotNull(message = "a date such as 2026-03-09") LocalDate date,
      @NotNull(message = "the hours of that day; empty means away")
          List<@Valid @NotNull Range> ranges) {}

  public record AvailabilityView(
      String timeZone,
      @NotNull(message = "the weekly hours, possibly empty")
          @Size(max = 70, message = "at most 70 ranges")
          List<@Valid @NotNull Weekly> weekly,
      @Size(max = Schedule.MAX_OVERRIDES, message = "at most 366 dates")
          List<@Valid @NotNull DateOverride> overrides,
      @NotNull(message = "minutes before each interview") Integer bufferBefore,
      @NotNull(message = "minutes after each interview") Integer bufferAfter,
      @NotNull(message = "hours of notice a request needs") Integer minNoticeHours,
      @NotNull(message = "how many days ahead people may book") Integer horizonDays,
      MonthLoad thisMonth) {}

  /**
   * The leader's interviews in the current month ({@code YYYY-MM}, on the clock of their hours)
   * against their monthly cap. Answered, never read: what a {@code PUT} sends here is ignored.
   */
  public record MonthLoad(String month, int booked, int cap) {}

  public record SlotView(Instant start, Instant end) {}
}
