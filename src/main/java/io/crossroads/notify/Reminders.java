package io.crossroads.notify;

import io.crossroads.interviews.Interviews;
import io.crossroads.platform.jobs.ScheduledRuns;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Reminds both parties a day ahead. One instance claims each quarter hour; each interview's
 * reminder is queued once per start time (a rescheduled interview is reminded again).
 */
@Singleton
public class Reminders {

  static final String JOB = "interview-reminders";
  static final Duration PERIOD = Duration.ofMinutes(15);

  @Inject ScheduledRuns runs;
  @Inject Queue queue;
  @Inject Clock clock;

  @Schedule(minute = "*/15", hour = "*", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void run() {
    Instant now = clock.instant();
    if (runs.claim(JOB, ScheduledRuns.periodStart(now, PERIOD))) {
      queue.remindersDue(now);
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
      due.forEach(notifications::reminder);
      return due.size();
    }
  }
}
