package io.crossroads.platform.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Makes scheduled work cluster-safe: every instance's timer fires, but only the one that claims the
 * period's row runs the job.
 */
@ApplicationScoped
public class ScheduledRuns {

  private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /** This instance's name in claims: process id and host, as the JVM reports them. */
  public static String instance() {
    return INSTANCE;
  }

  /** The start of the period of {@code length} that {@code now} falls in. */
  public static Instant periodStart(Instant now, Duration length) {
    long millis = length.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), millis) * millis);
  }

  /**
   * Whether this instance won the run of {@code job} for the period starting at {@code period}. A
   * period another instance claimed already is passed over without an error (every instance but one
   * loses every period, and a failed insert is logged as an error); only two instances claiming at
   * the same moment meet the primary key.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean claim(String job, Instant period) {
    boolean taken =
        !em.createNativeQuery("select 1 from scheduled_run where job = ?1 and period_start = ?2")
            .setParameter(1, job)
            .setParameter(2, period)
            .getResultList()
            .isEmpty();
    if (taken) {
      return false;
    }
    try {
      em.createNativeQuery(
              "insert into scheduled_run (job, period_start, instance, claimed_at) values (?1, ?2, ?3, ?4)")
          .setParameter(1, job)
          .setParameter(2, period)
          .setParameter(3, INSTANCE)
          .setParameter(4, clock.instant())
          .executeUpdate();
      return true;
    } catch (PersistenceException racedAndLost) {
      return false;
    }
  }
}
