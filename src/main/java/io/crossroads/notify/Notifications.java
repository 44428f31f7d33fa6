package io.crossroads.notify;

import io.crossroads.people.Directory;
import io.crossroads.people.Person;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who hears about what. Every method queues messages in the caller's transaction, so a change and
 * the news of it are committed together or not at all.
 */
@ApplicationScoped
public class Notifications {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm (zzz)", Locale.ENGLISH);

  @Inject Outbox outbox;
  @Inject Directory directory;
  @Inject Clock clock;

  /** What calendars show as an invitation's title; neutral unless configured otherwise. */
  @Inject
  @ConfigProperty(
      name = "crossroads.calendar.summary",
      defaultValue = CalendarInvites.NEUTRAL_SUMMARY)
  String summary;

  /** A request arrived, was followed up, redirected to them, or withdrawn: tell the leader. */
  public void toLeader(UUID leaderId, UUID requesterId, String kind, String what) {
    Person leader = person(leaderId);
    Person requester = person(requesterId);
    queue(
        kind,
        leader,
        headline(requester.displayName() + " " + what),
        "Hello "
            + leader.displayName()
            + ",\n\n"
            + requester.displayName()
            + " ("
            + requester.title()
            + ") "
            + what
            + ".\nOpen Crossroads to answer.\n");
  }

  /** The leader answered (declined, proposed times, redirected), or the request expired. */
  public void toEmployee(UUID requesterId, UUID leaderId, String kind, String what) {
    Person requester = person(requesterId);
    Person leader = person(leaderId);
    queue(
        kind,
        requester,
        headline(leader.displayName() + " " + what),
        "Hello " + requester.displayName() + ",\n\n" + leader.displayName() + " " + what + ".\n");
  }

  /**
   * A meeting was scheduled, moved or cancelled: both parties get the calendar update, with the
   * reason the one who changed it gave, if any.
   */
  public void calendarChanged(Meeting interview, String kind, String headline) {
    calendarChanged(interview, kind, headline, null, null);
  }

  /**
   * As {@link #calendarChanged(Meeting, String, String)}, telling why and by whom; a reason with
   * nobody as its author ({@code changedBy} null) is the program's, given as it is.
   */
  public void calendarChanged(
      Meeting interview, String kind, String headline, UUID changedBy, String reason) {
    Person employee = person(interview.employeeId());
    Person leader = person(interview.leaderId());
    OutboxMessage.Invite invite = invite(interview, employee, leader);
    String why =
        reason == null || reason.isBlank()
            ? ""
            : changedBy == null
                ? reason.strip() + "\n"
                : (changedBy.equals(employee.id()) ? employee : leader).displayName()
                    + " said why: "
                    + reason.strip()
                    + "\n";
    for (Person to : new Person[] {employee, leader}) {
      Person other = to.id().equals(employee.id()) ? leader : employee;
      queueCalendar(interview, kind, headline, invite, to, other, why);
    }
  }

  /**
   * As {@link #calendarChanged(Meeting, String, String, UUID, String)} with the program's reason,
   * to one of the two parties only ({@code to}): when the other has left the company, and is not to
   * be written to any more.
   */
  public void calendarChangedFor(
      Meeting interview, UUID to, String kind, String headline, String reason) {
    Person employee = person(interview.employeeId());
    Person leader = person(interview.leaderId());
    if (!to.equals(employee.id()) && !to.equals(leader.id())) {
      throw new IllegalArgumentException("not a party of this interview");
    }
    Person reader = to.equals(employee.id()) ? employee : leader;
    queueCalendar(
        interview,
        kind,
        headline,
        invite(interview, employee, leader),
        reader,
        reader == employee ? leader : employee,
        reason == null || reason.isBlank() ? "" : reason.strip() + "\n");
  }

  private void queueCalendar(
      Meeting interview,
      String kind,
      String headline,
      OutboxMessage.Invite invite,
      Person to,
      Person other,
      String why) {
    String subject = headline + ": " + other.displayName() + ", " + when(interview.start(), to);
    String body =
        "Hello "
            + to.displayName()
            + ",\n\n"
            + headline
            + " with "
            + other.displayName()
            + ": "
            + when(interview.start(), to)
            + ", "
            + interview.lengthMinutes()
            + " minutes.\n"
            + why
            + "The invitation is attached.\n";
    outbox.add(
        new OutboxMessage(kind, to.id(), to.email(), subject, body, invite, null, clock.instant()));
  }

  /** The meeting as iCalendar, as its invitations carry it. */
  public String calendar(Meeting meeting) {
    return invite(meeting, person(meeting.employeeId()), person(meeting.leaderId())).text();
  }

  private OutboxMessage.Invite invite(Meeting meeting, Person employee, Person leader) {
    String title = summary.isBlank() ? CalendarInvites.NEUTRAL_SUMMARY : summary.strip();
    return CalendarInvites.invite(meeting, employee, leader, clock.instant(), title);
  }

  /** Within a day of the start: a reminder to both, queued once per meeting and start time. */
  public void reminder(Meeting interview) {
    String key = "reminder:" + interview.id() + ":" + interview.start();
    if (outbox.queued(key + ":employee")) {
      return;
    }
    Person employee = person(interview.employeeId());
    Person leader = person(interview.leaderId());
    Instant now = clock.instant();
    outbox.add(
        new OutboxMessage(
            "reminder",
            employee.id(),
            employee.email(),
            "Reminder: informational interview with " + leader.displayName(),
            "Hello "
                + employee.displayName()
                + ",\n\nOn "
                + when(interview.start(), employee)
                + " you meet "
                + leader.displayName()
                + ". Prepare two or three questions, keep to "
                + interview.lengthMinutes()
                + " minutes, and ask whom else you could talk to.\n",
            null,
            key + ":employee",
            now));
    outbox.add(
        new OutboxMessage(
            "reminder",
            leader.id(),
            leader.email(),
            "Reminder: informational interview with " + employee.displayName(),
            "Hello "
                + leader.displayName()
                + ",\n\nOn "
                + when(interview.start(), leader)
                + " "
                + employee.displayName()
                + " meets you for "
                + interview.lengthMinutes()
                + " minutes.\n",
            null,
            key + ":leader",
            now));
  }

  /** A message of its own to one person. */
  public void tell(UUID personId, String kind, String subject, String body) {
    outbox.add(own(person(personId), kind, subject, body, null));
  }

  /**
   * A message that must go at most once ever, for a caller that already checked {@link #queued} for
   * many keys at once: queued without looking again, and the database refuses the same key twice
   * whatever runs at the same moment.
   */
  public void tellOnce(UUID personId, String kind, String subject, String body, String onceKey) {
    outbox.add(
        own(person(personId), kind, subject, body, Objects.requireNonNull(onceKey, "onceKey")));
  }

  /** As {@link #tellOnce(UUID, String, String, String, String)}, with a file attached. */
  public void tellOnce(
      UUID personId,
      String kind,
      String subject,
      String body,
      String onceKey,
      OutboxMessage.Attachment file) {
    outbox.add(
        own(person(personId), kind, subject, body, Objects.requireNonNull(onceKey, "onceKey"))
            .attach(file));
  }

  private OutboxMessage own(Person to, String kind, String subject, String body, String onceKey) {
    return new OutboxMessage(
        kind,
        to.id(),
        to.email(),
        subject.length() <= 100 ? subject : subject.substring(0, 97) + "...",
        "Hello " + to.displayName() + ",\n\n" + body,
        null,
        onceKey,
        clock.instant());
  }

  /** The keys among {@code onceKeys} that were queued already. */
  public Set<String> queued(Collection<String> onceKeys) {
    return outbox.queued(onceKeys);
  }

  private void queue(String kind, Person to, String subject, String body) {
    outbox.add(
        new OutboxMessage(kind, to.id(), to.email(), subject, body, null, null, clock.instant()));
  }

  private Person person(UUID id) {
    return directory.person(id).orElseThrow();
  }

  /** The first clause of a sentence, short enough for a subject line. */
  static String headline(String sentence) {
    String first = sentence.split("[.;:]", 2)[0].strip();
    return first.length() <= 100 ? first : first.substring(0, 97) + "...";
  }

  static String when(Instant instant, Person reader) {
    return WHEN.format(ZonedDateTime.ofInstant(instant, reader.timeZone()));
  }
}
