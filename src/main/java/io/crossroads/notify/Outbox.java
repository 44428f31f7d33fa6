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
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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

  /** Messages sent whose sending the database could not record at the time, and when. */
  private final Map<UUID, Instant> sentUnrecorded = new ConcurrentHashMap<>();

  /** Messages leased and not sent, whose lease the database could not give back at the time. */
  private final Set<UUID> leasedUnsent = ConcurrentHashMap.newKeySet();

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
   * at half its lease gives the rest back rather than outlive it. While the database is away, what
   * could not be recorded is kept here and recorded first thing once it is back.
   */
  public int drain() {
    if (!settings.configured()) {
      return 0;
    }
    settle();
    Instant now = clock.instant();
    Duration lease = settings.lease();
    List<OutboxMessage> messages = leases.claim(now, now.plus(lease), BATCH);
    if (messages.isEmpty()) {
      return 0;
    }
    Batch batch = new Batch(messages, now.plus(lease.dividedBy(2)));
    try {
      sender.send(messages, now, batch);
    } catch (MessagingException | RuntimeException unreachable) {
      LOG.log(
          Level.WARNING,
          "SMTP server unavailable; " + batch.open.size() + " messages wait",
          unreachable);
      batch.failAll(String.valueOf(unreachable.getMessage()));
    }
    batch.giveBack();
    return batch.sent;
  }

  /**
   * Records what the database could not take during earlier batches; throws while it still cannot.
   */
  private void settle() {
    for (Map.Entry<UUID, Instant> sent : Map.copyOf(sentUnrecorded).entrySet()) {
      leases.sent(sent.getKey(), sent.getValue());
      sentUnrecorded.remove(sent.getKey());
    }
    if (!leasedUnsent.isEmpty()) {
      Set<UUID> unsent = Set.copyOf(leasedUnsent);
      leases.release(unsent, clock.instant());
      leasedUnsent.removeAll(unsent);
    }
  }

  /** One batch under way: what is still open, and whether the database still takes receipts. */
  private final class Batch implements MailSender.Receipts {
    final Set<UUID> open = new LinkedHashSet<>();
    final Instant giveBackAt;
    int sent;
    boolean databaseAway;

    Batch(List<OutboxMessage> messages, Instant giveBackAt) {
      messages.forEach(m -> open.add(m.id()));
      this.giveBackAt = giveBackAt;
    }

    @Override
    public boolean mayGoOn() {
      return !databaseAway && clock.instant().isBefore(giveBackAt);
    }

    @Override
    public void sent(OutboxMessage message) {
      open.remove(message.id());
      sent++;
      Instant at = clock.instant();
      try {
        leases.sent(message.id(), at);
      } catch (RuntimeException away) {
        sentUnrecorded.put(message.id(), at);
        databaseAway = true;
      }
    }

    @Override
    public void failed(OutboxMessage message, String reason) {
      if (databaseAway) {
        return;
      }
      try {
        leases.failed(message.id(), reason, clock.instant());
        open.remove(message.id());
      } catch (RuntimeException away) {
        databaseAway = true;
      }
    }

    void failAll(String reason) {
      for (UUID id : List.copyOf(open)) {
        if (databaseAway) {
          return;
        }
        try {
          leases.failed(id, reason, clock.instant());
          open.remove(id);
        } catch (RuntimeException away) {
          databaseAway = true;
        }
      }
    }

    /** The messages not attempted, due again at once: now, or once the database is back. */
    void giveBack() {
      if (open.isEmpty()) {
        return;
      }
      if (!databaseAway) {
        try {
          leases.release(open, clock.instant());
          return;
        } catch (RuntimeException away) {
          databaseAway = true;
        }
      }
      leasedUnsent.addAll(open);
    }
  }
}
