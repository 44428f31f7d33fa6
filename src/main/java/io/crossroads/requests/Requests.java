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

  @PersistenceContext EntityManager em;

  public void add(InterviewRequest request) {
    em.persist(request);
  }

  public Optional<InterviewRequest> find(UUID id) {
    return Optional.ofNullable(em.find(InterviewRequest.class, id));
  }

  /** Reloads the request so a decision taken under a lock sees what others committed. */
  public void refresh(InterviewRequest request) {
    em.refresh(request);
  }

  /** Writes pending changes now, so a lost compare-and-swap fails inside the caller's method. */
  public void flush() {
    em.flush();
  }

  /** Requests of an employee still waiting for an answer. */
  public long openCount(UUID requesterId) {
    return em.createQuery(
            "select count(r) from InterviewRequest r where r.requesterId = :requester"
                + " and r.status in :open",
            Long.class)
        .setParameter("requester", requesterId)
        .setParameter("open", RequestStatus.OPEN)
        .getSingleResult();
  }

  /**
   * Requests an employee sent since {@code since}. A request a leader forwarded to a colleague is
   * the same request in the employee's eyes: only the one they sent counts.
   */
  public long sentSince(UUID requesterId, Instant since) {
    return em.createQuery(
            "select count(r) from InterviewRequest r where r.requesterId = :requester"
                + " and r.createdAt >= :since and r.redirectedFrom is null",
            Long.class)
        .setParameter("requester", requesterId)
        .setParameter("since", since)
        .getSingleResult();
  }

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

  /** The open requests that {@code people} sent or received. */
  List<InterviewRequest> openOfAny(Collection<UUID> people) {
    return em.createQuery(
            "select r from InterviewRequest r where r.status in :open"
                + " and (r.requesterId in :people or r.leaderId in :people)",
            InterviewRequest.class)
        .setParameter("open", RequestStatus.OPEN)
        .setParameter("people", people)
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
