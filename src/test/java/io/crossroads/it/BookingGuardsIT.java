package io.crossroads.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossroads.platform.persistence.DatabaseMigration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * The schema's own guard against double bookings on real PostgreSQL: whatever the application does,
 * two scheduled interviews of one leader cannot block overlapping time.
 */
class BookingGuardsIT {

  static final String DATABASE = "booking_guards";
  static PGSimpleDataSource dataSource;

  UUID division = UUID.randomUUID();
  UUID leader = UUID.randomUUID();
  UUID otherLeader = UUID.randomUUID();
  UUID employee = UUID.randomUUID();

  @BeforeAll
  static void migrate() throws SQLException {
    String url = TestEnvironment.freshDatabase(DATABASE);
    dataSource = new PGSimpleDataSource();
    dataSource.setURL(url);
    dataSource.setUser("postgres");
    dataSource.setPassword("postgres");
    assertThat(DatabaseMigration.migrateSchema(dataSource).success).isTrue();
  }

  @BeforeEach
  void people() throws SQLException {
    execute("insert into division (id, name) values (?, ?)", division, "Guards " + division);
    for (UUID person : new UUID[] {leader, otherLeader, employee}) {
      execute(
          "insert into person (id, username, display_name, email, division_id, title, level,"
              + " time_zone, leader, hr, active) values (?, ?, 'P', 'p@x', ?, 'T', 5, 'UTC', true, false, true)",
          person,
          person.toString(),
          division);
    }
  }

  @Test
  void overlappingScheduledInterviewsOfOneLeaderAreRefusedByTheDatabase() throws SQLException {
    book(leader, "2030-03-04T10:00:00Z", "2030-03-04T10:30:00Z");

    assertRefused(
        () -> book(leader, "2030-03-04T10:15:00Z", "2030-03-04T10:45:00Z"),
        PSQLState.EXCLUSION_VIOLATION,
        "ex_interview_leader_overlap");
    assertRefused(
        () -> book(leader, "2030-03-04T09:00:00Z", "2030-03-04T12:00:00Z"),
        PSQLState.EXCLUSION_VIOLATION,
        "ex_interview_leader_overlap");
  }

  @Test
  void blocksThatOnlyTouchAreAllowed() throws SQLException {
    book(leader, "2030-03-05T10:00:00Z", "2030-03-05T10:30:00Z");
    book(leader, "2030-03-05T10:30:00Z", "2030-03-05T11:00:00Z");
    book(leader, "2030-03-05T09:30:00Z", "2030-03-05T10:00:00Z");
  }

  @Test
  void anotherLeaderMayBeBookedAtTheSameTime() throws SQLException {
    book(leader, "2030-03-06T10:00:00Z", "2030-03-06T10:30:00Z");
    book(otherLeader, "2030-03-06T10:00:00Z", "2030-03-06T10:30:00Z");
  }

  @Test
  void aCancelledInterviewNoLongerBlocksItsTime() throws SQLException {
    UUID cancelled = book(leader, "2030-03-07T10:00:00Z", "2030-03-07T10:30:00Z");
    execute("update interview set status = 'CANCELLED' where id = ?", cancelled);

    book(leader, "2030-03-07T10:00:00Z", "2030-03-07T10:30:00Z");
  }

  @Test
  void theMonthlyCountCannotGoNegative() {
    assertRefused(
        () ->
            execute(
                "insert into leader_month_load (leader_id, period, booked) values (?, '2030-03', -1)",
                leader),
        PSQLState.CHECK_VIOLATION,
        "ck_leader_month_load_booked");
  }

  /** The database refuses the statement with this SQLState, naming this constraint. */
  static void assertRefused(ThrowingCallable statement, PSQLState state, String constraint) {
    assertThatThrownBy(statement)
        .isInstanceOfSatisfying(
            PSQLException.class,
            e -> {
              assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(state.getState());
              assertThat(e.getServerErrorMessage().getConstraint()).isEqualTo(constraint);
            });
  }

  UUID book(UUID leaderId, String blockStart, String blockEnd) throws SQLException {
    UUID request = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now());
    execute(
        "insert into interview_request (id, requester_id, leader_id, status, length_minutes,"
            + " format, intro, learn, why_you, created_at, last_attempt_at, version)"
            + " values (?, ?, ?, 'ACCEPTED', 20, 'VIDEO', 'i', 'l', 'w', ?, ?, 0)",
        request,
        employee,
        leaderId,
        now,
        now);
    UUID interview = UUID.randomUUID();
    Timestamp start = Timestamp.from(Instant.parse(blockStart));
    Timestamp end = Timestamp.from(Instant.parse(blockEnd));
    execute(
        "insert into interview (id, request_id, employee_id, leader_id, start_at, end_at,"
            + " block_start, block_end, length_minutes, format, status, sequence, created_at, version)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, 20, 'VIDEO', 'SCHEDULED', 0, ?, 0)",
        interview,
        request,
        employee,
        leaderId,
        start,
        end,
        start,
        end,
        now);
    return interview;
  }

  static void execute(String sql, Object... parameters) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }
}
