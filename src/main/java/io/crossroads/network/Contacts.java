package io.crossroads.network;

import io.crossroads.interviews.InterviewHeld;
import io.crossroads.people.Person;
import io.crossroads.program.Program;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.jpa.HibernateHints;

/** Stored contacts; every held interview makes the leader a contact of the employee. */
@ApplicationScoped
class Contacts {

  @PersistenceContext EntityManager em;
  @Inject Program program;

  /**
   * In the transaction that records the interview as held: a new contact with the program's
   * cadence, or, for someone met before, a touch.
   */
  void met(@Observes InterviewHeld held) {
    Optional<Contact> known = find(held.employeeId(), held.leaderId());
    if (known.isPresent()) {
      em.persist(known.get().touch(held.end(), "Met in an informational interview"));
    } else {
      em.persist(
          Contact.met(
              held.employeeId(), held.leaderId(), program.rules().keepInTouchDays(), held.end()));
    }
  }

  Optional<Contact> find(UUID employeeId, UUID personId) {
    return Optional.ofNullable(em.find(Contact.class, new Contact.Key(employeeId, personId)));
  }

  /** A contact with the person it is about. */
  record WithPerson(Contact contact, Person person) {}

  /** The employee's contacts with their people, the next due first, read once and not kept. */
  List<WithPerson> of(UUID employeeId) {
    return em
        .createQuery(
            "select c, p from Contact c join Person p on p.id = c.personId"
                + " where c.employeeId = :e order by c.stopped, c.nextDueAt",
            Object[].class)
        .setParameter("e", employeeId)
        .setHint(HibernateHints.HINT_READ_ONLY, true)
        .getResultList()
        .stream()
        .map(row -> new WithPerson((Contact) row[0], (Person) row[1]))
        .toList();
  }

  List<ContactTouch> touches(UUID employeeId) {
    return em.createQuery(
            "select t from ContactTouch t where t.employeeId = :e order by t.at",
            ContactTouch.class)
        .setParameter("e", employeeId)
        .getResultList();
  }

  void add(ContactTouch touch) {
    em.persist(touch);
  }
}
