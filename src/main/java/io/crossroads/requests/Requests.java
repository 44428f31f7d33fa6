package io.crossroads.requests;

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

/** Stored interview requests. */
@ApplicationScoped
public class Requests {

  /** How many leaders one statement asks about at most. */
  private static final int READ_AT_ONCE = 1000;

  @PersistenceContext EntityManager em;

  public void add(InterviewRequest request) {
    em.persist(request);
  }

  public Optional<InterviewRequest> find(UUID id) {
    return Optional.ofNullable(em.find(InterviewRequest.class, id));
  }

  /**
   * Locks the profile row of the leader a request is addressed to, found through the request in the
   * same statement, and answers the leader's id; empty if there is no such request (or its leader
   * has no profile). Whoever holds the lock decides alone about this leader's calendar, on every
   * instance; what is read after it is as others committed it.
   */
  public Optional<UUID> lockLeaderOf(UUID requestId) {
    List<?> locked =
        em.createNativeQuery(
                "select cast(lp.person_id as varchar(36)) from leader_profile lp"
                    + " where lp.person_id ="
                    + " (select r.leader_id from interview_request r where r.id = ?1)"
                    + " for update")
            .setParameter(1, requestId)
            .getResultList();
    return locked.stream().findFirst().map(id -> UUID.fromString((String) id));
  }

  /** Writes pending changes now, so a lost compare-and-swap fails inside the caller's method. */
  public void flush() {
    em.flush();
  }

  /**
   * What an employee's limits and the program's eligibility need of the requests they sent, read in
   * one query: the leaders with a request of theirs open, how many are open, and how many they sent
   * since {@code since} (a request a leader forwarded to a colleague is the same request in the
   * employee's eyes: only the one they sent counts).
   */
  public Sent sentBy(UUID requesterId, Instant since) {
    Set<UUID> openLeaders = new HashSet<>();
    long open = 0;
    long sent = 0;
    for (Object[] row :
        em.createQuery(
                "select r.leaderId, r.status, r.createdAt, r.redirectedFrom"
                    + " from InterviewRequest r where r.requesterId = :requester"
                    + " and (r.status = :pending or r.status = :countered"
                    + " or (r.createdAt >= :since and r.redirectedFrom is null))",
                Object[].class)
            .setParameter("requester", requesterId)
            .setParameter("pending", RequestStatus.PENDING)
            .setParameter("countered", RequestStatus.COUNTER_PROPOSED)
            .setParameter("since", since)
            .getResultList()) {
      if (RequestStatus.OPEN.contains((RequestStatus) row[1])) {
        open++;
        openLeaders.add((UUID) row[0]);
      }
      if (!((Instant) row[2]).isBefore(since) && row[3] == null) {
        sent++;
      }
    }
    return new Sent(Set.copyOf(openLeaders), open, sent);
  }

  /** An employee's requests as {@link #sentBy} counts them. */
  public record Sent(Set<UUID> openLeaders, long open, long sentSince) {}

  /** Per employee, the leaders who have a request of theirs open. */
  public Map<UUID, Set<UUID>> openLeadersOf(Collection<UUID> requesters) {
    Map<UUID, Set<UUID>> open = new HashMap<>();
    if (requesters.isEmpty()) {
      return open;
    }
    em.createQuery(
            "select r.requesterId, r.leaderId from InterviewRequest r"
                + " where r.requesterId in :ids and r.status in :open",
            Object[].class)
        .setParameter("ids", requesters)
        .setParameter("open", RequestStatus.OPEN)
        .getResultList()
        .forEach(
            row -> open.computeIfAbsent((UUID) row[0], k -> new HashSet<>()).add((UUID) row[1]));
    return open;
  }

  /**
   * Per employee, the leaders a colleague referred them to by redirecting a request, with the name
   * of who referred them.
   */
  public Map<UUID, Map<UUID, String>> referralsOf(Collection<UUID> requesters) {
    Map<UUID, Map<UUID, String>> referrals = new HashMap<>();
    if (requesters.isEmpty()) {
      return referrals;
    }
    em.createQuery(
            "select r.requesterId, r.leaderId, p.displayName from InterviewRequest r, Person p"
                + " where r.referredBy = p.id and r.requesterId in :ids",
            Object[].class)
        .setParameter("ids", requesters)
        .getResultList()
        .forEach(
            row ->
                referrals
                    .computeIfAbsent((UUID) row[0], k -> new HashMap<>())
                    .put((UUID) row[1], (String) row[2]));
    return referrals;
  }

  /** Open requests per leader, for every leader with any (or only those in {@code only}). */
  public Map<UUID, Integer> waitingPerLeader(Collection<UUID> only) {
    var query =
        em.createQuery(
                "select r.leaderId, count(r) from InterviewRequest r where r.status in :open"
                    + (only == null ? "" : " and r.leaderId in :only")
                    + " group by r.leaderId",
                Object[].class)
            .setParameter("open", RequestStatus.OPEN);
    if (only != null) {
      query.setParameter("only", only);
    }
    Map<UUID, Integer> waiting = new HashMap<>();
    for (Object[] row : query.getResultList()) {
      waiting.put((UUID) row[0], ((Number) row[1]).intValue());
    }
    return waiting;
  }

  /** The requests that cite any of these referrals, oldest first. */
  public List<InterviewRequest> citing(Collection<UUID> referralIds) {
    if (referralIds.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select r from InterviewRequest r where r.referralId in :referrals order by r.createdAt",
            InterviewRequest.class)
        .setParameter("referrals", referralIds)
        .getResultList();
  }

  /** The open requests an employee sent, the longest waiting first. */
  List<InterviewRequest> openSentBy(UUID requesterId) {
    return em.createQuery(
            "select r from InterviewRequest r where r.requesterId = :requester"
                + " and r.status in :open order by r.lastAttemptAt, r.id",
            InterviewRequest.class)
        .setParameter("requester", requesterId)
        .setParameter("open", RequestStatus.OPEN)
        .getResultList();
  }

  /** An open request's two people, read as values. */
  record Between(UUID id, UUID requesterId, UUID leaderId) {}

  /** Every open request, as its two people. */
  List<Between> open() {
    return em
        .createQuery(
            "select r.id, r.requesterId, r.leaderId from InterviewRequest r"
                + " where r.status in :open",
            Object[].class)
        .setParameter("open", RequestStatus.OPEN)
        .getResultList()
        .stream()
        .map(row -> new Between((UUID) row[0], (UUID) row[1], (UUID) row[2]))
        .toList();
  }

  /**
   * The open requests to these leaders, each row locked for the rest of the transaction, so that no
   * answer of either party changes them meanwhile.
   */
  List<InterviewRequest> openToForUpdate(Collection<UUID> leaders) {
    List<UUID> ids = List.copyOf(leaders);
    List<InterviewRequest> open = new java.util.ArrayList<>();
    for (int from = 0; from < ids.size(); from += READ_AT_ONCE) {
      open.addAll(
          em.createQuery(
                  "select r from InterviewRequest r where r.status in :open"
                      + " and r.leaderId in :leaders order by r.id",
                  InterviewRequest.class)
              .setParameter("open", RequestStatus.OPEN)
              .setParameter("leaders", ids.subList(from, Math.min(ids.size(), from + READ_AT_ONCE)))
              .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
              .getResultList());
    }
    return open;
  }

  /** The people no longer active who sent or received a request still open. */
  List<UUID> openWithPartiesWhoLeft() {
    return em.createQuery(
            "select r.requesterId from InterviewRequest r, Person p"
                + " where p.id = r.requesterId and p.active = false and r.status in :open"
                + " union select r.leaderId from InterviewRequest r, Person p"
                + " where p.id = r.leaderId and p.active = false and r.status in :open",
            UUID.class)
        .setParameter("open", RequestStatus.OPEN)
        .getResultList();
  }

  /** The open requests that {@code people} sent or received, as their two people. */
  List<Between> openOfAny(Collection<UUID> people) {
    return em
        .createQuery(
            "select r.id, r.requesterId, r.leaderId from InterviewRequest r where r.status in :open"
                + " and (r.requesterId in :people or r.leaderId in :people)",
            Object[].class)
        .setParameter("open", RequestStatus.OPEN)
        .setParameter("people", people)
        .getResultList()
        .stream()
        .map(row -> new Between((UUID) row[0], (UUID) row[1], (UUID) row[2]))
        .toList();
  }

  /**
   * The open requests that {@code people} sent or received, each row locked for the rest of the
   * transaction.
   */
  List<InterviewRequest> openOfAnyForUpdate(Collection<UUID> people) {
    return em.createQuery(
            "select r from InterviewRequest r where r.status in :open"
                + " and (r.requesterId in :people or r.leaderId in :people) order by r.id",
            InterviewRequest.class)
        .setParameter("open", RequestStatus.OPEN)
        .setParameter("people", people)
        .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
  }

  public Page<InterviewRequest> of(
      UUID personId, Party side, RequestStatus status, int limit, int offset) {
    String where =
        (side == Party.LEADER
                ? " from InterviewRequest r where r.leaderId = :person"
                : " from InterviewRequest r where r.requesterId = :person")
            + (status == null ? "" : " and r.status = :status");
    TypedQuery<Long> count = em.createQuery("select count(r)" + where, Long.class);
    TypedQuery<InterviewRequest> page =
        em.createQuery(
                "select r" + where + " order by r.createdAt desc, r.id", InterviewRequest.class)
            .setFirstResult(offset)
            .setMaxResults(limit);
    count.setParameter("person", personId);
    page.setParameter("person", personId);
    if (status != null) {
      count.setParameter("status", status);
      page.setParameter("status", status);
    }
    return new Page<>(page.getResultList(), count.getSingleResult());
  }
}
