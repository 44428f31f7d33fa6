package io.crossroads.reporting;

import io.crossroads.people.DivisionsAtTheTime;
import io.crossroads.platform.jobs.ScheduledRuns;
import io.crossroads.platform.jobs.TimersKeepRunning;
import io.crossroads.platform.metrics.BusinessMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * Stamps the rows written since the last run with their divisions at the time ({@link
 * DivisionsAtTheTime}) and folds the requests sent, interviews booked and interviews held since
 * into the leaders' monthly counts ({@link LeaderMonthCounts}) and what befell the stamped requests
 * into the employees' ({@link PipelineMonthCounts}), a batch per transaction. Every instance's
 * timer fires; one instance claims each period.
 */
@Interceptors(TimersKeepRunning.class)
@Singleton
@Startup
public class DivisionStamps {

  static final String JOB = "division-stamps";
  private static final Logger LOG = Logger.getLogger(DivisionStamps.class.getName());

  @Inject ScheduledRuns runs;
  @Inject BusinessMetrics metrics;
  @Inject Batch batch;
  @Inject Clock clock;
  @Resource TimerService timers;

  @Inject
  @ConfigProperty(name = "crossroads.jobs.division-stamps-interval", defaultValue = "PT5M")
  Duration period;

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(period.toMillis(), period.toMillis(), new TimerConfig(JOB, false));
    metrics.jobScheduled(JOB);
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void run() {
    Instant now = clock.instant();
    if (runs.claim(JOB, ScheduledRuns.periodStart(now, period))) {
      metrics.timeJob(
          JOB,
          () -> {
            long batches = 0;
            int last;
            do {
              last = batch.stamp(Batch.SIZE);
              batches++;
            } while (last >= Batch.SIZE);
            long total = batches;
            LOG.fine(() -> "Stamped and counted new rows in " + total + " batches");
          });
    }
  }

  /** One batch, in its own transaction. */
  @ApplicationScoped
  public static class Batch {

    /** Rows of each kind per transaction; a batch is full when any kind filled it. */
    static final int SIZE = 5_000;

    @PersistenceContext EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int stamp(int size) {
      return em.unwrap(Session.class)
          .doReturningWork(connection -> stampAndCount(connection, size));
    }
  }

  /**
   * One batch on {@code connection}, in its transaction: up to {@code size} rows of each kind
   * stamped, then counted. Answers the most rows of any kind.
   */
  public static int stampAndCount(Connection connection, int size) throws SQLException {
    ReportSql.on(connection);
    int stamped = DivisionsAtTheTime.stamp(connection, size);
    // Counts kept in a division the stamps no longer say (stamps an import of the version before
    // these counts forgot, during a rolling upgrade) are forgotten too, under the stamping lock.
    DivisionsAtTheTime.forget(connection, PipelineMonthCounts.countedElsewhere(connection));
    // Divisions' months a move touched are counted again before more is added to them.
    int recounted = PipelineDivisionMonths.recount(connection, size);
    int counted = LeaderMonthCounts.fold(connection, size);
    int piped = PipelineMonthCounts.fold(connection, size);
    return Math.max(Math.max(stamped, recounted), Math.max(counted, piped));
  }
}
