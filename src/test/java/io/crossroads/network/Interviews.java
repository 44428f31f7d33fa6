package io.crossroads.network;

import io.crossroads.interviews.Interview;
import io.crossroads.people.MeetingFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Interviews for the network's tests: scheduled, or held and over. */
final class Interviews {

  static final Instant START = Instant.parse("2026-03-10T14:00:00Z");
  static final Instant AFTER = START.plus(Duration.ofHours(1));

  private Interviews() {}

  static Interview scheduled(UUID employee, UUID leader) {
    return Interview.schedule(
        UUID.randomUUID(),
        employee,
        leader,
        START,
        20,
        MeetingFormat.VIDEO,
        Duration.ZERO,
        Duration.ZERO,
        START.minus(Duration.ofDays(7)));
  }

  static Interview held(UUID employee, UUID leader) {
    Interview interview = scheduled(employee, leader);
    interview.recordOutcome(employee, true, AFTER);
    return interview;
  }
}
