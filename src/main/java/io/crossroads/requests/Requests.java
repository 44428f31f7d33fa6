package io.crossroads.requests;

import io.crossroads.platform.api.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
        .setParameter("open", List.of(RequestStatus.PENDING, RequestStatus.COUNTER_PROPOSED))
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
