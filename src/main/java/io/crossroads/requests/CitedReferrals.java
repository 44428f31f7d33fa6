package io.crossroads.requests;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The referrals a request may cite (DESIGN rule 7). The network feature keeps them and answers;
 * requests only asks whether a citation is the employee's own, and how to show it.
 */
public interface CitedReferrals {

  /** How a cited referral is shown: who suggested the leader, named only if they allowed it. */
  record Suggestion(String by, boolean mayUseName) {}

  /** Whether {@code referralId} was given to {@code employeeId} naming {@code leaderId}. */
  boolean names(UUID referralId, UUID employeeId, UUID leaderId);

  /** The suggestions behind these referrals, by referral id. */
  Map<UUID, Suggestion> suggestions(Collection<UUID> referralIds);
}
