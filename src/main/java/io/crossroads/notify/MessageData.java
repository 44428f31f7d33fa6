package io.crossroads.notify;

import io.crossroads.platform.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** The messages sent (or still to send) to a person, for their export. */
@ApplicationScoped
public class MessageData implements PersonalData {

  public record Message(
      String kind, String subject, String body, Instant createdAt, Instant sentAt) {}

  @PersistenceContext EntityManager em;

  @Override
  public String part() {
    return "messages";
  }

  @Override
  @Transactional
  public Object about(UUID personId) {
    return em
        .createQuery(
            "select m from OutboxMessage m where m.recipientId = :p order by m.createdAt",
            OutboxMessage.class)
        .setParameter("p", personId)
        .getResultList()
        .stream()
        .map(m -> new Message(m.kind(), m.subject(), m.body(), m.createdAt(), m.sentAt()))
        .toList();
  }
}
