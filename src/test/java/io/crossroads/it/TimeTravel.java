package io.crossroads.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Moves stored times back, as if time had passed: what the application reads, it reads as now. */
final class TimeTravel {

  /** Each interview moved gets its own past hour, so no two of one leader overlap. */
  private static final AtomicInteger HOURS = new AtomicInteger();

  private TimeTravel() {}

  /** A scheduled interview now ended {@code ago} ago (and a little more), as if it took place. */
  static void interviewEnded(String interviewId, Duration ago) throws SQLException {
    try (Connection db = TestEnvironment.database()) {
      interviewEnded(db, interviewId, ago);
    }
  }

  /** The same, in the database of that connection. */
  static void interviewEnded(Connection db, String interviewId, Duration ago) throws SQLException {
    Instant end = Instant.now().minus(ago).minus(Duration.ofHours(HOURS.incrementAndGet()));
    OffsetDateTime until = OffsetDateTime.ofInstant(end, ZoneOffset.UTC);
    OffsetDateTime from = until.minusMinutes(20);
    try (PreparedStatement move =
        db.prepareStatement(
            "update interview set start_at = ?, end_at = ?, block_start = ?, block_end = ?"
                + " where id = ?")) {
      move.setObject(1, from);
      move.setObject(2, until);
      move.setObject(3, from);
      move.setObject(4, until);
      move.setObject(5, UUID.fromString(interviewId));
      assertThat(move.executeUpdate()).isEqualTo(1);
    }
  }

  /** Every contact of the employee falls due, as if a cadence had passed. */
  static void contactsDue(String employeeId) throws SQLException {
    try (Connection db = TestEnvironment.database()) {
      contactsDue(db, employeeId);
    }
  }

  /** The same, in the database of that connection. */
  static void contactsDue(Connection db, String employeeId) throws SQLException {
    try (PreparedStatement due =
        db.prepareStatement(
            "update contact set next_due_at = now() - interval '1 day' where employee_id = ?")) {
      due.setObject(1, UUID.fromString(employeeId));
      assertThat(due.executeUpdate()).isPositive();
    }
  }

  /** The request's last attempt (sending or a follow-up) now lies {@code ago} in the past. */
  static void lastAttempt(String requestId, Duration ago) throws SQLException {
    try (Connection db = TestEnvironment.database();
        PreparedStatement move =
            db.prepareStatement("update interview_request set last_attempt_at = ? where id = ?")) {
      move.setObject(1, OffsetDateTime.ofInstant(Instant.now().minus(ago), ZoneOffset.UTC));
      move.setObject(2, UUID.fromString(requestId));
      assertThat(move.executeUpdate()).isEqualTo(1);
    }
  }
}
