package io.crossroads.interviews;

import io.crossroads.availability.Bookings;
import io.crossroads.platform.api.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Stored interviews, and what they block on leaders' calendars. */
@ApplicationScoped
public class Interviews implements Bookings {

  /** Which side of an interview the caller wants to see. */
  public enum Side {
    EMPLOYEE,
    LEADER,
    BOTH
  }

  /** How many leaders one statement asks about at most. */
  private static final int READ_AT_ONCE = 1000;

  @PersistenceContext EntityManager em;

  public void add(Interview interview) {
    em.persist(interview);
  }

  public Optional<Interview> find(UUID id) {
    return Optional.ofNullable(em.find(Interview.class, id));
  }

  public Optional<Interview> forRequest(UUID requestId) {
    return em.createQuery("select i from Interview i where i.requestId = :r", Interview.class)
        .setParameter("r", requestId)
        .getResultStream()
        .findFirst();
  }

  /** Interviews recorded as held that ended in {@code [from, to)}. */
  public List<Interview> heldEnding(Instant from, Instant to) {
    return em.createQuery(
            "select i from Interview i where i.status = :held and i.endAt >= :from"
                + " and i.endAt < :to order by i.endAt",
            Interview.class)
        .setParameter("held", InterviewStatus.HELD)
        .setParameter("from", from)
        .setParameter("to", to)
        .getResultList();
  }

  /** The employee's interviews recorded as held that ended at or after {@code since}. */
  public List<Interview> heldOf(UUID employeeId, Instant since) {
    return em.createQuery(
            "select i from Interview i where i.employeeId = :e and i.status = :held"
                + " and i.endAt >= :since order by i.endAt",
            Interview.class)
        .setParameter("e", employeeId)
        .setParameter("held", InterviewStatus.HELD)
        .setParameter("since", since)
        .getResultList();
  }

  /** The employee's next scheduled interview that has not ended at {@code now}. */
  public Optional<Interview> nextOf(UUID employeeId, Instant now) {
    return em.createQuery(
            "select i from Interview i where i.employeeId = :e and i.status = :scheduled"
                + " and i.endAt > :now order by i.startAt, i.id",
            Interview.class)
        .setParameter("e", employeeId)
        .setParameter("scheduled", InterviewStatus.SCHEDULED)
        .setParameter("now", now)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** The interviews these requests became, by request id. */
  public Map<UUID, Interview> forRequests(Collection<UUID> requestIds) {
    Map<UUID, Interview> byRequest = new HashMap<>();
    if (requestIds.isEmpty()) {
      return byRequest;
    }
    em.createQuery("select i from Interview i where i.requestId in :requests", Interview.class)
        .setParameter("requests", requestIds)
        .getResultList()
        .forEach(i -> byRequest.put(i.requestId(), i));
    return byRequest;
  }

  /** A scheduled interview's two people, read as values. */
  public record Between(UUID id, UUID employeeId, UUID leaderId) {}

  /** Every interview scheduled to start after {@code now}, as its two people. */
  public List<Between> scheduledAfter(Instant now) {
    return em
        .createQuery(
            "select i.id, i.employeeId, i.leaderId from Interview i where i.status = :scheduled"
                + " and i.startAt > :now",
            Object[].class)
        .setParameter("scheduled", InterviewStatus.SCHEDULED)
        .setParameter("now", now)
        .getResultList()
        .stream()
        .map(row -> new Between((UUID) row[0], (UUID) row[1], (UUID) row[2]))
        .toList();
  }

  /** The people no longer active with an interview scheduled to start after {@code now}. */
  public List<UUID> scheduledWithPartiesWhoLeft(Instant now) {
    return em.createQuery(
            "select i.employeeId from Interview i, Person p"
                + " where p.id = i.employeeId and p.active = false"
                + " and i.status = :scheduled and i.startAt > :now"
                + " union select i.leaderId from Interview i, Person p"
                + " where p.id = i.leaderId and p.active = false"
                + " and i.status = :scheduled and i.startAt > :now",
            UUID.class)
        .setParameter("scheduled", InterviewStatus.SCHEDULED)
        .setParameter("now", now)
        .getResultList();
  }

  /** The interviews scheduled to start after {@code now} with any of these people, either side. */
  public List<Between> scheduledOfAnyAfter(Collection<UUID> people, Instant now) {
    List<UUID> ids = List.copyOf(people);
    List<Between> scheduled = new java.util.ArrayList<>();
    for (int from = 0; from < ids.size(); from += READ_AT_ONCE) {
      em.createQuery(
              "select i.id, i.employeeId, i.leaderId from Interview i where i.status = :scheduled"
                  + " and i.startAt > :now and (i.employeeId in :people or i.leaderId in :people)",
              Object[].class)
          .setParameter("scheduled", InterviewStatus.SCHEDULED)
          .setParameter("now", now)
          .setParameter("people", ids.subList(from, Math.min(ids.size(), from + READ_AT_ONCE)))
          .getResultList()
          .forEach(row -> scheduled.add(new Between((UUID) row[0], (UUID) row[1], (UUID) row[2])));
    }
    return scheduled;
  }

  /**
   * The interviews scheduled with these leaders to start after {@code now}, each row locked for the
   * rest of the transaction, so that neither party moves or cancels them meanwhile.
   */
  public List<Interview> scheduledWithForUpdate(Collection<UUID> leaders, Instant now) {
    return scheduledForUpdate("i.leaderId in :people", leaders, now);
  }

  /**
   * The interviews of {@code people} (either party) scheduled to start after {@code now}, each row
   * locked for the rest of the transaction.
   */
  public List<Interview> scheduledOfAnyWithForUpdate(Collection<UUID> people, Instant now) {
    return scheduledForUpdate("(i.employeeId in :people or i.leaderId in :people)", people, now);
  }

  /** The interviews scheduled to start after {@code now} whose {@code people} match, locked. */
  private List<Interview> scheduledForUpdate(String match, Collection<UUID> people, Instant now) {
    List<UUID> ids = List.copyOf(people);
    List<Interview> scheduled = new java.util.ArrayList<>();
    for (int from = 0; from < ids.size(); from += READ_AT_ONCE) {
      scheduled.addAll(
          em.createQuery(
                  "select i from Interview i where i.status = :scheduled and i.startAt > :now"
                      + " and "
                      + match
                      + " order by i.id",
                  Interview.class)
              .setParameter("scheduled", InterviewStatus.SCHEDULED)
              .setParameter("now", now)
              .setParameter("people", ids.subList(from, Math.min(ids.size(), from + READ_AT_ONCE)))
              .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
              .getResultList());
    }
    return scheduled;
  }

  /** Whether an active interview of the leader blocks any of {@code [blockStart, blockEnd)}. */
  public boolean leaderBusy(UUID leaderId, Instant blockStart, Instant blockEnd) {
    return !em.createQuery(
            "select i.id from Interview i where i.leaderId = :leader and i.status = :active"
                + " and i.blockStart < :end and i.blockEnd > :start",
            UUID.class)
        .setParameter("leader", leaderId)
        .setParameter("active", InterviewStatus.SCHEDULED)
        .setParameter("start", blockStart)
        .setParameter("end", blockEnd)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /** Every scheduled interview starting in {@code [from, to)}. */
  public List<Interview> scheduledStarting(Instant from, Instant to) {
    return em.createQuery(
            "select i from Interview i where i.status = :active and i.startAt >= :from"
                + " and i.startAt < :to order by i.startAt",
            Interview.class)
        .setParameter("active", InterviewStatus.SCHEDULED)
        .setParameter("from", from)
        .setParameter("to", to)
        .getResultList();
  }

  /**
   * The stretches the active interviews of several leaders starting in {@code [from, to)} block,
   * read as values: nothing of them joins the persistence context, so a leader's busy day costs no
   * entities to build and check for changes at commit.
   */
  @Override
  public List<Booked> ofLeaders(Collection<UUID> leaderIds, Instant from, Instant to) {
    if (leaderIds.isEmpty()) {
      return List.of();
    }
    // One leader (a booking) by a single-valued parameter: Hibernate translates a query with a
    // list parameter to SQL again on every execution, one with single values only once.
    boolean one = leaderIds.size() == 1;
    return em
        .createQuery(
            "select i.id, i.leaderId, i.blockStart, i.blockEnd from Interview i where i.leaderId"
                + (one ? " = :leaders" : " in :leaders")
                + " and i.status = :active"
                + " and i.startAt >= :from and i.startAt < :to order by i.startAt",
            Object[].class)
        .setParameter("leaders", one ? leaderIds.iterator().next() : leaderIds)
        .setParameter("active", InterviewStatus.SCHEDULED)
        .setParameter("from", from)
        .setParameter("to", to)
        .getResultList()
        .stream()
        .map(row -> new Booked((UUID) row[0], (UUID) row[1], (Instant) row[2], (Instant) row[3]))
        .toList();
  }

  /**
   * Per employee, the leaders they met in an interview held since {@code heldSince} or have one
   * scheduled with: the pairs the program's repeat window keeps apart.
   */
  public Map<UUID, Set<UUID>> metSince(Collection<UUID> employees, Instant heldSince) {
    Map<UUID, Set<UUID>> met = new HashMap<>();
    if (employees.isEmpty()) {
      return met;
    }
    boolean one = employees.size() == 1; // as in ofLeaders
    em.createQuery(
            "select i.employeeId, i.leaderId from Interview i where i.employeeId"
                + (one ? " = :ids" : " in :ids")
                + " and (i.status = :scheduled or (i.status = :held and i.startAt >= :since))",
            Object[].class)
        .setParameter("ids", one ? employees.iterator().next() : employees)
        .setParameter("scheduled", InterviewStatus.SCHEDULED)
        .setParameter("held", InterviewStatus.HELD)
        .setParameter("since", heldSince)
        .getResultList()
        .forEach(
            row -> met.computeIfAbsent((UUID) row[0], k -> new HashSet<>()).add((UUID) row[1]));
    return met;
  }

  public Page<Interview> of(
      UUID personId, Side side, Instant from, Instant to, int limit, int offset) {
    StringBuilder where =
        new StringBuilder(
            switch (side) {
              case EMPLOYEE -> " from Interview i where i.employeeId = :person";
              case LEADER -> " from Interview i where i.leaderId = :person";
              case BOTH ->
                  " from Interview i where (i.employeeId = :person or i.leaderId = :person)";
            });
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("person", personId);
    if (from != null) {
      where.append(" and i.startAt >= :from");
      parameters.put("from", from);
    }
    if (to != null) {
      where.append(" and i.startAt < :to");
      parameters.put("to", to);
    }
    TypedQuery<Long> count = em.createQuery("select count(i)" + where, Long.class);
    TypedQuery<Interview> page =
        em.createQuery("select i" + where + " order by i.startAt, i.id", Interview.class)
            .setFirstResult(offset)
            .setMaxResults(limit);
    parameters.forEach(
        (name, value) -> {
          count.setParameter(name, value);
          page.setParameter(name, value);
        });
    return new Page<>(page.getResultList(), count.getSingleResult());
  }
}
