package io.crossroads.it;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The runs of scheduled jobs, as the table {@code scheduled_run} records their claims. */
final class ScheduledJobs {

  private ScheduledJobs() {}

  /**
   * Waits until {@code job} has run from start to finish after this call. A run claims its period
   * before it starts; an instance runs its timer one period at a time, so once one instance has
   * claimed two periods after now, the first of them has finished.
   */
  static void awaitFullRun(String job) throws SQLException {
    OffsetDateTime since = lastPeriod(job);
    await(job + " ran through again")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> periodsClaimedByOneInstance(job, since) >= 2);
  }

  private static OffsetDateTime lastPeriod(String job) throws SQLException {
    try (Connection db = TestEnvironment.database();
        PreparedStatement last =
            db.prepareStatement("select max(period_start) from scheduled_run where job = ?")) {
      last.setString(1, job);
      try (ResultSet result = last.executeQuery()) {
        result.next();
        OffsetDateTime period = result.getObject(1, OffsetDateTime.class);
        return period == null ? OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC) : period;
      }
    }
  }

  private static int periodsClaimedByOneInstance(String job, OffsetDateTime since)
      throws SQLException {
    try (Connection db = TestEnvironment.database();
        PreparedStatement claims =
            db.prepareStatement(
                "select count(*) from scheduled_run where job = ? and period_start > ?"
                    + " group by instance order by count(*) desc fetch first 1 rows only")) {
      claims.setString(1, job);
      claims.setObject(2, since);
      try (ResultSet result = claims.executeQuery()) {
        return result.next() ? result.getInt(1) : 0;
      }
    }
  }
}
