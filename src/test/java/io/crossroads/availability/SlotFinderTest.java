package io.crossroads.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossroads.availability.SlotFinder.Block;
import io.crossroads.availability.SlotFinder.Slot;
import io.crossroads.platform.problem.Refusal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlotFinderTest {

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
  static final Duration TWENTY = Duration.ofMinutes(20);

  static Schedule everyDay(ZoneId zone, String hours) {
    Map<DayOfWeek, List<TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      weekly.put(day, List.of(TimeRange.parse(hours)));
    }
    return new Schedule(zone, weekly, Map.of(), Duration.ZERO, Duration.ZERO, Duration.ZERO, 365);
  }

  static List<Slot> slotsOn(Schedule schedule, LocalDate day, Duration length, List<Block> blocks) {
    Instant from = day.atStartOfDay(schedule.zone()).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(schedule.zone()).toInstant();
    return SlotFinder.open(
        schedule, from, to, length, from.minus(Duration.ofDays(2)), blocks, 40, Map.of());
  }

  static List<LocalTime> localStarts(List<Slot> slots, ZoneId zone) {
    return slots.stream().map(s -> s.start().atZone(zone).toLocalTime()).toList();
  }

  static Instant at(String local, ZoneId zone) {
    return java.time.LocalDateTime.parse(local).atZone(zone).toInstant();
  }

  @Test
  void aStandardWeekdayOffersEveryQuarterHourThatFitsBeforeClosing() {
    Schedule schedule = Schedule.standard(BERLIN);
    List<Slot> slots = slotsOn(schedule, LocalDate.of(2026, 3, 10), TWENTY, List.of());

    assertThat(localStarts(slots, BERLIN))
        .hasSize(31)
        .startsWith(LocalTime.of(9, 0), LocalTime.of(9, 15))
        .endsWith(LocalTime.of(16, 30));
    assertThat(slots)
        .allSatisfy(s -> assertThat(Duration.between(s.start(), s.end())).isEqualTo(TWENTY));
  }

  @Test
  void weekendsAreClosedInTheStandardSchedule() {
    assertThat(slotsOn(Schedule.standard(BERLIN), LocalDate.of(2026, 3, 14), TWENTY, List.of()))
        .isEmpty();
  }

  @Test
  void afternoonSlotsKeepTheirWallTimeWhenNewYorkSpringsForward() {
    Schedule schedule = everyDay(NEW_YORK, "13:00-15:00");

    List<Slot> before = slotsOn(schedule, LocalDate.of(2026, 3, 7), TWENTY, List.of());
    List<Slot> transition = slotsOn(schedule, LocalDate.of(2026, 3, 8), TWENTY, List.of());

    assertThat(before.get(0).start()).isEqualTo(Instant.parse("2026-03-07T18:00:00Z"));
    assertThat(transition.get(0).start()).isEqualTo(Instant.parse("2026-03-08T17:00:00Z"));
    assertThat(localStarts(transition, NEW_YORK)).first().isEqualTo(LocalTime.of(13, 0));
    assertThat(localStarts(transition, NEW_YORK)).last().isEqualTo(LocalTime.of(14, 30));
  }

  @Test
  void afternoonSlotsKeepTheirWallTimeWhenNewYorkFallsBack() {
    Schedule schedule = everyDay(NEW_YORK, "13:00-17:30");

    List<Slot> transition = slotsOn(schedule, LocalDate.of(2026, 11, 1), TWENTY, List.of());

    assertThat(transition.get(0).start()).isEqualTo(Instant.parse("2026-11-01T18:00:00Z"));
    assertThat(localStarts(transition, NEW_YORK)).hasSize(17).last().isEqualTo(LocalTime.of(17, 0));
  }

  @Test
  void berlinSlotsFollowBothEuropeanTransitions() {
    Schedule schedule = everyDay(BERLIN, "13:00-14:00");

    assertThat(slotsOn(schedule, LocalDate.of(2026, 3, 28), TWENTY, List.of()).get(0).start())
        .isEqualTo(Instant.parse("2026-03-28T12:00:00Z"));
    assertThat(slotsOn(schedule, LocalDate.of(2026, 3, 29), TWENTY, List.of()).get(0).start())
        .isEqualTo(Instant.parse("2026-03-29T11:00:00Z"));
    assertThat(slotsOn(schedule, LocalDate.of(2026, 10, 25), TWENTY, List.of()).get(0).start())
        .isEqualTo(Instant.parse("2026-10-25T12:00:00Z"));
  }

  @Test
  void wallTimesThatDoNotExistInSydneysSpringForwardAreSkipped() {
    Schedule schedule = everyDay(SYDNEY, "01:30-03:30");

    List<Slot> slots =
        slotsOn(schedule, LocalDate.of(2026, 10, 4), Duration.ofMinutes(15), List.of());

    assertThat(localStarts(slots, SYDNEY))
        .containsExactly(
            LocalTime.of(1, 30), LocalTime.of(1, 45), LocalTime.of(3, 0), LocalTime.of(3, 15));
  }

  @Test
  void sydneysAutumnTransitionKeepsAfternoonWallTime() {
    Schedule schedule = everyDay(SYDNEY, "13:00-14:00");

    assertThat(slotsOn(schedule, LocalDate.of(2026, 4, 4), TWENTY, List.of()).get(0).start())
        .isEqualTo(Instant.parse("2026-04-04T02:00:00Z"));
    assertThat(slotsOn(schedule, LocalDate.of(2026, 4, 5), TWENTY, List.of()).get(0).start())
        .isEqualTo(Instant.parse("2026-04-05T03:00:00Z"));
  }

  @Test
  void aBerlinLeadersSlotsDoNotMoveWhenOnlyAmericaChangesClocks() {
    Schedule schedule = everyDay(BERLIN, "13:00-14:00");
    Instant friday = slotsOn(schedule, LocalDate.of(2026, 3, 6), TWENTY, List.of()).get(0).start();
    Instant monday = slotsOn(schedule, LocalDate.of(2026, 3, 9), TWENTY, List.of()).get(0).start();

    assertThat(friday.atZone(BERLIN).toLocalTime()).isEqualTo(monday.atZone(BERLIN).toLocalTime());
    // An employee in New York sees the same slot an hour later on their clock after their change.
    assertThat(friday.atZone(NEW_YORK).getHour()).isEqualTo(7);
    assertThat(monday.atZone(NEW_YORK).getHour()).isEqualTo(8);
  }

  @Test
  void existingInterviewsAndTheirBuffersBlockNearbySlots() {
    Schedule schedule =
        new Schedule(
            BERLIN,
            Schedule.standard(BERLIN).weekly(),
            Map.of(),
            Duration.ofMinutes(10),
            Duration.ofMinutes(10),
            Duration.ZERO,
            365);
    Instant booked = at("2026-03-10T10:00", BERLIN);

    List<LocalTime> starts =
        localStarts(
            slotsOn(
                schedule,
                LocalDate.of(2026, 3, 10),
                TWENTY,
                List.of(
                    new Block(
                        booked.minus(Duration.ofMinutes(10)),
                        booked.plus(Duration.ofMinutes(30))))),
            BERLIN);

    assertThat(starts)
        .contains(LocalTime.of(9, 15), LocalTime.of(10, 45))
        .doesNotContain(
            LocalTime.of(9, 30),
            LocalTime.of(9, 45),
            LocalTime.of(10, 0),
            LocalTime.of(10, 15),
            LocalTime.of(10, 30));
  }

  @Test
  void minimumNoticeHidesSlotsThatStartTooSoon() {
    Schedule schedule =
        new Schedule(
            BERLIN,
            Schedule.standard(BERLIN).weekly(),
            Map.of(),
            Duration.ZERO,
            Duration.ZERO,
            Duration.ofHours(24),
            60);
    Instant now = at("2026-03-10T11:05", BERLIN);

    List<Slot> slots =
        SlotFinder.open(
            schedule, now, now.plus(Duration.ofDays(2)), TWENTY, now, List.of(), 4, Map.of());

    assertThat(slots.get(0).start()).isEqualTo(at("2026-03-11T11:15", BERLIN));
  }

  @Test
  void nothingIsOfferedBeyondTheBookingHorizon() {
    Schedule schedule =
        new Schedule(
            BERLIN,
            everyDay(BERLIN, "09:00-10:00").weekly(),
            Map.of(),
            Duration.ZERO,
            Duration.ZERO,
            Duration.ZERO,
            7);
    Instant now = at("2026-03-01T08:00", BERLIN);

    List<Slot> slots =
        SlotFinder.open(
            schedule, now, now.plus(Duration.ofDays(31)), TWENTY, now, List.of(), 40, Map.of());

    assertThat(slots)
        .isNotEmpty()
        .allSatisfy(
            s ->
                assertThat(s.start().atZone(BERLIN).toLocalDate())
                    .isBeforeOrEqualTo(LocalDate.of(2026, 3, 8)));
  }

  @Test
  void aMonthAtTheCapOffersNothingWhileTheNextMonthIsOpen() {
    Schedule schedule = everyDay(BERLIN, "09:00-10:00");
    Instant now = at("2026-03-25T08:00", BERLIN);

    List<Slot> slots =
        SlotFinder.open(
            schedule,
            now,
            now.plus(Duration.ofDays(14)),
            TWENTY,
            now,
            List.of(),
            4,
            Map.of(YearMonth.of(2026, 3), 4));

    assertThat(slots)
        .isNotEmpty()
        .allSatisfy(
            s ->
                assertThat(YearMonth.from(s.start().atZone(BERLIN)))
                    .isEqualTo(YearMonth.of(2026, 4)));
  }

  @Test
  void theCapCountsMonthsInTheLeadersZone() {
    // 1 April 00:30 in Sydney is still March in UTC: it belongs to April, which is full.
    Schedule schedule = everyDay(SYDNEY, "00:30-01:00");
    Instant now = at("2026-03-30T00:00", SYDNEY);

    List<Slot> slots =
        SlotFinder.open(
            schedule,
            now,
            now.plus(Duration.ofDays(3)),
            TWENTY,
            now,
            List.of(),
            2,
            Map.of(YearMonth.of(2026, 4), 2));

    assertThat(localStarts(slots, SYDNEY)).isNotEmpty();
    assertThat(slots)
        .allSatisfy(s -> assertThat(s.start().atZone(SYDNEY).getMonthValue()).isEqualTo(3));
  }

  @Test
  void anOverrideReplacesTheWeeklyHoursAndAnEmptyOneMeansAway() {
    Map<LocalDate, List<TimeRange>> overrides =
        Map.of(
            LocalDate.of(2026, 3, 10), List.of(),
            LocalDate.of(2026, 3, 11), List.of(TimeRange.parse("18:00-18:30")));
    Schedule schedule =
        new Schedule(
            BERLIN,
            Schedule.standard(BERLIN).weekly(),
            overrides,
            Duration.ZERO,
            Duration.ZERO,
            Duration.ZERO,
            365);

    assertThat(slotsOn(schedule, LocalDate.of(2026, 3, 10), TWENTY, List.of())).isEmpty();
    assertThat(
            localStarts(
                slotsOn(schedule, LocalDate.of(2026, 3, 11), Duration.ofMinutes(15), List.of()),
                BERLIN))
        .containsExactly(LocalTime.of(18, 0), LocalTime.of(18, 15));
  }

  @Test
  void hoursOffTheGridStartAtTheNextQuarterHour() {
    Schedule schedule = everyDay(BERLIN, "09:10-10:00");

    assertThat(
            localStarts(
                slotsOn(schedule, LocalDate.of(2026, 3, 10), Duration.ofMinutes(15), List.of()),
                BERLIN))
        .containsExactly(LocalTime.of(9, 15), LocalTime.of(9, 30), LocalTime.of(9, 45));
  }

  @Test
  void aSlotCanBeCheckedOnItsOwn() {
    Schedule schedule = Schedule.standard(BERLIN);
    Instant now = at("2026-03-01T08:00", BERLIN);

    assertThat(
            SlotFinder.isOpen(
                schedule, at("2026-03-10T10:00", BERLIN), TWENTY, now, List.of(), 4, Map.of()))
        .isTrue();
    assertThat(
            SlotFinder.isOpen(
                schedule, at("2026-03-10T10:05", BERLIN), TWENTY, now, List.of(), 4, Map.of()))
        .isFalse();
    assertThat(
            SlotFinder.isOpen(
                schedule, at("2026-03-10T16:45", BERLIN), TWENTY, now, List.of(), 4, Map.of()))
        .isFalse();
  }

  @Test
  void overlappingRangesOrOutOfBoundsSettingsAreRefused() {
    assertThatThrownBy(
            () ->
                new Schedule(
                    BERLIN,
                    Map.of(
                        DayOfWeek.MONDAY,
                        List.of(TimeRange.parse("09:00-12:00"), TimeRange.parse("11:00-13:00"))),
                    Map.of(),
                    Duration.ZERO,
                    Duration.ZERO,
                    Duration.ZERO,
                    30))
        .isInstanceOf(Refusal.class);
    assertThatThrownBy(
            () ->
                new Schedule(
                    BERLIN,
                    Map.of(),
                    Map.of(),
                    Duration.ofMinutes(-5),
                    Duration.ZERO,
                    Duration.ZERO,
                    30))
        .isInstanceOf(Refusal.class);
    assertThatThrownBy(
            () ->
                new Schedule(
                    BERLIN, Map.of(), Map.of(), Duration.ZERO, Duration.ZERO, Duration.ZERO, 0))
        .isInstanceOf(Refusal.class);
    assertThatThrownBy(() -> TimeRange.parse("17:00-09:00")).isInstanceOf(Refusal.class);
    assertThatThrownBy(() -> TimeRange.parse("9am-5pm")).isInstanceOf(Refusal.class);
  }
}
