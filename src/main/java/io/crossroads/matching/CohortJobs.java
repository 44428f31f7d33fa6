package io.crossroads.matching;

import io.crossroads.platform.jobs.JobRuns;
import io.crossroads.platform.jobs.ScheduledRuns;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts cohort rounds as Jakarta Batch jobs, and restarts the rounds nobody is working on: a
 * round queued but never started, or one whose instance stopped sending heartbeats (it stopped,
 * or crashed). Every instance looks; the round's claim lets exactly one attempt run it. Batch's
 * own job repository is per instance and may be lost with it; the round's row is what counts.
 */
@Singleton
@Startup
public class CohortJobs {

  static final String JOB = "cohort-round";
  private static final Logger LOG = Logger.getLogger(CohortJobs.class.getName());

  @Inject JobRuns runs;
  @Inject Clock clock;
  @Resource TimerService timers;

  @Inject
  @ConfigProperty(name = "crossroads.matching.stale-after", defaultValue = "PT2M")
  Duration staleAfter;

  /** How often every instance looks for abandoned rounds. */
  @Inject
  @ConfigProperty(name = "crossroads.jobs.cohort-recovery-interval", defaultValue = "PT1M")
  Duration interval;

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig(JOB, false));
  }

  /** Starts the round's job; call outside a transaction, so the job sees the committed round. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public long start(UUID roundId) {
    JobOperator operator = BatchRuntime.getJobOperator();
    Properties parameters = new Properties();
    parameters.setProperty("roundId", roundId.toString());
    return operator.start(JOB, parameters);
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void recover() {
    for (UUID id : runs.abandoned(JobRuns.Table.COHORT_ROUND, staleAfter)) {
      LOG.info(() -> "Cohort round " + id + " has no live attempt; starting it again on "
          + ScheduledRuns.instance());
      start(id);
    }
  }
}
