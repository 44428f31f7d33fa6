package io.crossroads.notify;

import java.time.Instant;
import java.util.UUID;

/**
 * A meeting as calendars and messages see it: who, when, how long, which version of it. The feature
 * that owns the meeting hands one over with every change.
 */
public record Meeting(
    UUID id,
    UUID employeeId,
    UUID leaderId,
    Instant start,
    Instant end,
    int lengthMinutes,
    String format,
    int sequence,
    boolean cancelled) {}
