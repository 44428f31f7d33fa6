package io.crossroads.interviews;

import java.time.Instant;
import java.util.UUID;

/**
 * An interview took place, as one of its parties recorded: fired in that transaction, so what
 * follows from it (the leader becomes the employee's contact) is written together with it.
 */
public record InterviewHeld(
    UUID interviewId, UUID requestId, UUID employeeId, UUID leaderId, Instant end) {}
