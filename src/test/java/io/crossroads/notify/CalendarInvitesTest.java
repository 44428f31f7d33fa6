package io.crossroads.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossroads.people.Person;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class CalendarInvitesTest {

  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  static final Instant START = Instant.parse("2026-03-10T13:00:00Z");

  final UUID division = UUID.randomUUID();
  final Person ava =
      new Person(
          UUID.randomUUID(),
          "ava",
          "Ava Thompson",
          "ava@example.com",
          division,
          "Analyst",
          4,
          null,
          ZoneId.of("America/New_York"),
          false,
          false);
  final Person leo =
      new Person(
          UUID.randomUUID(),
          "leo",
          "Leo Martins",
          "leo@example.com",
          UUID.randomUUID(),
          "Director",
          7,
          null,
          ZoneId.of("Europe/Berlin"),
          true,
          false);

  final UUID id = UUID.randomUUID();

  Meeting interview() {
    return new Meeting(
        id, ava.id(), leo.id(), START, START.plus(Duration.ofMinutes(20)), 20, "VIDEO", 0, false);
  }

  /** The same meeting, moved once: a later start and the next sequence. */
  Meeting moved(Instant start) {
    return new Meeting(
        id, ava.id(), leo.id(), start, start.plus(Duration.ofMinutes(20)), 20, "VIDEO", 1, false);
  }

  Meeting cancelled() {
    return new Meeting(
        id, ava.id(), leo.id(), START, START.plus(Duration.ofMinutes(20)), 20, "VIDEO", 1, true);
  }

  static Calendar parse(OutboxMessage.Invite invite) throws Exception {
    return new CalendarBuilder().build(new StringReader(invite.text()));
  }

  static String event(Calendar calendar, String property) {
    return calendar
        .<VEvent>getComponent("VEVENT")
        .orElseThrow()
        .getProperty(property)
        .orElseThrow()
        .getValue();
  }

  @Test
  void aScheduledInterviewIsARequestWithTheLeaderAsOrganizerInUtc() throws Exception {
    Meeting interview = interview();
    Calendar calendar = parse(CalendarInvites.invite(interview, ava, leo, NOW));

    assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
    assertThat(event(calendar, Property.UID)).isEqualTo(interview.id() + "@crossroads");
    assertThat(event(calendar, Property.SEQUENCE)).isEqualTo("0");
    assertThat(event(calendar, Property.DTSTART)).isEqualTo("20260310T130000Z");
    assertThat(event(calendar, Property.DTEND)).isEqualTo("20260310T132000Z");
    assertThat(event(calendar, Property.ORGANIZER)).isEqualTo("mailto:leo@example.com");
    assertThat(event(calendar, Property.STATUS)).isEqualTo("CONFIRMED");
    assertThat(
            calendar.<VEvent>getComponent("VEVENT").orElseThrow().getProperties(Property.ATTENDEE))
        .hasSize(2);
  }

  @Test
  void aMoveKeepsTheUidAndRaisesTheSequence() throws Exception {
    String uid = event(parse(CalendarInvites.invite(interview(), ava, leo, NOW)), Property.UID);

    Calendar moved =
        parse(CalendarInvites.invite(moved(START.plus(Duration.ofDays(1))), ava, leo, NOW));

    assertThat(event(moved, Property.UID)).isEqualTo(uid);
    assertThat(event(moved, Property.SEQUENCE)).isEqualTo("1");
    assertThat(event(moved, Property.DTSTART)).isEqualTo("20260311T130000Z");
  }

  @Test
  void aCancellationIsSentAsCancelSoCalendarsDropTheEvent() throws Exception {
    OutboxMessage.Invite invite = CalendarInvites.invite(cancelled(), ava, leo, NOW);
    Calendar calendar = parse(invite);

    assertThat(invite.method()).isEqualTo("CANCEL");
    assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
    assertThat(event(calendar, Property.STATUS)).isEqualTo("CANCELLED");
    assertThat(event(calendar, Property.SEQUENCE)).isEqualTo("1");
  }

  @Test
  void anInvitationIsPrivateAndItsSummaryNamesNobodyWhileTheDescriptionTellsTheDetails()
      throws Exception {
    for (Meeting meeting :
        new Meeting[] {interview(), moved(START.plusSeconds(3600)), cancelled()}) {
      Calendar calendar = parse(CalendarInvites.invite(meeting, ava, leo, NOW));

      assertThat(event(calendar, Property.CLASS)).isEqualTo("PRIVATE");
      assertThat(event(calendar, Property.SUMMARY)).isEqualTo("Conversation (Crossroads)");
      assertThat(event(calendar, Property.DESCRIPTION))
          .contains("Informational interview", "Ava Thompson", "Leo Martins", "20 minutes");
    }
  }

  @Test
  void aConfiguredSummaryReplacesTheNeutralOneAndTheEventStaysPrivate() throws Exception {
    Calendar calendar =
        parse(CalendarInvites.invite(interview(), ava, leo, NOW, "Meeting (Crossroads)"));

    assertThat(event(calendar, Property.SUMMARY)).isEqualTo("Meeting (Crossroads)");
    assertThat(event(calendar, Property.CLASS)).isEqualTo("PRIVATE");
  }
}
