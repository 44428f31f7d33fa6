package io.crossroads.notify;

import io.crossroads.platform.metrics.BusinessMetric;
import io.crossroads.platform.metrics.BusinessMetrics;
import io.crossroads.platform.persistence.Columns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The transactional outbox: messages are queued with the change they describe and delivered by
 * {@link #drain} on any instance. A batch is claimed for a lease ({@link OutboxLeases}), so two
 * instances draining at once never send the same message.
 */
@ApplicationScoped
class Outbox {

  static final int BATCH = 50;
  private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

  @PersistenceContext EntityManager em;
  @Inject MailSender sender;
  @Inject OutboxLeases leases;
  @Inject MailSettings settings;
  @Inject Clock clock;
  @Inject BusinessMetrics metrics;

  /** The backlog as last read for {@code /metrics}: one query serves both gauges for a while. */
  private volatile Backlog backlog;

  record Backlog(Instant readAt, long messages, Instant oldest) {
    double oldestAgeSeconds() {
      return oldest == null ? 0 : Math.max(0, Duration.between(oldest, readAt).toMillis()) / 1000.0;
    }
  }

  void gauges(@Observes @Initialized(ApplicationScoped.class) Object started) {
    metrics.gauge(BusinessMetric.OUTBOX_BACKLOG, () -> read(Backlog::messages));
    metrics.gauge(BusinessMetric.OUTBOX_OLDEST_AGE, () -> read(Backlog::oldestAgeSeconds));
  }

  /** A gauge's value, or NaN while the database cannot be read. */
  private double read(java.util.function.ToDoubleFunction<Backlog> value) {
    try {
      return value.applyAsDouble(backlog());
    } catch (RuntimeException unreadable) {
      return Double.NaN;
    }
  }

  /**
   * Messages not sent yet and the oldest one's age, read at most once a second (on the index of
   * {@code sent_at}).
   */
  Backlog backlog() {
    Instant now = clock.instant();
    Backlog last = backlog;
    if (last != null && Duration.between(last.readAt(), now).compareTo(Duration.ofSeconds(1)) < 0) {
      return last;
    }
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "select count(*), min(created_at) from outbox_message where sent_at is null")
                .getSingleResult();
    Backlog read =
        new Backlog(
            now, ((Number) row[0]).longValue(), row[1] == null ? null : Columns.instant(row[1]));
    backlog = read;
    return read;
  }

  /** Queues a message in the caller's transaction. */
  public void add(OutboxMessage message) {
    em.persist(message);
  }

  /** Whether a message with this key was ever queued. */
  public boolean queued(String dedupeKey) {
    return !em.createQuery("select m.id from OutboxMessage m where m.dedupeKey = :key", UUID.class)
        .setParameter("key", dedupeKey)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /** The keys among {@code dedupeKeys} of messages ever queued. */
  public Set<String> queued(Collection<String> dedupeKeys) {
    Set<String> queued = new HashSet<>();
    List<String> keys = List.copyOf(dedupeKeys);
    for (int from = 0; from < keys.size(); from += 1000) {
      queued.addAll(
          em.createQuery(
                  "select m.dedupeKey from OutboxMessage m where m.dedupeKey in :keys",
                  String.class)
              .setParameter("keys", keys.subList(from, Math.min(keys.size(), from + 1000)))
              .getResultList());
    }
    return queued;
  }

  /**
   * Sends one batch of due messages; returns how many were sent. The batch is leased for {@code
   * crossroads.mail.lease} and each message is recorded as soon as it is sent; a batch still going
   * at half its lease gives the rest back rather than outlive it.
   */
  public int drain() {
    if (!settings.configured()) {
      return 0;
    }
    Instant now = clock.instant();
    Duration lease = settings.lease();
    List<OutboxMessage> messages = leases.claim(now, now.plus(lease), BATCH);
    if (messages.isEmpty()) {
      return 0;
    }
    Instant giveBackAt = now.plus(lease.dividedBy(2));
    Set<UUID> open = new LinkedHashSet<>();
    messages.forEach(m -> open.add(m.id()));
    int[] sent = {0};
    try {
      sender.send(
          messages,
          now,
          new MailSender.Receipts() {
            @Override
            public boolean mayGoOn() {
              return clock.instant().isBefore(giveBackAt);
            }

            @Override
            public void sent(OutboxMessage message) {
              open.remove(message.id());
              leases.sent(message.id(), clock.instant());
              sent[0]++;
            }

            @Override
            public void failed(OutboxMessage message, String reason) {
              open.remove(message.id());
              leases.failed(message.id(), reason, clock.instant());
            }
          });
      if (!open.isEmpty()) {
        leases.release(open, clock.instant());
      }
    } catch (MessagingException | RuntimeException unreachable) {
      LOG.log(
          Level.WARNING, "SMTP server unavailable; " + open.size() + " messages wait", unreachable);
      Instant failedAt = clock.instant();
      open.forEach(id -> leases.failed(id, String.valueOf(unreachable.getMessage()), failedAt));
    }
    return sent[0];
  }
}
