package io.crossroads.matching;

import io.crossroads.program.Eligibility;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An employee looking for leaders to talk to, with everything the hard constraints and the score
 * need: their management chain, the leaders they met recently or are waiting on, their interests,
 * and who referred them to whom ({@code referrals}: leader id to the name of the person who
 * suggested that leader). {@code waitingOn}: leaders with a request of theirs open, and in a cohort
 * round also the leaders earlier rounds introduced them to.
 */
public record Seeker(
    UUID id,
    UUID divisionId,
    int level,
    ZoneId zone,
    Set<UUID> managementChain,
    Set<UUID> targetDivisions,
    Set<String> topics,
    Map<UUID, String> referrals,
    Set<UUID> recentlyMet,
    Set<UUID> waitingOn)
    implements Eligibility.Employee {

  public Seeker {
    managementChain = Set.copyOf(managementChain);
    targetDivisions = Set.copyOf(targetDivisions);
    topics = topics.stream().map(Topics::normalise).collect(Collectors.toUnmodifiableSet());
    referrals = Map.copyOf(referrals);
    recentlyMet = Set.copyOf(recentlyMet);
    waitingOn = Set.copyOf(waitingOn);
  }
}
