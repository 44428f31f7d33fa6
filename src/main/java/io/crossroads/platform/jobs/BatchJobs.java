package io.crossroads.platform.jobs;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts long jobs (cohort rounds, directory imports) as Jakarta Batch jobs, and starts again the
 * ones nobody is working on: queued but never started, or whose instance stopped sending heartbeats
 * (it stopped, or crashed). Every instance looks; the row's claim ({@link JobRuns}) lets exactly
 * one attempt run a job. Batch's own job repository is per instance and may be lost with it; the
 * job's row is what counts.
 */
@Interceptors(TimersKeepRunning.class)
@Singleton
@Startup
public class BatchJobs {

  private static final Logger LOG = Logger.getLogger(BatchJobs.class.getName());

  @Inject JobRuns runs;
  @Inject @Any Instance<JobKind> kinds;
  @Resource TimerService timers;

  /** A running job silent for this long is taken over (jobs beat every 2 seconds). */
  @Inject
  @ConfigProperty(name = "crossroads.jobs.stale-after", defaultValue = "PT2M")
  Duration staleAfter;

  /** How often every instance looks for abandoned jobs. */
  @Inject
  @ConfigProperty(name = "crossroads.jobs.recovery-interval", defaultValue = "PT1M")
  Duration interval;

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(
        interval.toMillis(), interval.toMillis(), new TimerConfig("job-recovery", false));
  }

  public Duration staleAfter() {
    return staleAfter;
  }

  /** Starts the job of a row; call outside a transaction, so the job sees the committed row. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public long start(JobKind kind, UUID id) {
    Properties parameters = new Properties();
    parameters.setProperty("id", id.toString());
    return BatchRuntime.getJobOperator().start(kind.batchJob(), parameters);
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void recover() {
    for (JobKind kind : kinds) {
      for (UUID id : runs.abandoned(kind, staleAfter)) {
        LOG.info(
            () ->
                kind.batchJob()
                    + " "
                    + id
                    + " has no live attempt; starting it again on "
                    + ScheduledRuns.instance());
        start(kind, id);
      }
    }
  }
}
