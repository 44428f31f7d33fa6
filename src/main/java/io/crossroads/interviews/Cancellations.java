package io.crossroads.interviews;

import io.crossroads.availability.AvailabilityService;
import io.crossroads.availability.MonthlyLoads;
import io.crossroads.notify.Notifications;
import io.crossroads.people.Directory;
import io.crossroads.people.Person;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * What cancelling an interview frees and sends, whoever calls it off: a party, the program, or the
 * departure of one of the two.
 */
@ApplicationScoped
public class Cancellations {

  static final String CANCELLED = "Informational interview cancelled";

  @PersistenceContext EntityManager em;
  @Inject Directory directory;
  @Inject AvailabilityService availability;
  @Inject MonthlyLoads loads;
  @Inject Notifications notifications;

  /**
   * Calls off interviews the program no longer allows: each leader's place under the cap is given
   * back, and both parties get the cancellation with the program's reason and nothing else.
   */
  public void cancelNoLongerAllowed(Collection<Interview> interviews, String reason, Instant now) {
    for (Interview interview : interviews) {
      interview.cancelNoLongerAllowed(reason, now);
      free(interview);
    }
    em.flush();
    for (Interview interview : interviews) {
      notifications.calendarChanged(
          interview.meeting(), "interview-cancelled", CANCELLED, null, reason);
    }
  }

  /**
   * Calls off interviews with people who left the company ({@code leaving}): each leader's place
   * under the cap is given back, and whoever of the two stays gets the cancellation, told that the
   * other left the company and nothing more; whoever left gets nothing.
   */
  public void cancelForLeavers(Collection<Interview> interviews, Set<UUID> leaving, Instant now) {
    for (Interview interview : interviews) {
      interview.cancelForLeaver(leaverOf(interview, leaving), now);
      free(interview);
    }
    em.flush();
    for (Interview interview : interviews) {
      UUID leaver = leaverOf(interview, leaving);
      UUID stays =
          leaver.equals(interview.leaderId()) ? interview.employeeId() : interview.leaderId();
      if (!leaving.contains(stays)) {
        notifications.calendarChangedFor(
            interview.meeting(),
            stays,
            "interview-cancelled",
            CANCELLED,
            directory.person(leaver).orElseThrow().displayName()
                + " has left the company, so your interview was cancelled.");
      }
    }
  }

  private static UUID leaverOf(Interview interview, Set<UUID> leaving) {
    return leaving.contains(interview.leaderId()) ? interview.leaderId() : interview.employeeId();
  }

  /** Gives the leader's place back in the month of the interview's start, in the leader's zone. */
  void free(Interview interview) {
    Person leader = directory.person(interview.leaderId()).orElseThrow();
    loads.release(
        leader.id(),
        YearMonth.from(interview.start().atZone(availability.schedule(leader).zone())));
  }
}
