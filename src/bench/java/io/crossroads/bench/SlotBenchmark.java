package io.crossroads.bench;

import io.crossroads.availability.Schedule;
import io.crossroads.availability.SlotFinder;
import io.crossroads.availability.SlotFinder.Block;
import io.crossroads.availability.SlotFinder.Slot;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Open slots for one leader over 31 days with a realistic calendar: weekday hours split by lunch,
 * buffers, a dated away day and a shortened day, and {@code bookings} existing interviews. The
 * baseline is the direct approach (every candidate checked against every booking, zone arithmetic
 * per candidate), measured in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SlotBenchmark {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  @Param({"40", "400"})
  int bookings;

  Schedule schedule;
  List<Block> blocks;
  Instant now;
  Instant from;
  Instant to;
  Duration length = Duration.ofMinutes(20);

  @Setup
  public void setUp() {
    Map<DayOfWeek, List<io.crossroads.availability.TimeRange>> weekly =
        new java.util.EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day :
        List.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY)) {
      weekly.put(
          day,
          List.of(
              io.crossroads.availability.TimeRange.parse("09:00-12:00"),
              io.crossroads.availability.TimeRange.parse("13:00-17:30")));
    }
    LocalDate start = LocalDate.of(2026, 3, 2);
    schedule =
        new Schedule(
            ZONE,
            weekly,
            Map.of(
                start.plusDays(9),
                List.of(),
                start.plusDays(16),
                List.of(io.crossroads.availability.TimeRange.parse("14:00-16:00"))),
            Duration.ofMinutes(10),
            Duration.ofMinutes(5),
            Duration.ofHours(24),
            90);
    now = start.atStartOfDay(ZONE).toInstant();
    from = now;
    to = from.plus(Duration.ofDays(31));
    Random random = new Random(7);
    blocks = new ArrayList<>();
    for (int i = 0; i < bookings; i++) {
      LocalDate day = start.plusDays(random.nextInt(31));
      Instant begin =
          ZonedDateTime.of(day, LocalTime.of(9 + random.nextInt(8), 15 * random.nextInt(4)), ZONE)
              .toInstant();
      blocks.add(
          new Block(begin.minus(Duration.ofMinutes(10)), begin.plus(Duration.ofMinutes(25))));
    }
  }

  @Benchmark
  public List<Slot> slotFinder() {
    return SlotFinder.open(
        schedule, from, to, length, now, blocks, 40, Map.of(YearMonth.of(2026, 3), 3));
  }

  @Benchmark
  public List<Slot> baseline() {
    List<Slot> slots = new ArrayList<>();
    Instant earliest = now.plus(schedule.minNotice());
    for (LocalDate day = LocalDate.ofInstant(from, ZONE);
        day.isBefore(LocalDate.ofInstant(to, ZONE));
        day = day.plusDays(1)) {
      for (io.crossroads.availability.TimeRange hours : schedule.hoursOn(day)) {
        for (LocalTime t = hours.start();
            !t.plus(length).isAfter(hours.end());
            t = t.plusMinutes(15)) {
          Instant begin = ZonedDateTime.of(day, t, ZONE).toInstant();
          Instant end = begin.plus(length);
          if (begin.isBefore(earliest)) {
            continue;
          }
          Instant padStart = begin.minus(schedule.bufferBefore());
          Instant padEnd = end.plus(schedule.bufferAfter());
          boolean free = true;
          for (Block b : blocks) {
            if (b.start().isBefore(padEnd) && b.end().isAfter(padStart)) {
              free = false;
              break;
            }
          }
          if (free) {
            slots.add(new Slot(begin, end));
          }
          if (t.isAfter(LocalTime.of(23, 0))) {
            break;
          }
        }
      }
    }
    return slots;
  }
}
