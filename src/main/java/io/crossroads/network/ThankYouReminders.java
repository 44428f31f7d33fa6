package io.crossroads.network;

import io.crossroads.interviews.Interview;
import io.crossroads.interviews.Interviews;
import io.crossroads.notify.Notifications;
import io.crossroads.people.Directory;
import io.crossroads.people.Person;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One reminder to thank (DESIGN rule 8): an employee who has not thanked the leader a day after a
 * held interview ended hears once; after a week it is too late to nag.
 */
@ApplicationScoped
class ThankYouReminders {

  static final Duration AFTER = Duration.ofHours(24);

  @PersistenceContext EntityManager em;
  @Inject Interviews interviews;
  @Inject Directory directory;
  @Inject Notifications notifications;

  static String key(UUID interviewId) {
    return "thank-you-reminder:" + interviewId;
  }

  /** Queues the reminders due at {@code now}; returns how many. */
  @Transactional
  public int remind(Instant now) {
    List<Interview> ended = interviews.heldEnding(now.minus(ThankYou.ASKED_FOR), now.minus(AFTER));
    if (ended.isEmpty()) {
      return 0;
    }
    Set<UUID> thanked =
        new HashSet<>(
            em.createQuery(
                    "select t.interviewId from ThankYou t where t.interviewId in :ids", UUID.class)
                .setParameter("ids", ended.stream().map(Interview::id).toList())
                .getResultList());
    List<Interview> unthanked = ended.stream().filter(i -> !thanked.contains(i.id())).toList();
    Set<String> reminded = notifications.queued(unthanked.stream().map(i -> key(i.id())).toList());
    int sent = 0;
    for (Interview interview : unthanked) {
      if (reminded.contains(key(interview.id()))) {
        continue;
      }
      Person leader = directory.person(interview.leaderId()).orElseThrow();
      notifications.tellOnce(
          interview.employeeId(),
          "thank-you-reminder",
          "A word of thanks to " + leader.displayName() + "?",
          "You met "
              + leader.displayName()
              + " recently. A short thank-you is remembered: what you learnt, and what you will"
              + " do with it. Send it in Crossroads.\n",
          key(interview.id()));
      sent++;
    }
    return sent;
  }
}
