package io.crossroads.notify;

import io.crossroads.people.Person;
import java.net.URI;
import java.time.Instant;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableClazz;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * iCalendar for an interview, built with ical4j: one UID per interview for its whole life, the
 * SEQUENCE rising with every change, the leader as ORGANIZER, METHOD:REQUEST while it stands and
 * METHOD:CANCEL once it is called off, so calendars remove it instead of keeping a stale copy.
 *
 * <p>An employee's calendar is often visible to their manager or an assistant, so the event is
 * CLASS:PRIVATE and its summary neutral; what the meeting is about stays in the description, which
 * a private event hides from them.
 */
public final class CalendarInvites {

  public static final String PRODUCT = "-//Crossroads//Informational interviews//EN";

  /** The summary every invitation carries unless configured otherwise: it names nobody. */
  public static final String NEUTRAL_SUMMARY = "Conversation (Crossroads)";

  private CalendarInvites() {}

  public static String uid(Meeting meeting) {
    return meeting.id() + "@crossroads";
  }

  public static OutboxMessage.Invite invite(
      Meeting meeting, Person employee, Person leader, Instant stamp) {
    return invite(meeting, employee, leader, stamp, NEUTRAL_SUMMARY);
  }

  public static OutboxMessage.Invite invite(
      Meeting meeting, Person employee, Person leader, Instant stamp, String summary) {
    boolean cancelled = meeting.cancelled();
    Method method = cancelled ? new Method(Method.VALUE_CANCEL) : new Method(Method.VALUE_REQUEST);
    VEvent event = new VEvent(meeting.start(), meeting.end(), summary);
    event.add(ImmutableClazz.PRIVATE);
    event.replace(new Uid(uid(meeting)));
    event.add(new DtStamp(stamp));
    event.add(new Sequence(meeting.sequence()));
    event.add(cancelled ? new Status(Status.VALUE_CANCELLED) : new Status(Status.VALUE_CONFIRMED));
    event.add(
        new Description(
            "Informational interview: "
                + employee.displayName()
                + " and "
                + leader.displayName()
                + ". "
                + meeting.lengthMinutes()
                + " minutes, "
                + meeting.format().toLowerCase().replace('_', ' ')
                + ". Advice, not a job meeting. Close on time."));
    Organizer organizer = new Organizer(URI.create("mailto:" + leader.email()));
    organizer.add(new Cn(leader.displayName()));
    event.add(organizer);
    event.add(attendee(leader, PartStat.ACCEPTED));
    event.add(attendee(employee, PartStat.ACCEPTED));
    Calendar calendar = new Calendar();
    calendar.add(new ProdId(PRODUCT));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(method);
    calendar.add(event);
    return new OutboxMessage.Invite(calendar.toString(), method.getValue());
  }

  private static Attendee attendee(Person person, PartStat status) {
    Attendee attendee = new Attendee(URI.create("mailto:" + person.email()));
    attendee.add(new Cn(person.displayName()));
    attendee.add(Role.REQ_PARTICIPANT);
    attendee.add(status);
    return attendee;
  }
}
