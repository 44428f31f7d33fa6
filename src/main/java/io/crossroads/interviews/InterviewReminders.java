package io.crossroads.interviews;

import io.crossroads.notify.Notifications;
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
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reminds both parties a day ahead. Every instance's timer fires, one claims each period; each
 * interview's reminder is queued once per start time (a rescheduled interview is reminded again).
 */
@Interceptors(TimersKeepRunning.class)
@Singleton
@Startup
public class InterviewReminders {

  static final String JOB = "interview-reminders";

  @Inject ScheduledRuns runs;
  @Inject BusinessMetrics metrics;
  @Inject Queue queue;
  @Inject Clock clock;
  @Resource TimerService timers;

  @Inject
  @ConfigProperty(name = "crossroads.jobs.reminder-interval", defaultValue = "PT15M")
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
      metrics.timeJob(JOB, () -> queue.remindersDue(now));
    }
  }

  /** Queues the reminders for interviews starting in the next 24 hours. */
  @ApplicationScoped
  public static class Queue {
    @Inject Interviews interviews;
    @Inject Notifications notifications;

    @Transactional
    public int remindersDue(Instant now) {
      var due = interviews.scheduledStarting(now, now.plus(Duration.ofHours(24)));
      due.forEach(interview -> notifications.reminder(interview.meeting()));
      return due.size();
    }
  }
}
