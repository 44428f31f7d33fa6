package io.crossroads.reporting;

import io.crossroads.notify.Notifications;
import io.crossroads.notify.OutboxMessage;
import io.crossroads.people.Directory;
import io.crossroads.people.Person;
import io.crossroads.platform.jobs.ScheduledRuns;
import io.crossroads.platform.jobs.TimersKeepRunning;
import io.crossroads.platform.metrics.BusinessMetrics;
import io.crossroads.program.Program;
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
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mails the previous month's report to every active HR person on the first business day of each
 * month (UTC, the program's holidays skipped). Every instance's timer fires; one instance claims
 * each period, and each message carries a key per month and person that the outbox takes once, so
 * nobody gets a month's report twice however often the job runs that day.
 */
@Interceptors(TimersKeepRunning.class)
@Singleton
@Startup
public class MonthlyReports {

  static final String JOB = "monthly-report";
  private static final Logger LOG = Logger.getLogger(MonthlyReports.class.getName());

  @Inject ScheduledRuns runs;
  @Inject BusinessMetrics metrics;
  @Inject Mailing mailing;
  @Inject Clock clock;
  @Resource TimerService timers;

  /** How often the job looks whether a report is due; every instance's timer fires. */
  @Inject
  @ConfigProperty(name = "crossroads.jobs.monthly-report-interval", defaultValue = "PT1H")
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
            try {
              int sent = mailing.mailDue(now);
              if (sent > 0) {
                LOG.info(() -> "Queued the monthly report for " + sent + " people in HR");
              }
            } catch (RuntimeException failed) {
              // Tried again in the next period: whoever has not got it yet gets it then.
              LOG.log(Level.WARNING, "The monthly report could not be mailed", failed);
              metrics.jobFailed(JOB);
            }
          });
    }
  }

  /** The mailing itself: the PDF made once, one message per person in its own transaction. */
  @ApplicationScoped
  public static class Mailing {

    private static final DateTimeFormatter MONTH =
        DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    @Inject Program program;
    @Inject Directory directory;
    @Inject Notifications notifications;
    @Inject MonthlyReport report;
    @Inject Mailing self;

    static String key(YearMonth month, UUID personId) {
      return "monthly-report:" + month + ":" + personId;
    }

    static String subject(YearMonth month) {
      return "Crossroads monthly report, " + month;
    }

    /** Queues the report due at {@code now} for whoever in HR has not had it; returns how many. */
    public int mailDue(Instant now) {
      LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
      Optional<YearMonth> due = ReportMonth.toMail(today, program.rules().calendar());
      if (due.isEmpty()) {
        return 0;
      }
      YearMonth month = due.get();
      List<UUID> waiting = self.waiting(month);
      if (waiting.isEmpty()) {
        return 0;
      }
      OutboxMessage.Attachment pdf =
          new OutboxMessage.Attachment(
              MonthlyPdf.fileName(month), "application/pdf", report.pdf(month));
      int queued = 0;
      for (UUID person : waiting) {
        try {
          self.mail(person, month, pdf);
          queued++;
        } catch (RuntimeException taken) {
          // Most often queued meanwhile by another run (the key is unique); the next run looks
          // again.
          LOG.log(Level.FINE, "The monthly report for " + person + " was not queued", taken);
        }
      }
      return queued;
    }

    /** Active HR people who have not had the month's report. */
    @Transactional
    public List<UUID> waiting(YearMonth month) {
      List<UUID> hr = directory.activeHr().stream().map(Person::id).toList();
      Set<String> done = notifications.queued(hr.stream().map(p -> key(month, p)).toList());
      return hr.stream().filter(p -> !done.contains(key(month, p))).toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void mail(UUID personId, YearMonth month, OutboxMessage.Attachment pdf) {
      notifications.tellOnce(
          personId,
          "monthly-report",
          subject(month),
          "The Crossroads report for "
              + MONTH.format(month)
              + " is attached: the pipeline, the flows between divisions, the leaders' load and"
              + " internal moves, for the whole company. Any group of fewer than 5 people is"
              + " suppressed.\n",
          key(month, personId),
          pdf);
    }
  }
}
