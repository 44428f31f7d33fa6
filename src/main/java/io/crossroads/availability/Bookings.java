package io.crossroads.availability;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * What already blocks leaders' calendars. The interviews feature answers; availability only needs
 * the blocked stretches to compute what is still open.
 */
public interface Bookings {

  /** An active booking: the stretch it blocks on the leader's calendar, buffers included. */
  record Booked(UUID id, UUID leaderId, Instant blockStart, Instant blockEnd) {}

  /** The leaders' active bookings starting in {@code [from, to)}. */
  List<Booked> ofLeaders(Collection<UUID> leaderIds, Instant from, Instant to);
}
