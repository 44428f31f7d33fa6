package io.crossroads.platform.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Ownership of long jobs whose rows carry the standard columns ({@code status, attempt, claimed_by,
 * heartbeat_at, started_at, finished_at, progress_done, error, created_at}): an attempt claims a
 * QUEUED row, or a RUNNING one whose heartbeat went silent, and from then on every write of an
 * attempt that lost the row is refused. Each call commits on its own.
 */
@ApplicationScoped
public class JobRuns {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /** The new attempt's number, or 0 when the job is finished or another live attempt holds it. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int claim(JobKind kind, UUID id, Duration stale) {
    Instant now = clock.instant();
    int updated =
        em.createNativeQuery(
                "update "
                    + kind.table()
                    + " set status = 'RUNNING',"
                    + " attempt = attempt + 1, claimed_by = ?1, heartbeat_at = ?2, started_at = ?2,"
                    + " progress_done = 0, error = null, version = version + 1"
                    + " where id = ?3 and (status = 'QUEUED' or (status = 'RUNNING' and heartbeat_at < ?4))")
            .setParameter(1, ScheduledRuns.instance())
            .setParameter(2, now)
            .setParameter(3, id)
            .setParameter(4, now.minus(stale))
            .executeUpdate();
    if (updated == 0) {
      return 0;
    }
    return ((Number)
            em.createNativeQuery("select attempt from " + kind.table() + " where id = ?1")
                .setParameter(1, id)
                .getSingleResult())
        .intValue();
  }

  /** Records progress and the heartbeat; false when the attempt no longer owns the job. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean progress(JobKind kind, UUID id, int attempt, int done) {
    return em.createNativeQuery(
                "update "
                    + kind.table()
                    + " set progress_done = ?1, heartbeat_at = ?2,"
                    + " version = version + 1 where id = ?3 and attempt = ?4 and status = 'RUNNING'")
            .setParameter(1, done)
            .setParameter(2, clock.instant())
            .setParameter(3, id)
            .setParameter(4, attempt)
            .executeUpdate()
        == 1;
  }

  /** Ends the attempt as FAILED with an error a person can read. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void fail(JobKind kind, UUID id, int attempt, String error) {
    em.createNativeQuery(
            "update "
                + kind.table()
                + " set status = 'FAILED', error = ?1, finished_at = ?2,"
                + " version = version + 1 where id = ?3 and attempt = ?4")
        .setParameter(1, truncate(error, 2000))
        .setParameter(2, clock.instant())
        .setParameter(3, id)
        .setParameter(4, attempt)
        .executeUpdate();
  }

  /** Jobs no instance works on: queued for longer than {@code stale}, or gone silent. */
  @Transactional
  public List<UUID> abandoned(JobKind kind, Duration stale) {
    Instant since = clock.instant().minus(stale);
    List<?> ids =
        em.createNativeQuery(
                "select cast(id as varchar(36)) from "
                    + kind.table()
                    + " where (status = 'QUEUED' and created_at < ?1) or (status = 'RUNNING' and heartbeat_at < ?1)")
            .setParameter(1, since)
            .getResultList();
    return ids.stream().map(id -> UUID.fromString((String) id)).toList();
  }

  public static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
