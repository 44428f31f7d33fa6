package io.crossroads.notify;

import io.crossroads.platform.metrics.BusinessMetric;
import io.crossroads.platform.metrics.BusinessMetrics;
import io.crossroads.platform.persistence.Columns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The transactional outbox: messages are queued with the change they describe and delivered by
 * {@link #drain} on any instance. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so two
 * instances draining at once never send the same message.
 */
@ApplicationScoped
class Outbox {

  static final int BATCH = 50;
  private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

  @PersistenceContext EntityManager em;
  @Inject MailSender sender;
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

  /** Sends one batch of due messages; returns how many were sent. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int drain() {
    if (!settings.configured()) {
      return 0;
    }
    Instant now = clock.instant();
    @SuppressWarnings("unchecked")
    List<UUID> due =
        em.createNativeQuery(
                "select id from outbox_message where sent_at is null and next_attempt_at <= ?1"
                    + " order by next_attempt_at, id fetch first "
                    + BATCH
                    + " rows only"
                    + " for update skip locked",
                UUID.class)
            .setParameter(1, now)
            .getResultList();
    if (due.isEmpty()) {
      return 0;
    }
    List<OutboxMessage> messages =
        em.createQuery("select m from OutboxMessage m where m.id in :ids", OutboxMessage.class)
            .setParameter("ids", due)
            .getResultList();
    try {
      List<MailSender.Failure> failures = sender.send(messages, now);
      messages.forEach(m -> m.sent(now));
      failures.forEach(f -> f.message().failed(f.reason(), now));
      return messages.size() - failures.size();
    } catch (Exception unreachable) {
      LOG.log(
          Level.WARNING,
          "SMTP server unavailable; " + messages.size() + " messages wait",
          unreachable);
      messages.forEach(m -> m.failed(String.valueOf(unreachable.getMessage()), now));
      return 0;
    }
  }
}
