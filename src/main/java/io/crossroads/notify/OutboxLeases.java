package io.crossroads.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The outbox's rows as the sender moves them, each step its own short transaction: a batch is
 * claimed for a lease (its next attempt moved to the lease's end, so no other instance takes it
 * meanwhile), and each message is recorded sent or failed as soon as the SMTP server has answered
 * for it. An instance that dies while sending leaves at most the message in flight to be sent
 * again, with the same Message-ID; the rest of its batch waits for the lease to end.
 */
@ApplicationScoped
class OutboxLeases {

  @PersistenceContext EntityManager em;

  /** Up to {@code limit} due messages, oldest first, now leased until {@code leaseEnd}. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<OutboxMessage> claim(Instant now, Instant leaseEnd, int limit) {
    @SuppressWarnings("unchecked")
    List<UUID> due =
        em.createNativeQuery(
                "select id from outbox_message where sent_at is null and next_attempt_at <= ?1"
                    + " order by next_attempt_at, id fetch first "
                    + limit
                    + " rows only"
                    + " for update skip locked",
                UUID.class)
            .setParameter(1, now)
            .getResultList();
    if (due.isEmpty()) {
      return List.of();
    }
    List<OutboxMessage> messages =
        em.createQuery(
                "select m from OutboxMessage m where m.id in :ids order by m.nextAttemptAt, m.id",
                OutboxMessage.class)
            .setParameter("ids", due)
            .getResultList();
    messages.forEach(m -> m.leasedUntil(leaseEnd));
    return messages;
  }

  /** Records the message sent. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void sent(UUID message, Instant now) {
    OutboxMessage row = em.find(OutboxMessage.class, message);
    if (row != null) {
      row.sent(now);
    }
  }

  /** Records a failed attempt; the message backs off. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void failed(UUID message, String reason, Instant now) {
    OutboxMessage row = em.find(OutboxMessage.class, message);
    if (row != null && row.sentAt() == null) {
      row.failed(reason, now);
    }
  }

  /** Gives messages claimed but not attempted back: due again at once, on any instance. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void release(Collection<UUID> messages, Instant now) {
    for (UUID id : messages) {
      OutboxMessage row = em.find(OutboxMessage.class, id);
      if (row != null && row.sentAt() == null) {
        row.leasedUntil(now);
      }
    }
  }
}
