package io.crossroads.network;

import static io.crossroads.platform.problem.RefusalAssertions.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossroads.platform.problem.ProblemType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Keeping in touch: cadence, touches on time or late, snooze and stop. */
class ContactTest {

  static final Instant MET = Instant.parse("2026-03-10T15:00:00Z");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  final Contact contact = Contact.met(UUID.randomUUID(), UUID.randomUUID(), 30, MET);

  @Test
  void aContactIsFirstDueOneCadenceAfterTheMeeting() {
    assertThat(contact.nextDueAt()).isEqualTo(MET.plus(Duration.ofDays(30)));
    assertThat(contact.dueBy(MET.plus(Duration.ofDays(29)))).isFalse();
    assertThat(contact.dueBy(MET.plus(Duration.ofDays(30)))).isTrue();
  }

  @Test
  void aTouchByTheDueDayIsOnTimeALaterOneIsNotAndEitherStartsTheNextCadence() {
    ContactTouch onTime = contact.touch(MET.plus(Duration.ofDays(30)), " Shared my plan ");
    Instant late = MET.plus(Duration.ofDays(75));
    ContactTouch overdue = contact.touch(late, null);

    assertThat(onTime.onTime()).isTrue();
    assertThat(onTime.note()).isEqualTo("Shared my plan");
    assertThat(overdue.onTime()).isFalse();
    assertThat(contact.touchesDue()).isEqualTo(2);
    assertThat(contact.touchesOnTime()).isEqualTo(1);
    assertThat(contact.lastTouchAt()).isEqualTo(late);
    assertThat(contact.nextDueAt()).isEqualTo(late.plus(Duration.ofDays(30)));
  }

  @Test
  void aNewCadenceCountsFromTheLastTouch() {
    Instant touched = MET.plus(Duration.ofDays(10));
    contact.touch(touched, null);

    contact.change(14, null, false, NEW_YORK, touched);

    assertThat(contact.cadenceDays()).isEqualTo(14);
    assertThat(contact.nextDueAt()).isEqualTo(touched.plus(Duration.ofDays(14)));
  }

  @Test
  void aSnoozeKeepsTheContactQuietUntilThatDayInTheEmployeesZone() {
    Instant now = MET.plus(Duration.ofDays(31));
    LocalDate until = LocalDate.parse("2026-06-01");

    contact.change(30, until, false, NEW_YORK, now);

    assertThat(contact.snoozedUntil()).isEqualTo(until);
    assertThat(contact.nextDueAt()).isEqualTo(until.atStartOfDay(NEW_YORK).toInstant());
    assertThat(contact.dueBy(now)).isFalse();
    refused(
        () -> contact.change(30, LocalDate.parse("2026-04-10"), false, NEW_YORK, now),
        ProblemType.VALIDATION_FAILED);
    refused(
        () -> contact.change(30, LocalDate.parse("2027-06-01"), false, NEW_YORK, now),
        ProblemType.VALIDATION_FAILED);
  }

  @Test
  void aStoppedContactIsNeverDue() {
    contact.change(30, null, true, NEW_YORK, MET);

    assertThat(contact.stopped()).isTrue();
    assertThat(contact.dueBy(MET.plus(Duration.ofDays(400)))).isFalse();
  }

  @Test
  void theCadenceStaysBetweenAWeekAndAYear() {
    refused(() -> contact.change(6, null, false, NEW_YORK, MET), ProblemType.VALIDATION_FAILED);
    refused(() -> contact.change(366, null, false, NEW_YORK, MET), ProblemType.VALIDATION_FAILED);
  }
}
