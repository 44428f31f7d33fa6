package io.crossroads.network;

import io.crossroads.platform.jobs.ScheduledRuns;
import io.crossroads.platform.jobs.TimersKeepRunning;
import io.crossroads.platform.metrics.BusinessMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The network's scheduled work: reminders to thank, and the weekly mail of contacts due. Every
 * instance's timers fire; one instance claims each period, and every message carries a key the
 * outbox takes once, so nobody hears twice.
 */
@Interceptors(TimersKeepRunning.class)
@Singleton
@Startup
public class NetworkJobs {

  static final String THANK_YOU_REMINDERS = "thank-you-reminders";
  static final String CONTACT_DIGEST = "contact-digest";
  private static final Logger LOG = Logger.getLogger(NetworkJobs.class.getName());

  @Inject ScheduledRuns runs;
  @Inject BusinessMetrics metrics;
  @Inject ThankYouReminders reminders;
  @Inject ContactDigest digest;
  @Inject Clock clock;
  @Resource TimerService timers;

  @Inject
  @ConfigProperty(name = "crossroads.jobs.thank-you-interval", defaultValue = "PT15M")
  Duration thankYouInterval;

  @Inject
  @ConfigProperty(name = "crossroads.jobs.digest-interval", defaultValue = "PT1H")
  Duration digestInterval;

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(
        thankYouInterval.toMillis(),
        thankYouInterval.toMillis(),
        new TimerConfig(THANK_YOU_REMINDERS, false));
    timers.createIntervalTimer(
        digestInterval.toMillis(),
        digestInterval.toMillis(),
        new TimerConfig(CONTACT_DIGEST, false));
    metrics.jobScheduled(THANK_YOU_REMINDERS);
    metrics.jobScheduled(CONTACT_DIGEST);
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void run(Timer timer) {
    Instant now = clock.instant();
    if (THANK_YOU_REMINDERS.equals(timer.getInfo())) {
      if (runs.claim(THANK_YOU_REMINDERS, ScheduledRuns.periodStart(now, thankYouInterval))) {
        metrics.timeJob(
            THANK_YOU_REMINDERS,
            () -> {
              int sent = reminders.remind(now);
              if (sent > 0) {
                LOG.info(() -> "Reminded " + sent + " employees to thank their leader");
              }
            });
      }
    } else if (runs.claim(CONTACT_DIGEST, ScheduledRuns.periodStart(now, digestInterval))) {
      metrics.timeJob(
          CONTACT_DIGEST,
          () -> {
            int sent = digest.send(now);
            if (sent > 0) {
              LOG.info(() -> "Mailed the contacts due to " + sent + " people");
            }
          });
    }
  }
}
