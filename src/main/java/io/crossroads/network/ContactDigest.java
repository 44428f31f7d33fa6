package io.crossroads.network;

import io.crossroads.notify.Notifications;
import io.crossroads.people.Directory;
import io.crossroads.people.Person;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The weekly mail of contacts due (DESIGN rule 9): to each person with a contact due within the
 * coming week, one mail a week (ISO week, UTC), none when nothing is due or they unsubscribed.
 * People are taken a thousand at a time, each thousand in a transaction of its own.
 */
@ApplicationScoped
class ContactDigest {

  static final int CHUNK = 1000;
  static final Duration AHEAD = Duration.ofDays(7);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

  @PersistenceContext EntityManager em;
  @Inject Directory directory;
  @Inject Notifications notifications;
  @Inject ContactDigest self;

  static String week(Instant now) {
    ZonedDateTime utc = now.atZone(ZoneOffset.UTC);
    return utc.get(IsoFields.WEEK_BASED_YEAR)
        + "-W"
        + String.format("%02d", utc.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  static String key(UUID personId, Instant now) {
    return "contact-digest:" + personId + ":" + week(now);
  }

  /** Mails everyone due this week who has not had this week's mail; returns how many. */
  public int send(Instant now) {
    int sent = 0;
    // The smallest UUID in the database's order (an unsigned comparison, unlike Java's).
    UUID after = new UUID(0L, 0L);
    while (true) {
      List<UUID> people = self.peopleDue(now, after);
      if (people.isEmpty()) {
        return sent;
      }
      sent += self.mail(people, now);
      after = people.get(people.size() - 1);
    }
  }

  /** The next thousand people (by id, after {@code after}) with a contact due this week. */
  @Transactional
  public List<UUID> peopleDue(Instant now, UUID after) {
    return em.createQuery(
            "select distinct c.employeeId from Contact c where c.stopped = false"
                + " and c.nextDueAt <= :by and c.employeeId > :after"
                + " and not exists (select d from DigestPreference d"
                + " where d.personId = c.employeeId and d.weekly = false)"
                + " order by c.employeeId",
            UUID.class)
        .setParameter("by", now.plus(AHEAD))
        .setParameter("after", after)
        .setMaxResults(CHUNK)
        .getResultList();
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int mail(List<UUID> people, Instant now) {
    Set<String> done = notifications.queued(people.stream().map(p -> key(p, now)).toList());
    List<UUID> todo = people.stream().filter(p -> !done.contains(key(p, now))).toList();
    if (todo.isEmpty()) {
      return 0;
    }
    Map<UUID, List<Contact>> due =
        em
            .createQuery(
                "select c from Contact c where c.stopped = false and c.nextDueAt <= :by"
                    + " and c.employeeId in :people order by c.employeeId, c.nextDueAt",
                Contact.class)
            .setParameter("by", now.plus(AHEAD))
            .setParameter("people", todo)
            .getResultList()
            .stream()
            .collect(
                Collectors.groupingBy(
                    Contact::employeeId, LinkedHashMap::new, Collectors.toList()));
    Map<UUID, Person> known =
        directory.people(
            Stream.concat(
                    due.keySet().stream(),
                    due.values().stream().flatMap(List::stream).map(Contact::personId))
                .distinct()
                .toList());
    due.forEach(
        (employee, contacts) -> {
          Person to = known.get(employee);
          StringBuilder body =
              new StringBuilder("Time to keep in touch with the people you met:\n\n");
          for (Contact contact : contacts) {
            Person person = known.get(contact.personId());
            body.append("- ")
                .append(person.displayName())
                .append(" (")
                .append(person.title())
                .append("), ")
                .append(contact.nextDueAt().isAfter(now) ? "due " : "due since ")
                .append(DAY.format(contact.nextDueAt().atZone(to.timeZone())))
                .append('\n');
          }
          body.append(
              "\nA short note on what you did with their advice is enough. Log it under"
                  + " Contacts in Crossroads, where you can also change how often, snooze, or"
                  + " turn this weekly mail off.\n");
          notifications.tellOnce(
              employee,
              "contact-digest",
              contacts.size() == 1
                  ? "1 contact to keep in touch with this week"
                  : contacts.size() + " contacts to keep in touch with this week",
              body.toString(),
              key(employee, now));
        });
    return due.size();
  }
}
