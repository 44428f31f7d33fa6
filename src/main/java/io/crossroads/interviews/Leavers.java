package io.crossroads.interviews;

import io.crossroads.people.Directory;
import io.crossroads.people.PeopleLeft;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * When people leave the company, their interviews still to come are called off in the same
 * transaction ({@link Cancellations#cancelForLeavers}): nobody would be there to meet, and the
 * leader's place under the cap is given back. An interview that has begun is left for its outcome.
 */
@ApplicationScoped
class Leavers {

  @Inject Interviews interviews;
  @Inject Directory directory;
  @Inject Cancellations cancellations;

  void cancelComingInterviews(@Observes PeopleLeft left) {
    Instant now = left.at();
    Set<UUID> leaving = Set.copyOf(left.people());
    List<Interviews.Between> coming = interviews.scheduledOfAnyAfter(leaving, now);
    if (coming.isEmpty()) {
      return;
    }
    Set<UUID> leaders = new HashSet<>();
    coming.forEach(interview -> leaders.add(interview.leaderId()));
    // As a party's move or cancellation does: the leader's calendar is this transaction's alone,
    // and whatever either party did meanwhile is read as they committed it.
    directory.lockLeaderProfiles(leaders);
    cancellations.cancelForLeavers(
        interviews.scheduledWithForUpdate(leaders, now).stream()
            .filter(i -> leaving.contains(i.employeeId()) || leaving.contains(i.leaderId()))
            .toList(),
        leaving,
        now);
  }
}
