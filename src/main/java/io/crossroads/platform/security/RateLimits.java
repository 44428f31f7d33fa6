package io.crossroads.platform.security;

import io.crossroads.platform.jobs.ScheduledRuns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Counts attempts per person and action in fixed windows, in the database, so that the limit is the
 * same however many instances share the load. Each count commits on its own: a refused or failed
 * attempt still counts.
 */
@ApplicationScoped
class RateLimits {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject RateLimits self;

  /** Counts an attempt; empty if allowed, otherwise how long until the window ends. */
  public Optional<Duration> attempt(String action, String subject, int limit, Duration window) {
    return attempt(action, subject, limit, window, clock.instant());
  }

  /** Counts an attempt made at {@code now}; empty if allowed, otherwise the time left. */
  public Optional<Duration> attempt(
      String action, String subject, int limit, Duration window, Instant now) {
    Instant start = ScheduledRuns.periodStart(now, window);
    if (self.count(action, subject, start, limit)
        || opened(action, subject, start)
        || self.count(action, subject, start, limit)) {
      return Optional.empty();
    }
    return Optional.of(left(now, start, window));
  }

  /** A count to look at: an action, whose attempts, and how many the window allows. */
  record Count(String action, String subject, int limit) {}

  /**
   * Without counting, in one statement: whether the window of {@code now} has no attempt left for
   * any of these counts, and then how long until it ends. A count without a subject is skipped.
   */
  public Optional<Duration> exhausted(List<Count> counts, Duration window, Instant now) {
    List<Count> present = counts.stream().filter(c -> c.subject() != null).toList();
    if (present.isEmpty()) {
      return Optional.empty();
    }
    Instant start = ScheduledRuns.periodStart(now, window);
    StringBuilder sql =
        new StringBuilder("select attempts from rate_window where window_start = ?1 and (");
    for (int i = 0; i < present.size(); i++) {
      int at = 2 + 3 * i;
      sql.append(i == 0 ? "" : " or ")
          .append("(subject = ?")
          .append(at)
          .append(" and action = ?")
          .append(at + 1)
          .append(" and attempts >= ?")
          .append(at + 2)
          .append(')');
    }
    Query query = em.createNativeQuery(sql.append(')').toString()).setParameter(1, start);
    for (int i = 0; i < present.size(); i++) {
      int at = 2 + 3 * i;
      query
          .setParameter(at, present.get(i).subject())
          .setParameter(at + 1, present.get(i).action())
          .setParameter(at + 2, present.get(i).limit());
    }
    return query.setMaxResults(1).getResultList().isEmpty()
        ? Optional.empty()
        : Optional.of(left(now, start, window));
  }

  /** Gives back an attempt counted at {@code now}: it turned out not to be one that counts. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void giveBack(String action, String subject, Duration window, Instant now) {
    em.createNativeQuery(
            "update rate_window set attempts = attempts - 1 where subject = ?1"
                + " and action = ?2 and window_start = ?3 and attempts > 0")
        .setParameter(1, subject)
        .setParameter(2, action)
        .setParameter(3, ScheduledRuns.periodStart(now, window))
        .executeUpdate();
  }

  /**
   * Whether this attempt opened the window. Attempts racing to open it all try; those that lose
   * find their transaction rolled back by the one that won, and count in the window it opened.
   */
  private boolean opened(String action, String subject, Instant start) {
    try {
      return self.open(action, subject, start);
    } catch (RuntimeException lostTheRace) {
      return false;
    }
  }

  private static Duration left(Instant now, Instant start, Duration window) {
    Duration left = Duration.between(now, start.plus(window));
    return left.isNegative() ? Duration.ZERO : left;
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean count(String action, String subject, Instant start, int limit) {
    return em.createNativeQuery(
                "update rate_window set attempts = attempts + 1 where subject = ?1"
                    + " and action = ?2 and window_start = ?3 and attempts < ?4")
            .setParameter(1, subject)
            .setParameter(2, action)
            .setParameter(3, start)
            .setParameter(4, limit)
            .executeUpdate()
        == 1;
  }

  /** Opens the window with this attempt; false if another attempt opened it first. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean open(String action, String subject, Instant start) {
    try {
      em.createNativeQuery(
              "delete from rate_window where subject = ?1 and action = ?2 and window_start < ?3")
          .setParameter(1, subject)
          .setParameter(2, action)
          .setParameter(3, start)
          .executeUpdate();
      em.createNativeQuery(
              "insert into rate_window (subject, action, window_start, attempts) values (?1, ?2, ?3, 1)")
          .setParameter(1, subject)
          .setParameter(2, action)
          .setParameter(3, start)
          .executeUpdate();
      em.flush();
      return true;
    } catch (PersistenceException alreadyOpen) {
      return false;
    }
  }
}
