package io.crossroads.requests;

import io.crossroads.notify.Notifications;
import io.crossroads.people.PeopleLeft;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * When people leave the company, their open requests close in the same transaction, and whoever of
 * the two stays is told.
 */
@ApplicationScoped
class Leavers {

  @Inject Requests requests;
  @Inject Notifications notifications;

  void closeOpenRequests(@Observes PeopleLeft left) {
    Set<UUID> leaving = new HashSet<>(left.people());
    for (InterviewRequest request : requests.openOfAny(leaving)) {
      boolean leaderLeft = leaving.contains(request.leaderId());
      request.closeForLeaver(leaderLeft ? request.leaderId() : request.requesterId(), left.at());
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
