package io.crossroads.requests;

import io.crossroads.interviews.Cancellations;
import io.crossroads.interviews.Interviews;
import io.crossroads.notify.Notifications;
import io.crossroads.people.Directory;
import io.crossroads.people.PeopleLeft;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * When people leave the company, what they leave open closes in the same transaction: their
 * interviews still to come are called off ({@link Cancellations#cancelForLeavers}: nobody would be
 * there to meet, and the leader's place under the cap is given back), then their open requests
 * close. Whoever of the two stays is told; an interview that has begun is left for its outcome.
 *
 * <p>The leaders' calendars are taken first, as by an accept or a move, and everything is read
 * again under them: a request accepted meanwhile is cancelled as the interview it became, and an
 * accept still waiting finds its request closed.
 */
@ApplicationScoped
class Leavers {

  @Inject Requests requests;
  @Inject Interviews interviews;
  @Inject Cancellations cancellations;
  @Inject Directory directory;
  @Inject Notifications notifications;

  void closeWhatTheyLeaveOpen(@Observes PeopleLeft left) {
    Instant now = left.at();
    Set<UUID> leaving = Set.copyOf(left.people());
    Set<UUID> leaders = new HashSet<>();
    requests.openOfAny(leaving).forEach(request -> leaders.add(request.leaderId()));
    interviews
        .scheduledOfAnyAfter(leaving, now)
        .forEach(interview -> leaders.add(interview.leaderId()));
    if (leaders.isEmpty()) {
      return;
    }
    directory.lockLeaderProfiles(leaders);
    cancellations.cancelForLeavers(
        interviews.scheduledOfAnyWithForUpdate(leaving, now), leaving, now);
    for (InterviewRequest request : requests.openOfAnyForUpdate(leaving)) {
      boolean leaderLeft = leaving.contains(request.leaderId());
      request.closeForLeaver(leaderLeft ? request.leaderId() : request.requesterId(), now);
      if (leaderLeft && !leaving.contains(request.requesterId())) {
        notifications.toEmployee(
            request.requesterId(),
            request.leaderId(),
            "request-closed",
            "has left the company, so your request was closed");
      } else if (!leaderLeft) {
        notifications.toLeader(
            request.leaderId(),
            request.requesterId(),
            "request-closed",
            "has left the company; their request was closed");
      }
    }
    requests.flush();
  }
}
