package io.crossroads.requests;

import io.crossroads.interviews.Interviews;
import io.crossroads.notify.Notifications;
import io.crossroads.people.Directory;
import io.crossroads.people.PeopleLeft;
import io.crossroads.people.Person;
import io.crossroads.platform.jobs.ScheduledRuns;
import io.crossroads.platform.jobs.TimersKeepRunning;
import io.crossroads.platform.metrics.BusinessMetrics;
import io.crossroads.program.FollowUpPolicy;
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
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Expires requests that stayed unanswered for the program's business days after the last attempt,
 * and closes what people who left still have open ({@link Expirations#closeLeftBehind}). Every
 * instance's timer fires; the one that claims the period runs it, and each request changes by
 * compare-and-swap, so a leader accepting at the same moment wins or loses cleanly.
 */
@Interceptors(TimersKeepRunning.class)
@Singleton
@Startup
public class RequestExpiry {

  static final String JOB = "request-expiry";
  private static final Logger LOG = Logger.getLogger(RequestExpiry.class.getName());

  @Inject ScheduledRuns runs;
  @Inject BusinessMetrics metrics;
  @Inject Expirations expirations;
  @Inject Clock clock;
  @Resource TimerService timers;

  /** How often the job runs; every instance's timer fires, one claims each period. */
  @Inject
  @ConfigProperty(name = "crossroads.jobs.expiry-interval", defaultValue = "PT10M")
  Duration period;

  @PostConstruct
  void schedule() {
    TimerConfig config = new TimerConfig(JOB, false);
    timers.createIntervalTimer(period.toMillis(), period.toMillis(), config);
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
            int expired = expirations.expireDue(now);
            if (expired > 0) {
              LOG.info(() -> "Expired " + expired + " unanswered requests");
            }
            int gone = expirations.closeLeftBehind(now);
            if (gone > 0) {
              LOG.info(() -> "Closed what " + gone + " people who left had still open");
            }
          });
    }
  }

  /** The work itself, one transaction per request. */
  @ApplicationScoped
  public static class Expirations {
    private static final int BATCH = 500;

    @PersistenceContext EntityManager em;
    @Inject Directory directory;
    @Inject Program program;
    @Inject Instance<OtherLeaders> otherLeaders;
    @Inject Notifications notifications;
    @Inject Expirations self;
    @Inject Requests requests;
    @Inject Interviews interviews;
    @Inject Event<PeopleLeft> leavers;

    /** Expires every request due at {@code now}; returns how many. */
    public int expireDue(Instant now) {
      FollowUpPolicy policy = program.rules().followUpPolicy();
      int expired = 0;
      for (UUID id : candidates(policy, now)) {
        try {
          if (self.expireOne(id, policy, now)) {
            expired++;
          }
        } catch (RuntimeException failed) {
          // Most often answered or withdrawn while we looked; anything else is worth knowing.
          LOG.log(Level.FINE, "Request " + id + " was not expired", failed);
        }
      }
      return expired;
    }

    /**
     * Requests that may be due: business days are never fewer than calendar days, so a request is
     * not due before as many calendar days as it has business days to wait (the follow-up window
     * and expiry while a follow-up is left, the expiry alone otherwise).
     */
    List<UUID> candidates(FollowUpPolicy policy, Instant now) {
      return em.createQuery(
              "select r.id from InterviewRequest r where r.status in :open"
                  + " and (r.lastAttemptAt <= :windowPassed or (r.lastAttemptAt <= :expired"
                  + " and (r.status = :countered or r.followUps >= :followUps)))"
                  + " order by r.lastAttemptAt",
              UUID.class)
          .setParameter("open", RequestStatus.OPEN)
          .setParameter(
              "windowPassed", now.minus(Duration.ofDays(policy.spacing() + policy.expiry())))
          .setParameter("expired", now.minus(Duration.ofDays(policy.expiry())))
          .setParameter("countered", RequestStatus.COUNTER_PROPOSED)
          .setParameter("followUps", policy.maxFollowUps())
          .setMaxResults(BATCH * 20)
          .getResultList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean expireOne(UUID id, FollowUpPolicy policy, Instant now) {
      InterviewRequest request = em.find(InterviewRequest.class, id);
      if (request == null) {
        return false;
      }
      Person requester = directory.person(request.requesterId()).orElseThrow();
      if (!request.isDue(policy, requester.timeZone(), now)) {
        return false;
      }
      request.expire(policy, requester.timeZone(), now);
      em.flush();
      notifications.toEmployee(
          request.requesterId(),
          request.leaderId(),
          "request-expired",
          "has not answered, so your request expired. " + elsewhere(request));
      return true;
    }

    /**
     * Closes what people who have left still have open, and answers how many people that was. A
     * request sent while the import that marked its leader gone was running can commit after the
     * import closed what was open (sending reads the leader without a lock), and would otherwise
     * wait for its expiry. Whoever has left with a request open or an interview to come is
     * announced as a leaver again, in a transaction of its own, and the close of {@link Leavers}
     * runs for them.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int closeLeftBehind(Instant now) {
      // Read from what is open (a few thousand rows at most), not from everyone who ever left.
      Set<UUID> left = new TreeSet<>(requests.openWithPartiesWhoLeft());
      left.addAll(interviews.scheduledWithPartiesWhoLeft(now));
      List<UUID> gone = List.copyOf(left);
      if (!gone.isEmpty()) {
        leavers.fire(new PeopleLeft(gone, now));
      }
      return gone.size();
    }

    /** Where the employee might turn instead: a few other leaders, named, when matching can say. */
    private String elsewhere(InterviewRequest request) {
      List<String> others = List.of();
      try {
        if (otherLeaders.isResolvable()) {
          others = otherLeaders.get().suggest(request.requesterId(), request.leaderId(), 3);
        }
      } catch (RuntimeException noSuggestions) {
        LOG.log(
            Level.WARNING,
            "No other leaders to suggest after request " + request.id(),
            noSuggestions);
      }
      if (others.isEmpty()) {
        return "Other leaders would be glad to hear from you: see your recommendations";
      }
      return "Other leaders would be glad to hear from you, for instance "
          + String.join(", ", others)
          + "; see all your recommendations";
    }
  }
}
