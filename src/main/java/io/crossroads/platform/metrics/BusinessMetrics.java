package io.crossroads.platform.metrics;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Records the business metrics of {@link BusinessMetric}. Counters of changes count on commit, so a
 * change rolled back is not counted. Nothing here reads the database; only gauges may, when {@code
 * /metrics} is read.
 */
@ApplicationScoped
public class BusinessMetrics {

  /** The registry problems are counted in; null outside the server. */
  private static volatile MetricRegistry problems;

  @Inject MetricRegistry registry;

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  /** Registers every counter at start-up, so each shows from 0 before anything happened. */
  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    counter(BusinessMetric.REQUESTS_SENT);
    counter(BusinessMetric.INTERVIEWS_HELD);
    problems = registry;
  }

  /** Counts a problem answered, by its type's slug; called where every problem body is written. */
  public static void problemAnswered(String type) {
    MetricRegistry registry = problems;
    if (registry != null) {
      registry.counter(metadata(BusinessMetric.PROBLEMS), new Tag(BusinessMetric.TYPE, type)).inc();
    }
  }

  public void requestSent() {
    onCommit(counter(BusinessMetric.REQUESTS_SENT));
  }

  /** A leader answered a request; {@code answer} is the state it left the request in. */
  public void requestAnswered(String answer) {
    onCommit(counter(BusinessMetric.REQUESTS_ANSWERED, new Tag(BusinessMetric.ANSWER, answer)));
  }

  public void interviewHeld() {
    onCommit(counter(BusinessMetric.INTERVIEWS_HELD));
  }

  /**
   * Shows a scheduled job's runs and failures from 0 on this instance before it first runs here, so
   * that its first run, or first failure, is an increase Prometheus can see.
   */
  public void jobScheduled(String job) {
    Tag tag = new Tag(BusinessMetric.JOB, job);
    registry.timer(metadata(BusinessMetric.JOB_DURATION), tag);
    counter(BusinessMetric.JOB_FAILURES, tag);
  }

  /** Runs a scheduled job's work, timed under the job's name; a run that throws is counted. */
  public void timeJob(String job, Runnable work) {
    Tag tag = new Tag(BusinessMetric.JOB, job);
    Counter failures = counter(BusinessMetric.JOB_FAILURES, tag);
    registry
        .timer(metadata(BusinessMetric.JOB_DURATION), tag)
        .time(
            () -> {
              try {
                work.run();
              } catch (RuntimeException failed) {
                failures.inc();
                throw failed;
              }
            });
  }

  /** A run of the job failed, and the job itself carries on (it tries again next period). */
  public void jobFailed(String job) {
    counter(BusinessMetric.JOB_FAILURES, new Tag(BusinessMetric.JOB, job)).inc();
  }

  /** Registers a gauge; {@code value} is read each time {@code /metrics} is. */
  public void gauge(BusinessMetric metric, Supplier<Double> value) {
    registry.gauge(metadata(metric), value);
  }

  private Counter counter(BusinessMetric metric, Tag... tags) {
    return registry.counter(metadata(metric), tags);
  }

  private static Metadata metadata(BusinessMetric metric) {
    return Metadata.builder()
        .withName(metric.metricName())
        .withDescription(metric.description())
        .withUnit(metric.unit())
        .build();
  }

  private void onCommit(Counter counter) {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      counter.inc();
      return;
    }
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              counter.inc();
            }
          }
        });
  }
}
