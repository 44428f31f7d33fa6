package io.crossroads.network;

import io.crossroads.interviews.Interview;
import io.crossroads.interviews.Interviews;
import io.crossroads.network.NetworkViews.AgendaView;
import io.crossroads.network.NetworkViews.ContactDue;
import io.crossroads.network.NetworkViews.NextInterview;
import io.crossroads.network.NetworkViews.ThankYouDue;
import io.crossroads.people.Directory;
import io.crossroads.people.PeopleViews.PersonRef;
import io.crossroads.people.Person;
import io.crossroads.platform.api.Page;
import io.crossroads.platform.problem.Refusal;
import io.crossroads.requests.Awaiting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What needs the employee now, for their home: new times to answer, follow-ups they may send,
 * leaders to thank, contacts due, and the next interview. Each feature decides what is due by its
 * own rules; this only reads them together, for the caller alone.
 */
@ApplicationScoped
class Agenda {

  /** The most items of one kind shown at once; the total says how many there are. */
  static final int SHOWN = 5;

  @PersistenceContext EntityManager em;
  @Inject Awaiting awaiting;
  @Inject Interviews interviews;
  @Inject Contacts contacts;
  @Inject Directory directory;
  @Inject Clock clock;

  @Transactional
  public AgendaView of(UUID me) {
    Instant now = clock.instant();
    Person employee = directory.person(me).orElseThrow(() -> Refusal.notFound("You"));
    Awaiting.Turns turns = awaiting.of(employee, now);
    List<Interview> unthanked = unthanked(me, now);
    Optional<Interview> next = interviews.nextOf(me, now);
    Map<UUID, Person> leaders =
        directory.people(
            Stream.concat(unthanked.stream(), next.stream())
                .map(Interview::leaderId)
                .distinct()
                .toList());
    List<ContactDue> due =
        contacts.of(me).stream()
            .filter(c -> c.contact().dueBy(now))
            .map(
                c ->
                    new ContactDue(
                        PersonRef.of(c.person()),
                        c.contact().lastTouchAt(),
                        c.contact().nextDueAt()))
            .toList();
    return new AgendaView(
        shown(turns.counterProposals()),
        shown(turns.followUpsDue()),
        shown(
            unthanked.stream()
                .map(
                    i ->
                        new ThankYouDue(
                            i.id(),
                            PersonRef.of(leaders.get(i.leaderId())),
                            i.end(),
                            i.end().plus(ThankYou.ON_TIME)))
                .toList()),
        shown(due),
        next.map(
                i ->
                    new NextInterview(
                        i.id(),
                        PersonRef.of(leaders.get(i.leaderId())),
                        i.start(),
                        i.end(),
                        i.lengthMinutes(),
                        i.format()))
            .orElse(null));
  }

  /** The employee's held interviews still asked to be thanked for, the oldest first. */
  private List<Interview> unthanked(UUID me, Instant now) {
    List<Interview> held = interviews.heldOf(me, now.minus(ThankYou.ASKED_FOR));
    if (held.isEmpty()) {
      return held;
    }
    Set<UUID> thanked =
        new HashSet<>(
            em.createQuery(
                    "select t.interviewId from ThankYou t where t.interviewId in :ids", UUID.class)
                .setParameter("ids", held.stream().map(Interview::id).toList())
                .getResultList());
    return held.stream().filter(i -> !thanked.contains(i.id())).toList();
  }

  private static <T> Page<T> shown(List<T> all) {
    return new Page<>(all.stream().limit(SHOWN).toList(), all.size());
  }
}
