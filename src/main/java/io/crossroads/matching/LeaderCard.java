package io.crossroads.matching;

import io.crossroads.program.Eligibility;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A leader as matching sees them: where they work, what they talk about, and how much room they
 * have this month ({@code booked} of {@code monthlyCap} places taken, {@code waiting} requests
 * still unanswered).
 */
public record LeaderCard(
    UUID id,
    String displayName,
    UUID divisionId,
    String divisionName,
    int level,
    ZoneId zone,
    Set<String> topics,
    boolean accepting,
    int monthlyCap,
    int booked,
    int waiting)
    implements Eligibility.Leader {

  public LeaderCard {
    topics = topics.stream().map(Topics::normalise).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public int placesLeft() {
    return Math.max(0, monthlyCap - booked);
  }

  /** Places left once the requests already waiting are answered with a yes. */
  public int uncommitted() {
    return placesLeft() - waiting;
  }

  /** How many introductions a cohort round may give this leader now. */
  public int roomForIntroductions() {
    return accepting ? Math.max(0, uncommitted()) : 0;
  }
}
