package io.crossroads.reporting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The requests each leader received in each calendar month (UTC), kept as counts: the leaders
 * report adds up a year of them instead of reading every request. A request's leader and the time
 * it was sent never change, so each request is folded in once and marked counted in the same
 * transaction; a report adds the requests not yet counted ({@code counted = false}) to the counts,
 * and is exact before the job has run.
 */
public final class LeaderMonthRequests {

  private LeaderMonthRequests() {}

  /**
   * Folds up to {@code limit} uncounted requests into the counts and marks them counted; returns
   * how many were read. Runs in the caller's transaction (the job's, after the stamping lock, so
   * instances take turns); a request is counted only by the transaction that marks it.
   */
  public static int fold(Connection connection, int limit) throws SQLException {
    List<UUID> requests = new ArrayList<>();
    List<Key> keys = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "select id, leader_id, created_at from interview_request where counted = false"
                + " fetch first "
                + limit
                + " rows only")) {
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          requests.add(rows.getObject(1, UUID.class));
          YearMonth month =
              YearMonth.from(
                  rows.getObject(3, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC));
          keys.add(new Key(rows.getObject(2, UUID.class), month.toString()));
        }
      }
    }
    if (requests.isEmpty()) {
      return 0;
    }
    // Marked first, each only if still uncounted: a request another folder marked meanwhile
    // (after waiting for its row) is left to that folder's counts.
    Map<Key, Long> counts = new HashMap<>();
    try (PreparedStatement mark =
        connection.prepareStatement(
            "update interview_request set counted = true where id = ? and counted = false")) {
      for (UUID request : requests) {
        mark.setObject(1, request);
        mark.addBatch();
      }
      int[] marked = mark.executeBatch();
      for (int i = 0; i < marked.length; i++) {
        if (marked[i] == 1) {
          counts.merge(keys.get(i), 1L, Long::sum);
        }
      }
    }
    List<Key> folded = new ArrayList<>(counts.keySet());
    List<Key> missing = new ArrayList<>();
    try (PreparedStatement add =
        connection.prepareStatement(
            "update leader_month_request set requests = requests + ?"
                + " where leader_id = ? and period = ?")) {
      for (Key key : folded) {
        add.setLong(1, counts.get(key));
        add.setObject(2, key.leader());
        add.setString(3, key.month());
        add.addBatch();
      }
      int[] updated = add.executeBatch();
      for (int i = 0; i < updated.length; i++) {
        if (updated[i] == 0) {
          missing.add(folded.get(i));
        }
      }
    }
    if (!missing.isEmpty()) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "insert into leader_month_request (leader_id, period, requests) values (?, ?, ?)")) {
        for (Key key : missing) {
          insert.setObject(1, key.leader());
          insert.setString(2, key.month());
          insert.setLong(3, counts.get(key));
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
    return requests.size();
  }

  private record Key(UUID leader, String month) {}
}
